#!/usr/bin/python3
"""make_const_q.py - writes tests/qdq/const_q/: a QDQ convolution whose
weights are a float initializer fake-quantized per output channel by
QuantizeLinear(axis=0) -> DequantizeLinear(axis=0), as PyTorch exports a
quantization-aware trained model (fq.onnx), and the same model with the
weights stored as the int8 integers those nodes compute (int8.onnx), as
ONNX Runtime's quantizer writes it; input.npy, 4 random inputs. qcc reads
both the same, so their outputs must be identical. Run once with
/usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "const_q")
rng = np.random.default_rng(21)
w = rng.normal(0, 0.3, (6, 3, 3, 3)).astype(np.float32)
ws = (np.abs(w).reshape(6, -1).max(1) / 127).astype(np.float32)
b = rng.normal(0, 0.1, 6).astype(np.float32)
# the integers QuantizeLinear computes: x / scale in float32, half to even
wq = np.clip(np.rint(w / ws[:, None, None, None]), -128, 127).astype(np.int8)


def model(name, weight_nodes, weight_inits):
    nodes = [helper.make_node("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
             helper.make_node("DequantizeLinear", ["xq", "xs", "xz"], ["xd"])]
    nodes += weight_nodes
    nodes += [helper.make_node("Conv", ["xd", "wd", "b"], ["c"], pads=[1] * 4),
              helper.make_node("QuantizeLinear", ["c", "ys", "yz"], ["cq"]),
              helper.make_node("DequantizeLinear", ["cq", "ys", "yz"], ["y"])]
    inits = {"xs": np.array(0.02, np.float32), "xz": np.array(128, np.uint8),
             "ys": np.array(0.05, np.float32), "yz": np.array(120, np.uint8),
             "wz": np.zeros(6, np.int8), "ws": ws, "b": b}
    inits.update(weight_inits)
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 6, 8, 8])],
        [numpy_helper.from_array(a, n) for n, a in inits.items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.save(m, os.path.join(OUT, name + ".onnx"))


os.makedirs(OUT, exist_ok=True)
model("fq", [helper.make_node("QuantizeLinear", ["w", "ws", "wz"], ["wq"],
                              axis=0),
             helper.make_node("DequantizeLinear", ["wq", "ws", "wz"], ["wd"],
                              axis=0)], {"w": w})
model("int8", [helper.make_node("DequantizeLinear", ["wq", "ws", "wz"], ["wd"],
                                axis=0)], {"wq": wq})
np.save(os.path.join(OUT, "input.npy"),
        rng.uniform(-2.5, 2.5, (4, 1, 3, 8, 8)).astype(np.float32))
