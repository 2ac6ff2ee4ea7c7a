#!/usr/bin/env python3
"""PyTorch's FX post-training int8 flow (onednn engine) on the vision
transformer sample, for comparison with qcc: rebuilds the PyTorch model
from vit_op17.onnx's weights, checks its float logits against the
committed ref_vit.npy, quantizes it with prepare_fx/convert_fx calibrated
on calib.npy (the calibration set qcc uses) and prints the top-1 accuracy
of the float and the int8 model on the 10,000 Fashion-MNIST test images.
The FX flow keeps GELU, LayerNorm's statistics, the attention matmuls and
the softmax in float.

    /usr/bin/python3 samples/vit/fx_int8.py
"""
import importlib.util
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import common    # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "vit_train", os.path.join(HERE, "train.py"))
train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train)


def load(path):
    """The ViT with the ONNX file's weights: named initializers load by
    name; each Linear's weight is the (transposed) constant its MatMul
    reads, found through the MatMul node's name (/blocks/blocks.0/att/q/
    MatMul is blocks.0.att.q)."""
    g = onnx.load(path).graph
    init = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    model = train.ViT()
    state = model.state_dict()
    for k in state:
        if k in init:
            state[k] = torch.from_numpy(init[k].copy())
    for n in g.node:
        if n.op_type == "MatMul" and n.input[1] in init:
            key = ".".join(n.name.strip("/").split("/")[1:-1]) + ".weight"
            state[key] = torch.from_numpy(init[n.input[1]].T.copy())
    model.load_state_dict(state)
    return model.eval()


def main():
    common.setup()
    _, _, xte, yte, _ = common.fashion()
    calib = torch.from_numpy(np.load(os.path.join(HERE, "calib.npy")))
    model = load(os.path.join(HERE, "vit_op17.onnx"))
    ref = np.load(os.path.join(HERE, "ref_vit.npy"))
    with torch.no_grad():
        f = torch.cat([model(xte[i:i + 500]) for i in range(0, len(xte), 500)])
    err = np.abs(f[:len(ref)].numpy() - ref).max()
    if err > 1e-4:
        sys.exit(f"fx_int8: the rebuilt model's logits differ from "
                 f"ref_vit.npy by {err:.3g}")
    torch.backends.quantized.engine = "onednn"
    from torch.ao.quantization import get_default_qconfig_mapping
    from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx
    m = prepare_fx(model, get_default_qconfig_mapping("onednn"), (calib[:1],))
    with torch.no_grad():
        for i in range(0, len(calib), 100):
            m(calib[i:i + 100])
        q = convert_fx(m)
        qi = torch.cat([q(xte[i:i + 500]) for i in range(0, len(xte), 500)])
    y = yte.numpy() if hasattr(yte, "numpy") else np.asarray(yte)
    acc = lambda z: 100.0 * (z.argmax(1).numpy() == y).mean()   # noqa: E731
    agree = 100.0 * (qi.argmax(1) == f.argmax(1)).float().mean().item()
    print(f"float32 {acc(f):.2f}%  FX int8 (onednn) {acc(qi):.2f}%  "
          f"top-1 agreement {agree:.2f}%  (max |float - ref_vit| {err:.2g})")


if __name__ == "__main__":
    main()
