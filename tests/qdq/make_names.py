#!/usr/bin/python3
"""make_names.py - writes tests/qdq/names/: models whose own tensor names
are those the importer would give its intermediates, defined after the
node that makes them, so that only unique intermediate names import them.

names/qlinear: x -> QuantizeLinear -> QLinearMatMul -> y, then
DequantizeLinear(y) -> 'y_f', QuantizeLinear -> 'y_f_in' and
DequantizeLinear -> z (QLinearMatMul is
imported as dequantize, a float MatMul named after its output plus _f,
quantize). Power-of-two scales make every requantization exact, so
ref.npy, the ONNX definition computed here in NumPy (rounding half to
even), is what `qcc run --rounding even` must give.
dynamic/names.onnx: ONNX Runtime's dynamic quantization pattern of a
MatMul with bias, whose weights W and output y are followed by tensors
named 'W_dq' and 'y_mm' (the names of the dequantized weights and of the
product before the bias): names.ref.npy is the float64 product x (W -
wz) ws + b, which the float run of the model (no --calib) gives within
1e-5. Run once with /usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "names")
rng = np.random.default_rng(13)


def f32(v):
    return np.array(v, np.float32)


def save(nodes, name, inputs, outputs, inits, path, opset=13):
    g = helper.make_graph(nodes, name, inputs, outputs,
                          [numpy_helper.from_array(a, n)
                           for n, a in inits.items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, path)


def qlinear():
    d = os.path.join(OUT, "qlinear")
    os.makedirs(d, exist_ok=True)
    xs, xz, ws, ys, yz = 2.0**-4, 128, 2.0**-5, 2.0**-3, 120
    w = rng.integers(-127, 128, (6, 5)).astype(np.int8)
    nodes = [
        helper.make_node("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
        helper.make_node("QLinearMatMul", ["xq", "xs", "xz", "w", "ws", "wz",
                                           "ys", "yz"], ["y"]),
        helper.make_node("DequantizeLinear", ["y", "ys", "yz"], ["y_f"]),
        helper.make_node("QuantizeLinear", ["y_f", "ys", "yz"], ["y_f_in"]),
        helper.make_node("DequantizeLinear", ["y_f_in", "ys", "yz"], ["z"])]
    save(nodes, "names_qlinear",
         [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 6])],
         [helper.make_tensor_value_info("z", TensorProto.FLOAT, [3, 5])],
         {"xs": f32(xs), "xz": np.array(xz, np.uint8), "w": w,
          "ws": f32(ws), "wz": np.array(0, np.int8), "ys": f32(ys),
          "yz": np.array(yz, np.uint8)}, os.path.join(d, "model.onnx"))
    x = rng.uniform(-8, 8, (3, 6)).astype(np.float32)
    xq = np.clip(np.rint(x / np.float32(xs)) + xz, 0, 255)
    acc = (xq - xz) @ w.astype(np.float64)
    y = np.clip(np.rint(acc * (xs * ws / ys)) + yz, 0, 255)
    ref = ((y - yz) * ys).astype(np.float32)[None]
    np.save(os.path.join(d, "input_0.npy"), x[None])
    np.save(os.path.join(d, "ref.npy"), ref)


def dynamic():
    w = rng.integers(-127, 128, (6, 4)).astype(np.int8)
    ws = rng.uniform(0.01, 0.03, 4).astype(np.float32)
    b = rng.normal(0, 1, 4).astype(np.float32)
    nodes = [
        helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"]),
        helper.make_node("MatMulInteger", ["xq", "W", "xz", "wz"], ["yi"]),
        helper.make_node("Mul", ["xs", "ws"], ["sc"]),
        helper.make_node("Cast", ["yi"], ["yc"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["yc", "sc"], ["ym"]),
        helper.make_node("Add", ["ym", "b"], ["y"]),
        helper.make_node("Neg", ["y"], ["W_dq"]),
        helper.make_node("Relu", ["W_dq"], ["y_mm"])]
    save(nodes, "names_dynamic",
         [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 6])],
         [helper.make_tensor_value_info("y_mm", TensorProto.FLOAT, [3, 4])],
         {"W": w, "wz": np.zeros(4, np.int8), "ws": ws, "b": b},
         os.path.join(HERE, "dynamic", "names.onnx"))
    x = rng.uniform(-2, 2, (3, 6)).astype(np.float32)
    y = x.astype(np.float64) @ (w * ws.astype(np.float64)) + b
    np.save(os.path.join(HERE, "dynamic", "names.input.npy"), x[None])
    np.save(os.path.join(HERE, "dynamic", "names.ref.npy"),
            np.maximum(-y, 0).astype(np.float32)[None])


qlinear()
dynamic()
