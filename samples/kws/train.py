#!/usr/bin/env python3
"""Train the keyword-spotting sample on the synthetic task of make_data.py
and write every file committed in this folder:

  kws.onnx        opset 13; input x float32 [1,76,32,1] (NHWC), a Transpose
                  to NCHW, LeakyReLU written as max(x, 0.2*x) (Mul, Max)
  calib.npy       float32 [200,76,32,1], calibration clips (seed 2)
  test_x100.npy   float32 [100,76,32,1], the first 100 test clips (seed 3)
  ref_kws.npy     float32 [100,10], logits of those clips (float64)
  top1_kws.npy    uint8 [2000], PyTorch's top-1 class per test clip

    /usr/bin/python3 samples/kws/train.py [OUT_DIR]   (default: this folder)
"""
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import common       # noqa: E402
import make_data    # noqa: E402


class LeakyMax(nn.Module):
    """max(x, a*x): LeakyReLU as the speech-embedding exports write it."""

    def forward(self, x):
        return torch.maximum(x, 0.2 * x)


def block(cin, cout, pool):
    layers = [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout),
              LeakyMax()]
    if pool:
        layers.append(nn.MaxPool2d(2))
    return layers


class KWS(nn.Module):
    """[N,76,32,1] NHWC -> Transpose -> 4 conv3x3+BN+max(x,0.2x) blocks
    (8, 16, 32, 32 channels; max pooling 2 after the first three:
    76x32 -> 9x4), a 1x4 conv over the bands, max over time, dense(10)."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(*block(1, 8, True), *block(8, 16, True),
                                      *block(16, 32, True), *block(32, 32, False))
        self.bands = nn.Conv2d(32, 64, (1, 4))
        self.act = LeakyMax()
        self.pool = nn.MaxPool2d((9, 1))
        self.head = nn.Linear(64, make_data.CLASSES)

    def forward(self, x):
        x = self.features(x.permute(0, 3, 1, 2))
        x = self.pool(self.act(self.bands(x)))
        return self.head(x.flatten(1))


def main(out):
    common.setup()
    os.makedirs(out, exist_ok=True)
    xtr, ytr = make_data.make(12000, 1)
    calib, _ = make_data.make(200, 2)
    xte, yte = make_data.make(2000, 3)
    np.save(os.path.join(out, "calib.npy"), calib)
    np.save(os.path.join(out, "test_x100.npy"), xte[:100])
    xtr, ytr = torch.from_numpy(xtr), torch.from_numpy(ytr)
    xte, yte = torch.from_numpy(xte), torch.from_numpy(yte)
    torch.manual_seed(4)
    model = KWS()
    common.train(model, xtr, ytr, epochs=6, seed=4, lr=3e-3)
    print(f"kws: {common.params(model)} parameters", flush=True)
    common.write_refs(out, "kws", common.outputs(model, xte),
                      common.outputs(model, xte, torch.float64), yte)
    common.export(model, os.path.join(out, "kws.onnx"), (1, 76, 32, 1), 13)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
