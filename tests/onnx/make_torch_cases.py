#!/usr/bin/python3
"""Writes tests/onnx/cases/torch_cnn: a small CNN exported by
torch.onnx.export at opset 13 the way exporters write the functions of the
elementwise family (PReLU per channel, hardswish as x * relu6(x + 3) / 6,
erf GELU and SiLU written out, max(x, a x), a comparison and Where, Abs,
Neg, Exp, Sqrt, LogSoftmax), with PyTorch's outputs on two inputs as its
test data. tests/onnx runs it through the float interpreter
(onnx_case_torch_cnn) and tests/codegen compiles it to C (codegen/torch_cnn,
8- and 16-bit).

    /usr/bin/python3 tests/onnx/make_torch_cases.py

Needs torch, onnx and numpy; run once, the files are committed."""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases",
                   "torch_cnn")


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


def main():
    torch.manual_seed(3)
    net = Net().eval()
    with torch.no_grad():   # a slope per channel, not torch's 0.25 for all
        net.p1.weight.copy_(torch.linspace(-0.5, 0.5, 8))
    x = torch.randn(2, 1, 3, 8, 8)
    os.makedirs(OUT, exist_ok=True)
    torch.onnx.export(net, x[0], os.path.join(OUT, "model.onnx"),
                      opset_version=13, input_names=["x"],
                      output_names=["y"])
    for k in range(2):
        d = os.path.join(OUT, "test_data_set_%d" % k)
        os.makedirs(d, exist_ok=True)
        with torch.no_grad():
            y = net(x[k]).numpy()
        for name, a in (("input_0", x[k].numpy()), ("output_0", y)):
            t = numpy_helper.from_array(np.asarray(a, np.float32))
            with open(os.path.join(d, name + ".pb"), "wb") as f:
                f.write(t.SerializeToString())


if __name__ == "__main__":
    main()
