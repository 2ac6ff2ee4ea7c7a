#!/usr/bin/python3
"""Writes tests/onnx/cases/torch_cnn and torch_reduce.

torch_cnn: a small CNN exported by
torch.onnx.export at opset 13 the way exporters write the functions of the
elementwise family (PReLU per channel, hardswish as x * relu6(x + 3) / 6,
erf GELU and SiLU written out, max(x, a x), a comparison and Where, Abs,
Neg, Exp, Sqrt, LogSoftmax), with PyTorch's outputs on two inputs as its
test data. tests/onnx runs it through the float interpreter
(onnx_case_torch_cnn) and tests/codegen compiles it to C (codegen/torch_cnn,
8- and 16-bit).

torch_reduce: a small CNN at opset 13 with the ops whose integer forms are
pad, qaffine and qreduce: F.pad (reflect, replicate, constant) before
pooling and a convolution, a BatchNorm2d after a Concat (nothing to fold
it into), a squeeze-excite ReduceMean, ReduceMax, ReduceMin and ReduceSum
(axes an attribute and an input at opset 13); onnx_case_torch_reduce and
codegen/torch_reduce, 8- and 16-bit.

    /usr/bin/python3 tests/onnx/make_torch_cases.py [CASE...]

Needs torch, onnx and numpy; run once, the files are committed."""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.p1 = nn.PReLU(8)
        self.c2 = nn.Conv2d(8, 8, 3, padding=1)
        self.c3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8 * 4 * 4, 10)

    def forward(self, x):
        a = self.p1(self.c1(x))
        b = self.c2(a)
        h = b * F.relu6(b + 3) / 6            # hardswish written out
        g = F.gelu(self.c3(h))                # erf GELU
        s = g * torch.sigmoid(g)              # SiLU
        m = torch.maximum(s, 0.1 * s)         # max(x, a x)
        w = torch.where(m > 0.2, m, -m)       # a comparison and a select
        e = torch.exp(-w.abs()) + torch.sqrt(w * w + 1)
        p = F.max_pool2d(e, 2)
        return F.log_softmax(self.fc(p.flatten(1)), -1)


class ReduceNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 6, 3, padding=1)
        self.c2 = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(10)
        self.fc = nn.Linear(9 + 8 + 10, 5)

    def forward(self, x):
        a = F.relu(self.c1(x))
        a = F.avg_pool2d(F.pad(a, (1, 1, 2, 0), mode="reflect"), 3, 1)
        b = self.c2(F.pad(x, (1, 1, 1, 1)))
        h = self.bn(torch.cat([a, b], 1))
        h = h * torch.sigmoid(h.mean((2, 3), keepdim=True))
        e = F.pad(h, (0, 1, 1, 0), mode="replicate")
        m = e.amax(1)                          # [N, 9, 9]
        r = m.amax(2)                          # [N, 9]
        s = h.sum((1, 2))                      # ReduceSum (axes input)
        t = h.amin((2, 3))                     # ReduceMin
        return self.fc(torch.cat([r, s, t], 1))


def export(net, x, name):
    """net at opset 13 and its outputs on the samples x[k] as test data."""
    out = os.path.join(CASES, name)
    os.makedirs(out, exist_ok=True)
    torch.onnx.export(net, x[0], os.path.join(out, "model.onnx"),
                      opset_version=13, input_names=["x"],
                      output_names=["y"])
    for k in range(len(x)):
        d = os.path.join(out, "test_data_set_%d" % k)
        os.makedirs(d, exist_ok=True)
        with torch.no_grad():
            y = net(x[k]).numpy()
        for name, a in (("input_0", x[k].numpy()), ("output_0", y)):
            t = numpy_helper.from_array(np.asarray(a, np.float32))
            with open(os.path.join(d, name + ".pb"), "wb") as f:
                f.write(t.SerializeToString())


def torch_cnn():
    torch.manual_seed(3)
    net = Net().eval()
    with torch.no_grad():   # a slope per channel, not torch's 0.25 for all
        net.p1.weight.copy_(torch.linspace(-0.5, 0.5, 8))
    export(net, torch.randn(2, 1, 3, 8, 8), "torch_cnn")


def torch_reduce():
    torch.manual_seed(5)
    net = ReduceNet().eval()
    with torch.no_grad():   # running statistics a trained net would have
        net.bn.running_mean.copy_(torch.randn(10) * 0.3)
        net.bn.running_var.copy_(torch.rand(10) + 0.5)
        net.bn.weight.copy_(torch.linspace(-1.2, 1.5, 10))
        net.bn.bias.copy_(torch.randn(10) * 0.2)
    export(net, torch.randn(2, 1, 3, 8, 8), "torch_reduce")


def main():
    names = sys.argv[1:] or ["torch_cnn", "torch_reduce"]
    for name in names:
        globals()[name]()


if __name__ == "__main__":
    main()
