#!/usr/bin/python3
"""qdq_to_float.py - a QDQ ONNX model as the float model of the same
shape: each DequantizeLinear of a constant becomes the float constant it
stands for, and each QuantizeLinear -> DequantizeLinear pair on an
activation is removed (its consumers read the float tensor). What is left
is the float graph, which qcc compiles with --calib at any width: the
8-bit model of the same shape as a trained low-bit one (bench/m4_count.sh
compares them, docs/arm.md).

    /usr/bin/python3 bench/qdq_to_float.py IN.qdq.onnx OUT.onnx

Needs Debian's python3-onnx and numpy.
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    m = onnx.load(argv[1])
    g = m.graph
    inits = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    rename, keep, folded = {}, [], {}
    producer = {o: n for n in g.node for o in n.output}
    for n in g.node:
        if n.op_type == "DequantizeLinear" and n.input[0] in inits:
            q = inits[n.input[0]].astype(np.float64)
            s = inits[n.input[1]].astype(np.float64)
            z = (inits[n.input[2]].astype(np.float64) if len(n.input) > 2
                 else np.zeros_like(s))
            axis = next((a.i for a in n.attribute if a.name == "axis"), 1)
            if s.ndim == 1 and q.ndim > 1:
                shape = [1] * q.ndim
                shape[axis] = -1
                s, z = s.reshape(shape), z.reshape(shape)
            folded[n.output[0]] = ((q - z) * s).astype(np.float32)
        elif (n.op_type == "DequantizeLinear" and
              producer.get(n.input[0]) is not None and
              producer[n.input[0]].op_type == "QuantizeLinear"):
            rename[n.output[0]] = producer[n.input[0]].input[0]
        elif n.op_type != "QuantizeLinear":
            keep.append(n)
    outputs = {o.name for o in g.output}
    for n in keep:
        for i, v in enumerate(n.input):
            n.input[i] = rename.get(v, v)
    for v, src in rename.items():
        if v in outputs:   # a graph output: its producer writes it
            for n in keep:
                for i, o in enumerate(n.output):
                    if o == src:
                        n.output[i] = v
    used = {v for n in keep for v in n.input}
    del g.node[:]
    g.node.extend(keep)
    del g.initializer[:]
    g.initializer.extend(numpy_helper.from_array(a, k)
                         for k, a in list(inits.items()) + list(folded.items())
                         if k in used)
    onnx.checker.check_model(m)
    onnx.save(m, argv[2])


if __name__ == "__main__":
    main(sys.argv)
