"""What the ONNX samples' training scripts share: the Fashion-MNIST loaders
(samples/fashion/make_testset.py), a deterministic training loop, the
ONNX export and the reference files every sample folder holds.

Run the training scripts with Debian's /usr/bin/python3 (PyTorch 1.13,
onnx). CPU, one thread, fixed seeds, deterministic algorithms.
"""
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "fashion"))
import make_testset    # noqa: E402,F401  (re-exported for the scripts)


def setup():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


def fashion():
    """(xtr, ytr, xte, yte, calib) as torch tensors; calib is numpy
    float32 [500,1,28,28], the same 500 training images as samples/fashion."""
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    calib = xtr[make_testset.calib_indices()]
    return (torch.from_numpy(xtr), torch.from_numpy(ytr),
            torch.from_numpy(xte), torch.from_numpy(yte), calib)


def train(model, x, y, epochs, seed, lr=2e-3, batch=128, loss_fn=None,
          weight_decay=0.0):
    """Adam (AdamW when weight_decay > 0) with a one-cycle learning rate."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    if weight_decay > 0:
        opt = torch.optim.AdamW(model.parameters(), lr=lr,
                                weight_decay=weight_decay)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(x) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps)
    loss_fn = loss_fn or nn.CrossEntropyLoss()
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
        print(f"  epoch {epoch + 1}: loss {total / len(x):.4f} "
              f"({time.time() - t0:.0f} s)", flush=True)
    model.eval()


def outputs(model, x, dtype=torch.float32):
    """The model's outputs on x, in batches of 500, computed in dtype."""
    m = model.to(dtype)
    with torch.no_grad():
        out = torch.cat([m(x[i:i + 500].to(dtype))
                         for i in range(0, len(x), 500)])
    model.to(torch.float32)
    return out


def export(model, path, shape, opset, input_name="x", output_name="logits"):
    """torch.onnx.export at batch 1 (static shapes), constants folded."""
    model.eval()
    torch.onnx.export(model, torch.zeros(shape), path, opset_version=opset,
                      input_names=[input_name], output_names=[output_name],
                      do_constant_folding=True)


def write_refs(out, name, l32, l64, labels, head=100):
    """ref_NAME.npy: float32 [head, ...] of the float64 outputs (the slice
    the default suite checks); top1_NAME.npy: uint8 [N], PyTorch's float32
    top-1 class of every test sample (the whole-set agreement check).
    Prints the accuracy figures the README records."""
    np.save(os.path.join(out, f"ref_{name}.npy"),
            l64[:head].numpy().astype(np.float32))
    np.save(os.path.join(out, f"top1_{name}.npy"),
            l32.argmax(1).numpy().astype(np.uint8))
    acc32 = (l32.argmax(1) == labels).double().mean().item() * 100
    acc64 = (l64.argmax(1) == labels).double().mean().item() * 100
    flips = (l32.argmax(1) != l64.argmax(1)).sum().item()
    dev = (l32[:head].double() - l64[:head]).abs().max().item()
    print(f"  {name}: float32 top-1 {acc32:.2f}% (float64 {acc64:.2f}%, "
          f"{flips} argmax changes), max |f32 - f64| on the {head} "
          f"reference outputs {dev:.2e}", flush=True)
    return acc32


def params(model):
    return sum(p.numel() for p in model.parameters())
