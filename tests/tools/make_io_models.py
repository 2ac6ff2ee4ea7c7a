#!/usr/bin/python3
"""Writes the test data of tests/multi_io, tests/shapes and tests/control
(run once; the files are kept). Needs /usr/bin/python3 with torch and onnx;
seeds fixed.

tests/multi_io:

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

tests/shapes:

nhwc_kws.onnx   a keyword-spotting style CNN whose input is NHWC
                [batch, time, 16, 1] with a symbolic batch and length
                (dynamic axes), transposed to NCHW by its first node, then
                conv/relu/maxpool/conv/relu, a global average pool and a
                dense head (torch.onnx.export, opset 13)
kws_calib.npy   32 calibration samples [32, 1, 40, 16, 1] (length 40)
kws_x.npy       40 test samples [40, 1, 40, 16, 1]
kws_ref.npy     PyTorch's float outputs on them [40, 5]
kws_x50.npy, kws_ref50.npy   the same at length 50 (10 samples)

tests/control:
if_fold.onnx    two If nodes whose conditions fold at import time (the
                input's width 4 compared with 3 by Greater and by Less, from
                Shape and Gather): y = relu(x) * 2 from the first's then
                branch (with an initializer of its own), z = sigmoid(x)
                from the second's else branch
if_x.npy, if_y_ref.npy, if_z_ref.npy   10 samples [10, 1, 4] and NumPy's
                outputs [10, 4]
if_runtime.onnx an If whose condition is a graph input (known at run time)
"""
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper

tests = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


class Kws(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(1, 6, 3, padding=1)
        self.c2 = torch.nn.Conv2d(6, 8, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(8, 5)

    def forward(self, x):
        h = x.permute(0, 3, 1, 2)
        h = self.pool(torch.relu(self.c1(h)))
        h = torch.relu(self.c2(h))
        h = torch.nn.functional.adaptive_avg_pool2d(h, 1).flatten(1)
        return self.fc(h)


def save(here, name, a):
    np.save(os.path.join(here, name), a.astype(np.float32))


def multi_io(here):
    torch.manual_seed(11)
    rng = np.random.RandomState(11)
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
        save(here, n + ".npy", a)
    with torch.no_grad():
        y, sn = m(torch.tensor(tx[:, 0], dtype=torch.float32),
                  torch.tensor(ts[:, 0], dtype=torch.float32))
    save(here, "onnx_y_ref.npy", y.numpy())
    save(here, "onnx_s_ref.npy", sn.numpy())

    save(here, "two_io_ca.npy", rng.randn(64, 1, 8))
    save(here, "two_io_cb.npy", rng.randn(64, 1, 4))
    save(here, "two_io_xa.npy", rng.randn(100, 1, 8) * 1.2)
    save(here, "two_io_xb.npy", rng.randn(100, 1, 4) * 1.2)

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


def shapes(here):
    torch.manual_seed(5)
    rng = np.random.RandomState(5)
    m = Kws().eval()
    torch.onnx.export(m, torch.randn(1, 40, 16, 1),
                      os.path.join(here, "nhwc_kws.onnx"), input_names=["x"],
                      output_names=["y"], opset_version=13,
                      dynamic_axes={"x": {0: "batch", 1: "time"}, "y": {0: "batch"}})
    save(here, "kws_calib.npy", rng.randn(32, 1, 40, 16, 1))
    for t, n, suffix in ((40, 40, ""), (50, 10, "50")):
        x = rng.randn(n, 1, t, 16, 1) * 1.2
        save(here, "kws_x%s.npy" % suffix, x)
        with torch.no_grad():
            y = m(torch.tensor(x[:, 0], dtype=torch.float32))
        save(here, "kws_ref%s.npy" % suffix, y.numpy())


def control(here):
    rng = np.random.RandomState(7)
    f = TensorProto.FLOAT

    def branch(name, nodes, out, inits=()):
        return helper.make_graph(
            nodes, name, [], [helper.make_tensor_value_info(out, f, [1, 4])],
            list(inits))

    two = helper.make_tensor("two", f, [1], [2.0])
    then1 = branch("then1", [helper.make_node("Relu", ["x"], ["r"]),
                             helper.make_node("Mul", ["r", "two"], ["y1"])],
                   "y1", [two])
    else1 = branch("else1", [helper.make_node("Neg", ["x"], ["y2"])], "y2")
    then2 = branch("then2", [helper.make_node("Neg", ["x"], ["z1"])], "z1")
    else2 = branch("else2", [helper.make_node("Sigmoid", ["x"], ["z2"])],
                   "z2")
    k1 = helper.make_tensor("k1", TensorProto.INT64, [1], [1])
    k3 = helper.make_tensor("k3", TensorProto.INT64, [], [3])
    nodes = [
        helper.make_node("Shape", ["x"], ["shape"]),
        helper.make_node("Gather", ["shape", "k1"], ["width"], axis=0),
        helper.make_node("Greater", ["width", "k3"], ["wide"]),
        helper.make_node("Less", ["width", "k3"], ["narrow"]),
        helper.make_node("If", ["wide"], ["y"], name="if_wide",
                         then_branch=then1, else_branch=else1),
        helper.make_node("If", ["narrow"], ["z"], name="if_narrow",
                         then_branch=then2, else_branch=else2),
    ]
    g = helper.make_graph(nodes, "if_fold",
                          [helper.make_tensor_value_info("x", f, [1, 4])],
                          [helper.make_tensor_value_info("y", f, [1, 4]),
                           helper.make_tensor_value_info("z", f, [1, 4])],
                          [k1, k3])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(here, "if_fold.onnx"))
    x = rng.randn(10, 1, 4)
    save(here, "if_x.npy", x)
    x = x.astype(np.float32)[:, 0]   # qcc run drops the leading 1
    save(here, "if_y_ref.npy", np.maximum(x, 0) * 2)
    save(here, "if_z_ref.npy", 1 / (1 + np.exp(-x)))

    g = helper.make_graph(
        [helper.make_node("If", ["c"], ["y"], name="gate",
                          then_branch=then1, else_branch=else1)],
        "if_runtime",
        [helper.make_tensor_value_info("x", f, [1, 4]),
         helper.make_tensor_value_info("c", TensorProto.BOOL, [])],
        [helper.make_tensor_value_info("y", f, [1, 4])])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(here, "if_runtime.onnx"))


multi_io(os.path.join(tests, "multi_io"))
shapes(os.path.join(tests, "shapes"))
control(os.path.join(tests, "control"))
