#!/usr/bin/env python3
"""Train the Fashion-MNIST sample models and write everything committed in
this folder:

  fashion_mlp.g, fashion_mlp.safetensors    flatten, dense 784-128-64-10, ReLU
  fashion_cnn.g, fashion_cnn.safetensors    conv3x3(8)+BN+ReLU, maxpool 2,
                                            conv3x3(16)+BN+ReLU, maxpool 2, dense(10)
  calib.npy                                 float32 [500,1,28,28] calibration images
  ref_logits_NAME.npy                       float32 [100,10] logits of the first
                                            100 test images (evaluated in float64)

and prints each model's parameter count and float top-1 accuracy on the
10,000 test images (the numbers in README.md).

    /usr/bin/python3 samples/fashion/train.py [OUT_DIR]     (default: this folder)

CPU, 2 threads, fixed seeds, deterministic algorithms: the same machine
gives the same weights. Takes a few minutes.
"""
import os
import sys
from collections import OrderedDict

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import common          # noqa: E402
import export_g        # noqa: E402
import make_testset    # noqa: E402


def fashion_mlp():
    return nn.Sequential(OrderedDict([
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(784, 128)), ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(128, 64)), ("relu2", nn.ReLU()),
        ("fc3", nn.Linear(64, 10)),
    ]))


def fashion_cnn():
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 8, 3, padding=1)), ("bn1", nn.BatchNorm2d(8)),
        ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2, 2)),
        ("conv2", nn.Conv2d(8, 16, 3, padding=1)), ("bn2", nn.BatchNorm2d(16)),
        ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2, 2)),
        ("flatten", nn.Flatten()),
        ("fc", nn.Linear(16 * 7 * 7, 10)),
    ]))


def logits(model, x, dtype=torch.float32):
    m = model.to(dtype)
    with torch.no_grad():
        out = torch.cat([m(x[i:i + 1000].to(dtype)) for i in range(0, len(x), 1000)])
    model.to(torch.float32)
    return out


def main(out):
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    os.makedirs(out, exist_ok=True)
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    np.save(os.path.join(out, "calib.npy"), xtr[make_testset.calib_indices()])
    xtr, ytr = torch.from_numpy(xtr), torch.from_numpy(ytr)
    xte, yte = torch.from_numpy(xte), torch.from_numpy(yte)

    for name, make, epochs, seed in (("fashion_mlp", fashion_mlp, 8, 1),
                                     ("fashion_cnn", fashion_cnn, 8, 2)):
        print(f"{name}:", flush=True)
        torch.manual_seed(seed)
        model = make()
        common.train(model, xtr, ytr, epochs, seed)
        params = sum(p.numel() for p in model.parameters())
        l32 = logits(model, xte)
        l64 = logits(model, xte, torch.float64)
        acc32 = (l32.argmax(1) == yte).double().mean().item() * 100
        acc64 = (l64.argmax(1) == yte).double().mean().item() * 100
        flips = (l32.argmax(1) != l64.argmax(1)).sum().item()
        export_g.export(model, name, out, (1, 1, 28, 28))
        ref = l64[:100].numpy().astype(np.float32)
        np.save(os.path.join(out, f"ref_logits_{name}.npy"), ref)
        dev = (l32[:100].double() - l64[:100]).abs().max().item()
        print(f"  {name}: {params} parameters, float32 top-1 {acc32:.2f}% "
              f"(float64 {acc64:.2f}%, {flips} argmax changes), "
              f"max |f32 - f64| on the 100 reference logits {dev:.2e}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
