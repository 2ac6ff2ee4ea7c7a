#!/usr/bin/env python3
"""Train the encoder-decoder sample (garment segmentation of noisy
Fashion-MNIST, make_data.py) and write every file committed in this folder:

  encdec.onnx      opset 13: input x [1,1,28,28], output mask logits
                   [1,1,28,28]; ConvTranspose, Resize (nearest) and two
                   skip Concats
  calib.npy        float32 [500,1,28,28], noisy calibration images
                   (the training images of samples/fashion/calib.npy,
                   noise from default_rng(8))
  ref_encdec.npy   float32 [100,1,28,28], the logits of the first 100 test
                   images (computed in float64)

    /usr/bin/python3 samples/encdec/train.py [OUT_DIR]
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

TRAIN = 15000    # the first 15,000 training images: enough for this task


def conv(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1),
                         nn.BatchNorm2d(cout), nn.ReLU())


class EncDec(nn.Module):
    """28x28 -> conv(8) -> pool -> 14x14 conv(16) -> pool -> 7x7 conv(32)
    -> ConvTranspose 2x2/2 (16) -> concat the 14x14 features -> conv(16)
    -> Resize x2 (nearest) -> concat the 28x28 features -> conv(8)
    -> 1x1 conv: one logit per pixel."""

    def __init__(self):
        super().__init__()
        self.enc1, self.enc2, self.mid = conv(1, 8), conv(8, 16), conv(16, 32)
        self.pool = nn.MaxPool2d(2)
        self.up2 = nn.ConvTranspose2d(32, 16, 2, stride=2)
        self.dec2 = conv(16 + 16, 16)
        self.up1 = nn.Upsample(scale_factor=2, mode="nearest")
        self.dec1 = conv(16 + 8, 8)
        self.out = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        m = self.mid(self.pool(e2))
        d2 = self.dec2(torch.cat([self.up2(m), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.out(d1)


def main(out):
    common.setup()
    os.makedirs(out, exist_ok=True)
    xtr, mtr = make_data.noisy("train", 6)
    xte, mte = make_data.noisy("t10k", 7)
    calib_x, _ = make_data.noisy("train", 8)
    np.save(os.path.join(out, "calib.npy"),
            calib_x[common.make_testset.calib_indices()])
    xtr = torch.from_numpy(xtr[:TRAIN])
    ytr = torch.from_numpy(mtr[:TRAIN, None].astype(np.float32))
    torch.manual_seed(9)
    model = EncDec()
    common.train(model, xtr, ytr, epochs=2, seed=9, lr=3e-3,
                 loss_fn=nn.BCEWithLogitsLoss())
    print(f"encdec: {common.params(model)} parameters", flush=True)
    xte = torch.from_numpy(xte)
    o32 = common.outputs(model, xte).numpy()
    o64 = common.outputs(model, xte, torch.float64).numpy()
    np.save(os.path.join(out, "ref_encdec.npy"), o64[:100].astype(np.float32))
    flips = np.sum((o32 > 0) != (o64 > 0))
    print(f"  encdec: float32 pixel accuracy "
          f"{make_data.pixel_accuracy(o32, mte):.3f}% (float64 "
          f"{make_data.pixel_accuracy(o64, mte):.3f}%, {flips} pixels "
          f"change), max |f32 - f64| on the 100 reference outputs "
          f"{np.abs(o32[:100] - o64[:100]).max():.2e}", flush=True)
    common.export(model, os.path.join(out, "encdec.onnx"), (1, 1, 28, 28), 13)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
