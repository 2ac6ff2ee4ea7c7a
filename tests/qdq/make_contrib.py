#!/usr/bin/python3
"""make_contrib.py - writes tests/qdq/contrib/: ONNX Runtime's contrib ops
QLinearAdd, QLinearMul (broadcasting a per-channel B) and QLinearConcat
(three inputs of different scales), domain com.microsoft, each as one node
between QuantizeLinear and DequantizeLinear nodes so that qcc's integer
pipeline compiles it: NAME/model.onnx, NAME/input_K.npy (float inputs,
the uint8 operands dequantized: the QuantizeLinear gives them back
exactly) and NAME/ref.npy (the output dequantized).

The reference is this script's NumPy implementation of the ops' definition
(com.microsoft contrib ops): the real values of the operands, (q - z) * s,
added, multiplied, or taken as they are (Concat), divided by the output
scale, rounded half to even, plus the output zero point, saturated to
uint8; computed in float64. Inputs are random uint8 codes, and the scales
are chosen so that some results fall exactly on a tie. Run once with
/usr/bin/python3 (onnx, numpy); CTest reads the files it writes."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(5)


def real(q, s, z):
    """The real value of codes q: the scale as the model holds it (float32)."""
    return (q.astype(np.float64) - float(z)) * float(np.float32(s))


def requant(v, s, z):
    return np.clip(np.rint(v / float(np.float32(s))) + int(z), 0,
                   255).astype(np.uint8)


def deq32(q, s, z):
    """(q - z) * s as DequantizeLinear computes it, in float32."""
    return ((q.astype(np.int64) - int(z)).astype(np.float32) *
            np.float32(s)).astype(np.float32)


def save(name, node, operands, out_q, ref_q):
    """operands: (name, uint8 codes, scale, zero point) per quantized
    input, in the node's order; the node's other inputs are the scale
    and zero point initializers named in it."""
    inputs, inits, nodes, feeds = [], [], [], []
    for n, q, s, z in operands:
        inputs.append(helper.make_tensor_value_info(n + "_f", TensorProto.FLOAT,
                                                    list(q.shape)))
        nodes.append(helper.make_node("QuantizeLinear",
                                      [n + "_f", n + "_scale", n + "_zero_point"],
                                      [n], name=n + "_q"))
        inits += [numpy_helper.from_array(np.array(s, np.float32), n + "_scale"),
                  numpy_helper.from_array(np.array(z, np.uint8), n + "_zero_point")]
        feeds.append(deq32(q, s, z))
    ys, yz = out_q
    inits += [numpy_helper.from_array(np.array(ys, np.float32), "y_scale"),
              numpy_helper.from_array(np.array(yz, np.uint8), "y_zero_point")]
    nodes += [node,
              helper.make_node("DequantizeLinear",
                               ["y", "y_scale", "y_zero_point"], ["out"],
                               name="out")]
    g = helper.make_graph(nodes, name, inputs, [helper.make_tensor_value_info(
        "out", TensorProto.FLOAT, list(ref_q.shape))], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13),
                                            helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 7
    d = os.path.join(HERE, "contrib", name)
    os.makedirs(d, exist_ok=True)
    onnx.save(m, os.path.join(d, "model.onnx"))
    for k, f in enumerate(feeds):
        np.save(os.path.join(d, f"input_{k}.npy"), f)
    np.save(os.path.join(d, "ref.npy"), deq32(ref_q, ys, yz))


def codes(shape):
    return RNG.integers(0, 256, shape).astype(np.uint8)


def binary(name, op, shapes, scales, fn):
    """QLinearAdd or QLinearMul (A, As, Az, B, Bs, Bz, Cs, Cz) of random
    codes; fn the op on real values."""
    a, b = codes(shapes[0]), codes(shapes[1])
    As, Az, Bs, Bz, Cs, Cz = scales
    save(name,
         helper.make_node(op, ["a", "a_scale", "a_zero_point", "b", "b_scale",
                               "b_zero_point", "y_scale", "y_zero_point"],
                          ["y"], name=op, domain="com.microsoft"),
         [("a", a, As, Az), ("b", b, Bs, Bz)], (Cs, Cz),
         requant(fn(real(a, As, Az), real(b, Bs, Bz)), Cs, Cz))


# QLinearAdd: scales 2^-5, 2^-6 and 2^-4: the sums are quarters of an
# output step, a quarter of them ties
binary("qlinear_add", "QLinearAdd", [(1, 4, 6, 6)] * 2,
       (2.0**-5, 131, 2.0**-6, 120, 2.0**-4, 100), np.add)
# QLinearMul: B one value per channel [1, 4, 1, 1], broadcast; scales
# 2^-4, 2^-3 and 2^-6: the products are halves of an output step
binary("qlinear_mul", "QLinearMul", [(1, 4, 5, 5), (1, 4, 1, 1)],
       (2.0**-4, 128, 2.0**-3, 126, 2.0**-6, 128), np.multiply)

# QLinearConcat: three inputs on their own grids, concatenated on axis 1
xs = [codes((1, 2, 4, 4)), codes((1, 3, 4, 4)), codes((1, 1, 4, 4))]
qs = [(2.0**-3, 128), (0.1, 90), (0.025, 200)]   # the first: halves
Ys, Yz = 2.0**-2, 110
names = ["x0", "x1", "x2"]
ins = ["y_scale", "y_zero_point"]
for n in names:
    ins += [n, n + "_scale", n + "_zero_point"]
save("qlinear_concat",
     helper.make_node("QLinearConcat", ins, ["y"], name="concat", axis=1,
                      domain="com.microsoft"),
     [(n, x, s, z) for n, x, (s, z) in zip(names, xs, qs)], (Ys, Yz),
     np.concatenate([requant(real(x, s, z), Ys, Yz)
                     for x, (s, z) in zip(xs, qs)], axis=1))
