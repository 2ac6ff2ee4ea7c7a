#!/usr/bin/python3
"""make_int4.py - writes tests/qdq/int4/: opset 21 weights stored as int4
(two a byte in raw_data, low nibble first) and dequantized per output
channel, feeding a QDQ convolution (int4.onnx), and the same model with
the same integers stored as int8 (int8.onnx); input.npy, 4 random inputs.
qcc reads both the same (4-bit weights either way), so their outputs must
be identical. Also bad/int4_activation.onnx: a QuantizeLinear to int4 of
an activation. The onnx package of Debian (1.12) predates the int4 type,
so the tensors are written with its number (22, onnx_int4.py). Run once with
/usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx_int4 import int4_tensor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "int4")
rng = np.random.default_rng(4)
wq = rng.integers(-7, 8, (5, 2, 3, 3)).astype(np.int8)
ws = rng.uniform(0.02, 0.08, 5).astype(np.float32)


def model(name, w_init, wz_init, nodes_before=(), x_type=TensorProto.FLOAT):
    nodes = list(nodes_before) + [
        helper.make_node("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
        helper.make_node("DequantizeLinear", ["xq", "xs", "xz"], ["xd"]),
        helper.make_node("DequantizeLinear", ["wq", "ws", "wz"], ["wd"],
                         axis=0),
        helper.make_node("Conv", ["xd", "wd"], ["c"]),
        helper.make_node("QuantizeLinear", ["c", "ys", "yz"], ["cq"]),
        helper.make_node("DequantizeLinear", ["cq", "ys", "yz"], ["y"])]
    inits = [numpy_helper.from_array(a, n) for n, a in {
        "xs": np.array(0.03, np.float32), "xz": np.array(128, np.uint8),
        "ys": np.array(0.04, np.float32), "yz": np.array(128, np.uint8),
        "ws": ws}.items()] + [w_init, wz_init]
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info("x", x_type, [1, 2, 6, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 5, 4, 4])],
        inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    return m


os.makedirs(OUT, exist_ok=True)
onnx.save(model("int4", int4_tensor("wq", wq),
                int4_tensor("wz", np.zeros(5, np.int8))),
          os.path.join(OUT, "int4.onnx"))
onnx.save(model("int8", numpy_helper.from_array(wq, "wq"),
                numpy_helper.from_array(np.zeros(5, np.int8), "wz")),
          os.path.join(OUT, "int8.onnx"))
np.save(os.path.join(OUT, "input.npy"),
        rng.uniform(-3, 3, (4, 1, 2, 6, 6)).astype(np.float32))
# an activation quantized to int4
bad = model("int4_activation", int4_tensor("wq", wq),
            int4_tensor("wz", np.zeros(5, np.int8)))
bad.graph.node[0].input[2] = "x4z"
bad.graph.node[1].input[2] = "x4z"
bad.graph.node[0].name = "xq"
bad.graph.initializer.append(int4_tensor("x4z", np.zeros((), np.int8)))
onnx.save(bad, os.path.join(HERE, "bad", "int4_activation.onnx"))
# int4 weights whose raw data is one byte short
short = model("int4_short", int4_tensor("wq", wq),
              int4_tensor("wz", np.zeros(5, np.int8)))
w = next(t for t in short.graph.initializer if t.name == "wq")
w.raw_data = w.raw_data[:-1]
onnx.save(short, os.path.join(HERE, "bad", "int4_short.onnx"))
