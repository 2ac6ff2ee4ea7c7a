#!/usr/bin/env python3
"""Train the MobileNetV3-style sample on Fashion-MNIST and write every file
committed in this folder:

  mnv3.onnx       opset 13: HardSwish written out by the exporter as
                  x * HardSigmoid(x), squeeze-excite as GlobalAveragePool,
                  1x1 convs, HardSigmoid, Mul
  calib.npy       float32 [500,1,28,28], the calibration images
  ref_mnv3.npy    float32 [100,10], logits of the first 100 test images
                  (computed in float64)
  top1_mnv3.npy   uint8 [10000], PyTorch's top-1 class per test image

    /usr/bin/python3 samples/mobilenetv3/train.py [OUT_DIR]
"""
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import common    # noqa: E402

TRAIN = 20000    # the first 20,000 training images (the machine is small)


class SqueezeExcite(nn.Module):
    """As torchvision's: pool, 1x1 conv, ReLU, 1x1 conv, HardSigmoid, scale."""

    def __init__(self, ch, squeeze):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Conv2d(ch, squeeze, 1)
        self.relu = nn.ReLU()
        self.fc2 = nn.Conv2d(squeeze, ch, 1)
        self.gate = nn.Hardsigmoid()

    def forward(self, x):
        return x * self.gate(self.fc2(self.relu(self.fc1(self.pool(x)))))


class Bneck(nn.Module):
    """Inverted residual: 1x1 expand, depthwise kxk, optional SE, 1x1
    project; a residual add when shapes allow."""

    def __init__(self, cin, exp, cout, k, stride, se, act):
        super().__init__()
        layers = []
        if exp != cin:
            layers += [nn.Conv2d(cin, exp, 1, bias=False), nn.BatchNorm2d(exp), act()]
        layers += [nn.Conv2d(exp, exp, k, stride, k // 2, groups=exp, bias=False),
                   nn.BatchNorm2d(exp), act()]
        if se:
            layers.append(SqueezeExcite(exp, max(8, exp // 4)))
        layers += [nn.Conv2d(exp, cout, 1, bias=False), nn.BatchNorm2d(cout)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


class MobileNetV3(nn.Module):
    def __init__(self):
        super().__init__()
        hs = nn.Hardswish
        self.stem = nn.Sequential(nn.Conv2d(1, 16, 3, 2, 1, bias=False),
                                  nn.BatchNorm2d(16), hs())          # 14x14
        self.blocks = nn.Sequential(
            Bneck(16, 16, 16, 3, 1, True, nn.ReLU),
            Bneck(16, 48, 24, 3, 2, False, nn.ReLU),                 # 7x7
            Bneck(24, 72, 24, 3, 1, True, hs),
            Bneck(24, 96, 40, 5, 1, True, hs),
            Bneck(40, 120, 40, 5, 1, True, hs))
        self.last = nn.Sequential(nn.Conv2d(40, 128, 1, bias=False),
                                  nn.BatchNorm2d(128), hs())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(128, 64), hs(),
                                  nn.Linear(64, 10))

    def forward(self, x):
        return self.head(self.pool(self.last(self.blocks(self.stem(x)))))


def main(out):
    common.setup()
    os.makedirs(out, exist_ok=True)
    xtr, ytr, xte, yte, calib = common.fashion()
    np.save(os.path.join(out, "calib.npy"), calib)
    torch.manual_seed(5)
    model = MobileNetV3()
    common.train(model, xtr[:TRAIN], ytr[:TRAIN], epochs=3, seed=5, lr=4e-3,
                 batch=256)
    print(f"mnv3: {common.params(model)} parameters", flush=True)
    common.write_refs(out, "mnv3", common.outputs(model, xte),
                      common.outputs(model, xte, torch.float64), yte)
    common.export(model, os.path.join(out, "mnv3.onnx"), (1, 1, 28, 28), 13)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
