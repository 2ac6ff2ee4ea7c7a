#!/usr/bin/python3
"""Multiply-accumulates of one inference of an ONNX model (batch 1): Conv
(OC * OH * OW * ICG * KH * KW), Gemm and MatMul (M * N * K), from the
shapes ONNX shape inference gives. For bench.sh's GMAC/s.

    macs.py MODEL.onnx            prints `macs N`

Needs python3-onnx."""
import sys

import numpy as np
import onnx
from onnx import numpy_helper, shape_inference

m = shape_inference.infer_shapes(onnx.load(sys.argv[1]))
g = m.graph
shapes = {}
for v in list(g.input) + list(g.value_info) + list(g.output):
    d = v.type.tensor_type.shape.dim
    shapes[v.name] = [x.dim_value if x.dim_value > 0 else 1 for x in d]
for t in g.initializer:
    shapes[t.name] = list(t.dims)
total = 0
for n in g.node:
    if n.op_type == "Conv":
        w, y = shapes[n.input[1]], shapes[n.output[0]]
        total += int(np.prod(y[1:])) * int(np.prod(w[1:]))
    elif n.op_type in ("Gemm", "MatMul"):
        a, y = shapes[n.input[0]], shapes[n.output[0]]
        k = a[0] if n.op_type == "Gemm" and any(
            at.name == "transA" and at.i for at in n.attribute) else a[-1]
        total += int(np.prod(y)) * k
print("macs", total)
