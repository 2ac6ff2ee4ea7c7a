#!/usr/bin/python3
"""A tiny vision transformer for the integer transformer kernels' tests:
trained two epochs on Fashion-MNIST, exported at opsets 13 (LayerNorm and
GELU written out, which the importer's patterns fold) and 17
(LayerNormalization). Run once with Debian's /usr/bin/python3 (PyTorch
1.13, onnx); the suite only reads what it writes:

  vit_op13.onnx, vit_op17.onnx   the model (batch 1, static shapes)
  top1.npy        uint8 [10000], PyTorch's float32 top-1 per test image
  ref200.npy      float32 [200,10], logits of the first 200 test images
                  (float64)

and prints PyTorch's float accuracy and that of its FX int8 flow
(onednn, calibrated on samples/fashion/calib.npy; it keeps GELU, the
attention matmuls and the softmax in float), the figures of
docs/arith.md's transformer section.

    /usr/bin/python3 tests/codegen/vit/make_vit.py [OUT_DIR]

Architecture: 7x7 patches (a conv of stride 7: 16 tokens of 32), a
learned position embedding, two pre-norm blocks of two heads (separate
q, k, v projections, q k^T * 1/sqrt(16), softmax, p v), GELU MLP of 64,
a final LayerNorm, the mean over tokens (tokens folded back into their
4x4 grid and average-pooled), a dense head.
"""
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
sys.path.insert(0, os.path.join(ROOT, "samples", "fashion"))
import make_testset    # noqa: E402

DIM, HEADS, MLP, PATCH, DEPTH = 32, 2, 64, 7, 2
GRID = 28 // PATCH
TOKENS = GRID * GRID


class Attention(nn.Module):
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
        att = torch.softmax(torch.matmul(q, k.transpose(2, 3)) *
                            (1.0 / math.sqrt(self.hd)), -1)
        out = torch.matmul(att, v).transpose(1, 2).reshape(-1, TOKENS, DIM)
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


def train(model, x, y, epochs, lr=4e-3, batch=256):
    torch.manual_seed(5)
    gen = torch.Generator().manual_seed(5)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.05)
    steps = epochs * ((len(x) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr,
                                                total_steps=steps)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        t0, total = time.time(), 0.0
        for i in range(0, len(x), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        print("  epoch %d: loss %.4f (%.0f s)" % (epoch + 1, total / len(x),
                                                  time.time() - t0), flush=True)
    model.eval()


def logits(model, x):
    with torch.no_grad():
        return torch.cat([model(x[i:i + 500]) for i in range(0, len(x), 500)])


def fx_int8(model, calib, x):
    """PyTorch's FX post-training int8 flow (onednn): its logits on x."""
    from torch.ao.quantization import get_default_qconfig_mapping
    from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx
    torch.backends.quantized.engine = "onednn"
    m = prepare_fx(model, get_default_qconfig_mapping("onednn"),
                   (calib[:1],))
    with torch.no_grad():
        for i in range(0, len(calib), 100):
            m(calib[i:i + 100])
    return logits(convert_fx(m), x)


def main(out):
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    os.makedirs(out, exist_ok=True)
    xtr, ytr = (torch.from_numpy(a) for a in make_testset.load("train"))
    xte, yte = (torch.from_numpy(a) for a in make_testset.load("t10k"))
    calib = torch.from_numpy(np.load(os.path.join(ROOT, "samples", "fashion",
                                                  "calib.npy")))
    torch.manual_seed(5)
    model = ViT()
    train(model, xtr, ytr, epochs=2)
    l32 = logits(model, xte)
    l64 = logits(model.double(), xte.double())
    model.float()
    acc = (l32.argmax(1) == yte).double().mean().item() * 100
    print("vit: %d parameters, float32 top-1 %.2f%%" %
          (sum(p.numel() for p in model.parameters()), acc))
    np.save(os.path.join(out, "top1.npy"), l32.argmax(1).numpy().astype(np.uint8))
    np.save(os.path.join(out, "ref200.npy"), l64[:200].numpy().astype(np.float32))
    for opset in (13, 17):
        torch.onnx.export(model, torch.zeros(1, 1, 28, 28),
                          os.path.join(out, "vit_op%d.onnx" % opset),
                          opset_version=opset, input_names=["x"],
                          output_names=["logits"], do_constant_folding=True)
    import copy
    lq = fx_int8(copy.deepcopy(model), calib, xte)
    print("PyTorch FX int8 (onednn): top-1 %.2f%%" %
          ((lq.argmax(1) == yte).double().mean().item() * 100))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
