#!/usr/bin/python3
"""torchvision's ResNet-18 (random weights, seed 0) as ONNX, with random
calibration and input batches, for the compile-time and speed figures of
docs/codegen.md:

    export_resnet18.py OUT_DIR [--size S] [--stage]

writes OUT_DIR/resnet18.onnx (input 1x3xSxS, S = 224 by default),
calib.npy (8 samples) and x.npy (4). With --stage, the model is the
first stage alone (layer1: two basic blocks, four 3x3 convolutions of 64
channels with their residual adds) on a 1x64x(S/4)x(S/4) input, as
resnet18_stage.onnx with its own calib.npy and x.npy in OUT_DIR/stage.

Needs python3-torch and python3-torchvision."""
import argparse
import os

import numpy as np
import torch
import torchvision

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--size", type=int, default=224)
ap.add_argument("--stage", action="store_true")
a = ap.parse_args()
torch.manual_seed(0)
m = torchvision.models.resnet18(num_classes=1000).eval()
shape, name, out = (1, 3, a.size, a.size), "resnet18", a.out
if a.stage:
    m = m.layer1
    shape, name = (1, 64, a.size // 4, a.size // 4), "resnet18_stage"
    out = os.path.join(a.out, "stage")
os.makedirs(out, exist_ok=True)
torch.onnx.export(m, torch.randn(*shape), os.path.join(out, name + ".onnx"),
                  input_names=["input"], output_names=["output"],
                  opset_version=13)
r = np.random.RandomState(0)
src = np.abs if a.stage else (lambda v: v)  # a stage's input is a ReLU's
np.save(os.path.join(out, "calib.npy"), src(r.randn(8, *shape[1:])).astype(np.float32))
np.save(os.path.join(out, "x.npy"), src(r.randn(4, *shape[1:])).astype(np.float32))
