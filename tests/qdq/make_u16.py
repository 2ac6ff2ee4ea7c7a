#!/usr/bin/python3
"""make_u16.py - writes the uint16 cases of tests/qdq (opset 21
QuantizeLinear/DequantizeLinear to uint16):

u16/model.onnx: a16/model.onnx (make_a16.py) with its int16 zero points
replaced by uint16 32768, the same reals ((u - 32768) * s = q * s, the
same saturation), so its outputs on a16/input.npy must be a16/ref.npy;
qcc holds the uint16 codes as int16 minus 32768 (zero point 0, its
symmetric 16-bit activations).
u16/node/: a node test (model.onnx, test_data_set_0) that onnx_case runs
in the interpreter: y = DequantizeLinear(QuantizeLinear(x)) with uint16
zero point 32768 (rounding half to even, saturation at 0 and 65535), and
c = DequantizeLinear of a uint16 constant per axis; NumPy references.
bad/u16_zero_point.onnx: u16/model.onnx with zero point 1000, which
compiles to no 16-bit activation of qcc's (symmetric).
bad/u16_output.onnx: a QuantizeLinear to uint16 whose output is a graph
output. Run once with /usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "u16")
U16 = TensorProto.UINT16


def with_zero_point(zp):
    m = onnx.load(os.path.join(HERE, "a16", "model.onnx"))
    z = next(t for t in m.graph.initializer if t.name == "z16")
    z.CopyFrom(numpy_helper.from_array(np.array(zp, np.uint16), "z16"))
    return m


def node_case():
    d = os.path.join(OUT, "node")
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    s, zp = np.float32(0.5), 32768
    cw = np.array([[0, 1, 32768], [65535, 40000, 7]], np.uint16)
    cs = np.array([0.25, 2.0], np.float32)
    cz = np.array([1, 32768], np.uint16)
    nodes = [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"]),
             helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"]),
             helper.make_node("DequantizeLinear", ["cw", "cs", "cz"], ["c"],
                              axis=0)]
    inits = {"s": np.array(s), "z": np.array(zp, np.uint16), "cw": cw,
             "cs": cs, "cz": cz}
    g = helper.make_graph(
        nodes, "u16_node",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [12])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [12]),
         helper.make_tensor_value_info("c", TensorProto.FLOAT, [2, 3])],
        [numpy_helper.from_array(a, n) for n, a in inits.items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    onnx.save(m, os.path.join(d, "model.onnx"))
    # ties both ways, the saturation at 0 and 65535, NaN-free
    x = np.array([0, 0.25, 0.75, -0.25, -1.25, 3.3, -16383.75, -16384.25, -16385,
                  16383.25, 16383.75, 40000], np.float32)
    q = np.clip(np.rint(x / s) + zp, 0, 65535)
    y = ((q - zp) * s).astype(np.float32)
    c = ((cw.astype(np.float64) - cz[:, None]) * cs[:, None]).astype(
        np.float32)
    for name, a in (("input_0", ("x", x)), ("output_0", ("y", y)),
                    ("output_1", ("c", c))):
        with open(os.path.join(d, "test_data_set_0", name + ".pb"),
                  "wb") as f:
            f.write(numpy_helper.from_array(a[1], a[0]).SerializeToString())


def u16_output():
    nodes = [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["y"],
                              name="yq")]
    g = helper.make_graph(
        nodes, "u16_output",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
        [helper.make_tensor_value_info("y", U16, [4])],
        [numpy_helper.from_array(np.array(0.5, np.float32), "s"),
         numpy_helper.from_array(np.array(7, np.uint16), "z")])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    onnx.save(m, os.path.join(HERE, "bad", "u16_output.onnx"))


os.makedirs(OUT, exist_ok=True)
onnx.save(with_zero_point(32768), os.path.join(OUT, "model.onnx"))
bad = with_zero_point(1000)
onnx.save(bad, os.path.join(HERE, "bad", "u16_zero_point.onnx"))
node_case()
u16_output()
