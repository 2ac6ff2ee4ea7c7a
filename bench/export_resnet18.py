#!/usr/bin/python3
"""torchvision's ResNet-18 (random weights, seed 0) as ONNX, with random
calibration and input batches, for the compile-time figures of
docs/codegen.md:

    export_resnet18.py OUT_DIR      writes resnet18.onnx, calib.npy (8), x.npy (4)

Needs python3-torch and python3-torchvision."""
import os
import sys

import numpy as np
import torch
import torchvision

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)
m = torchvision.models.resnet18(num_classes=1000).eval()
torch.onnx.export(m, torch.randn(1, 3, 224, 224), os.path.join(out, "resnet18.onnx"),
                  input_names=["input"], output_names=["logits"], opset_version=13)
r = np.random.RandomState(0)
np.save(os.path.join(out, "calib.npy"), r.randn(8, 3, 224, 224).astype(np.float32))
np.save(os.path.join(out, "x.npy"), r.randn(4, 3, 224, 224).astype(np.float32))
