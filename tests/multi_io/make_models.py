#!/usr/bin/python3
"""Writes the test data of tests/multi_io (run once; the files are kept):

two_io.onnx      a network with two inputs and two outputs, exported by
                 torch.onnx.export at opset 13: an 8x8 image x and a state
                 vector s in, class scores y and the next state s_next out
                 (a conv branch and a dense branch summed, as a streaming
                 model carries its state)
onnx_cx.npy, onnx_cs.npy   64 calibration samples of x and s
onnx_x.npy, onnx_s.npy     100 test samples of x and s
onnx_y_ref.npy, onnx_s_ref.npy   PyTorch's float outputs on the test samples
two_io_{ca,cb,xa,xb}.npy   calibration and test samples of two_io.g
bound_input.onnx a graph whose only input has an initializer (so it is a
                 constant): y = relu(x) + 1 over x = [-1, 0, 2]

Needs /usr/bin/python3 with torch and onnx; the seed is fixed."""
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper

here = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(11)
rng = np.random.RandomState(11)


class TwoIO(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.fx = torch.nn.Linear(64, 6)
        self.fs = torch.nn.Linear(6, 6)
        self.head = torch.nn.Linear(6, 4)

    def forward(self, x, s):
        h = self.pool(torch.relu(self.conv(x))).flatten(1)
        t = torch.relu(self.fx(h) + self.fs(s))
        return self.head(t), torch.sigmoid(t) * s


def save(name, a):
    np.save(os.path.join(here, name), a.astype(np.float32))


m = TwoIO().eval()
x = torch.randn(1, 1, 8, 8)
s = torch.randn(1, 6)
torch.onnx.export(m, (x, s), os.path.join(here, "two_io.onnx"),
                  input_names=["x", "s"], output_names=["y", "s_next"],
                  opset_version=13)
cx, cs = rng.randn(64, 1, 1, 8, 8), rng.randn(64, 1, 6)
tx, ts = rng.randn(100, 1, 1, 8, 8) * 1.2, rng.randn(100, 1, 6) * 1.2
for n, a in (("onnx_cx", cx), ("onnx_cs", cs), ("onnx_x", tx),
             ("onnx_s", ts)):
    save(n + ".npy", a)
with torch.no_grad():
    y, sn = m(torch.tensor(tx[:, 0], dtype=torch.float32),
              torch.tensor(ts[:, 0], dtype=torch.float32))
save("onnx_y_ref.npy", y.numpy())
save("onnx_s_ref.npy", sn.numpy())

save("two_io_ca.npy", rng.randn(64, 1, 8))
save("two_io_cb.npy", rng.randn(64, 1, 4))
save("two_io_xa.npy", rng.randn(100, 1, 8) * 1.2)
save("two_io_xb.npy", rng.randn(100, 1, 4) * 1.2)

# an input with an initializer: a constant, so the graph has no inputs
init = helper.make_tensor("x", TensorProto.FLOAT, [3], [-1.0, 0.0, 2.0])
one = helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])
g = helper.make_graph(
    [helper.make_node("Relu", ["x"], ["r"], name="relu"),
     helper.make_node("Add", ["r", "one"], ["y"], name="add")],
    "bound_input",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [3])],
    [init, one])
mp = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
mp.ir_version = 7
onnx.checker.check_model(mp)
onnx.save(mp, os.path.join(here, "bound_input.onnx"))
