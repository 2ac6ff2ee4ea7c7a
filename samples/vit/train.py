#!/usr/bin/env python3
"""Train the vision-transformer sample on Fashion-MNIST and write every
file committed in this folder:

  vit_op13.onnx        the model at opset 13: LayerNorm written out as
                       ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add,
                       GELU as Div/Erf/Add/Mul/Mul
  vit_op17.onnx        the same weights at opset 17 (LayerNormalization)
  calib.npy            float32 [500,1,28,28], the calibration images
  ref_vit.npy          float32 [100,10], logits of the first 100 test
                       images (computed in float64)
  top1_vit.npy         uint8 [10000], PyTorch's top-1 class per test image

    /usr/bin/python3 samples/vit/train.py [OUT_DIR]   (default: this folder)
"""
import math
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import common    # noqa: E402

DIM, HEADS, MLP, PATCH, DEPTH = 32, 4, 64, 4, 2
GRID = 28 // PATCH
TOKENS = GRID * GRID


class Attention(nn.Module):
    """Multi-head self-attention written out (separate q, k, v projections,
    so that the export has MatMul/Reshape/Transpose/Softmax only)."""

    def __init__(self):
        super().__init__()
        self.q = nn.Linear(DIM, DIM)
        self.k = nn.Linear(DIM, DIM)
        self.v = nn.Linear(DIM, DIM)
        self.proj = nn.Linear(DIM, DIM)
        self.hd = DIM // HEADS

    def heads(self, t):
        return t.reshape(-1, TOKENS, HEADS, self.hd).transpose(1, 2)

    def forward(self, x):
        q, k, v = self.heads(self.q(x)), self.heads(self.k(x)), self.heads(self.v(x))
        att = torch.softmax(q @ k.transpose(2, 3) * (1.0 / math.sqrt(self.hd)), -1)
        out = (att @ v).transpose(1, 2).reshape(-1, TOKENS, DIM)
        return self.proj(out)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(DIM)
        self.att = Attention()
        self.ln2 = nn.LayerNorm(DIM)
        self.fc1 = nn.Linear(DIM, MLP)
        self.gelu = nn.GELU()
        self.fc2 = nn.Linear(MLP, DIM)

    def forward(self, x):
        x = x + self.att(self.ln1(x))
        return x + self.fc2(self.gelu(self.fc1(self.ln2(x))))


class ViT(nn.Module):
    """Patch embedding (4x4 conv, stride 4: 49 tokens of 32), learned
    position embedding, 2 pre-norm blocks of 4 heads, a final LayerNorm,
    the mean over tokens, a dense head. The mean is taken as MobileViT
    does, by folding the tokens back into their 7x7 grid and pooling it
    (GlobalAveragePool); x.mean(1) computes the same but exports a
    ReduceMean."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Conv2d(1, DIM, PATCH, stride=PATCH)
        self.pos = nn.Parameter(torch.randn(1, TOKENS, DIM) * 0.02)
        self.blocks = nn.Sequential(*[Block() for _ in range(DEPTH)])
        self.ln = nn.LayerNorm(DIM)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(DIM, 10)

    def forward(self, x):
        x = self.embed(x).flatten(2).transpose(1, 2) + self.pos
        x = self.ln(self.blocks(x))
        x = x.transpose(1, 2).reshape(-1, DIM, GRID, GRID)
        return self.head(self.pool(x).flatten(1))


def main(out):
    common.setup()
    os.makedirs(out, exist_ok=True)
    xtr, ytr, xte, yte, calib = common.fashion()
    np.save(os.path.join(out, "calib.npy"), calib)
    torch.manual_seed(3)
    model = ViT()
    common.train(model, xtr, ytr, epochs=3, seed=3, lr=4e-3, batch=256,
                 weight_decay=0.05)
    print(f"vit: {common.params(model)} parameters", flush=True)
    common.write_refs(out, "vit", common.outputs(model, xte),
                      common.outputs(model, xte, torch.float64), yte)
    for opset in (13, 17):
        common.export(model, os.path.join(out, f"vit_op{opset}.onnx"),
                      (1, 1, 28, 28), opset)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
