#!/usr/bin/python3
"""Writes the cascade test data of tests/control (run once; the files are
kept). Needs /usr/bin/python3 with torch and onnx; seeds fixed.

cascade.onnx     a wake-word style cascade, opset 13: a first dense head
                 (16 -> 12 relu -> 1) whose sigmoid score s gates a second
                 head through If on GreaterOrEqual(s, 0.5): taken, y is the
                 second head (12 -> 12 relu -> 4) on the first head's hidden
                 features; not taken, y is a cheap fallback head (12 -> 4)
                 on them.
                 Outputs y [1, 4] and s [1, 1].
cascade_calib.npy   64 calibration samples [64, 1, 16]
cascade_calib_low.npy   those of them whose float score is below 0.5 (no
                 sample takes the second head)
cascade_x.npy       100 test samples [100, 1, 16], none of whose float
                 scores is within 0.01 of the threshold (there an 8-bit
                 score may decide either way)
cascade_y_ref.npy, cascade_s_ref.npy   PyTorch's float outputs on them
                 (the Python `if` of the model), [100, 4] and [100, 1]
"""
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper


class Cascade(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.h1 = torch.nn.Linear(16, 12)
        self.s1 = torch.nn.Linear(12, 1)
        self.h2 = torch.nn.Linear(12, 12)
        self.o2 = torch.nn.Linear(12, 4)
        self.f = torch.nn.Linear(12, 4)

    def head1(self, x):
        h = torch.relu(self.h1(x))
        return h, torch.sigmoid(self.s1(h))

    def forward(self, x):
        h, s = self.head1(x)
        if s.item() >= 0.5:
            return self.o2(torch.relu(self.h2(h))), s
        return self.f(h), s


def gemm(name, x, lin, out):
    w = numpy_helper.from_array(lin.weight.detach().numpy(), name + "_w")
    b = numpy_helper.from_array(lin.bias.detach().numpy(), name + "_b")
    node = helper.make_node("Gemm", [x, w.name, b.name], [out], name=name,
                            transB=1)
    return node, [w, b]


def model(m):
    f = TensorProto.FLOAT
    n1, i1 = gemm("h1", "x", m.h1, "h1_out")
    n2, i2 = gemm("s1", "h", m.s1, "logit")
    n3, i3 = gemm("h2", "h", m.h2, "h2_out")
    n4, i4 = gemm("o2", "g", m.o2, "y_then")
    then = helper.make_graph(
        [n3, helper.make_node("Relu", ["h2_out"], ["g"]), n4], "then",
        [], [helper.make_tensor_value_info("y_then", f, [1, 4])], i3 + i4)
    n5, i5 = gemm("f", "h", m.f, "y_else")
    other = helper.make_graph(
        [n5], "else", [], [helper.make_tensor_value_info("y_else", f, [1, 4])],
        i5)
    half = helper.make_tensor("half", f, [], [0.5])
    nodes = [n1, helper.make_node("Relu", ["h1_out"], ["h"]), n2,
             helper.make_node("Sigmoid", ["logit"], ["s"]),
             helper.make_node("GreaterOrEqual", ["s", "half"], ["pass"]),
             helper.make_node("If", ["pass"], ["y"], name="gate",
                              then_branch=then, else_branch=other)]
    g = helper.make_graph(
        nodes, "cascade", [helper.make_tensor_value_info("x", f, [1, 16])],
        [helper.make_tensor_value_info("y", f, [1, 4]),
         helper.make_tensor_value_info("s", f, [1, 1])], i1 + i2 + [half])
    mp = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    mp.ir_version = 7
    onnx.checker.check_model(mp)
    return mp


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "control")
    torch.manual_seed(11)
    m = Cascade().eval()
    with torch.no_grad():
        m.s1.bias.zero_()
    onnx.save(model(m), os.path.join(here, "cascade.onnx"))
    rng = np.random.RandomState(11)
    calib = rng.randn(64, 1, 16).astype(np.float32)
    xs, ys, ss = [], [], []
    with torch.no_grad():
        while len(xs) < 100:
            x = rng.randn(1, 16).astype(np.float32)
            y, s = m(torch.from_numpy(x))
            if abs(s.item() - 0.5) < 0.01:
                continue
            xs.append(x)
            ys.append(y.numpy()[0])
            ss.append(s.numpy()[0])
    x = np.array(xs)
    np.save(os.path.join(here, "cascade_calib.npy"), calib)
    with torch.no_grad():
        low = [c for c in calib if m.head1(torch.from_numpy(c))[1] < 0.5]
    np.save(os.path.join(here, "cascade_calib_low.npy"), np.array(low))
    np.save(os.path.join(here, "cascade_x.npy"), x)
    np.save(os.path.join(here, "cascade_y_ref.npy"), np.array(ys))
    np.save(os.path.join(here, "cascade_s_ref.npy"), np.array(ss))
    taken = int(sum(s[0] >= 0.5 for s in ss))
    print("taken on %d of %d test samples" % (taken, len(x)))


if __name__ == "__main__":
    main()
