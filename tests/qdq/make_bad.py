#!/usr/bin/python3
"""make_bad.py - writes the malformed quantized models of tests/qdq/bad/:
one small graph x -> QuantizeLinear -> DequantizeLinear -> Relu (or a
DequantizeLinear of constant weights feeding a Conv) per defect. Run once
with /usr/bin/python3 (onnx, numpy); CTest reads the files it writes."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bad")


def save(name, nodes, inits, out="y", out_type=TensorProto.FLOAT, opset=13):
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 3, 3])],
        [helper.make_tensor_value_info(out, out_type, None)],
        [numpy_helper.from_array(a, n) for n, a in inits.items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 7
    os.makedirs(OUT, exist_ok=True)
    onnx.save(m, os.path.join(OUT, name + ".onnx"))


def pair(scale, zp, extra=()):
    nodes = [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"],
                              name="xq"),
             helper.make_node("DequantizeLinear", ["q", "s", "z"], ["d"],
                              name="xdq"),
             helper.make_node("Relu", ["d"], ["y"], name="relu")]
    return nodes, {"s": np.array(scale, np.float32), "z": np.array(zp)}


def weights(ws, wz, axis=0):
    nodes = [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"],
                              name="xq"),
             helper.make_node("DequantizeLinear", ["q", "s", "z"], ["d"],
                              name="xdq"),
             helper.make_node("DequantizeLinear", ["w", "ws", "wz"], ["wd"],
                              name="wdq", axis=axis),
             helper.make_node("Conv", ["d", "wd"], ["y"], name="conv")]
    inits = {"s": np.array(0.1, np.float32), "z": np.array(128, np.uint8),
             "w": np.ones((4, 2, 1, 1), np.int8),
             "ws": np.array(ws, np.float32), "wz": np.array(wz, np.int8)}
    return nodes, inits


save("zero_scale", *pair(0.0, np.uint8(3)))
save("negative_scale", *pair(-0.5, np.uint8(3)))
save("axis_length", *weights([0.1, 0.2, 0.3], [0, 0, 0]))
# weights quantized per input channel (axis 1 of w [4, 2, 1, 1])
save("weights_axis", *weights([0.1, 0.2], [0, 0], axis=1))
# a Q without DQ: the graph output is the uint8 tensor
nodes = [helper.make_node("Relu", ["x"], ["r"], name="relu"),
         helper.make_node("QuantizeLinear", ["r", "s", "z"], ["y"],
                          name="yq")]
save("q_without_dq", nodes, {"s": np.array(0.1, np.float32),
                             "z": np.array(0, np.uint8)},
     out_type=TensorProto.UINT8)
# DQ of a Q with other parameters
nodes = [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"],
                          name="xq"),
         helper.make_node("DequantizeLinear", ["q", "s2", "z"], ["y"],
                          name="xdq")]
save("pair_mismatch", nodes, {"s": np.array(0.1, np.float32),
                              "s2": np.array(0.2, np.float32),
                              "z": np.array(0, np.uint8)})
# activations quantized per channel (axis 1 of x [1, 2, 3, 3])
nodes, inits = pair([0.1, 0.2], np.array([3, 4], np.uint8))
nodes[0].attribute.append(helper.make_attribute("axis", 1))
nodes[1].attribute.append(helper.make_attribute("axis", 1))
save("per_axis_activation", nodes, inits)
# opset 21 blocked quantization: a scale per 2 input channels of the weights
nodes, inits = weights(np.full((4, 1, 1, 1), 0.1, np.float32), 0, axis=1)
nodes[2].attribute.append(helper.make_attribute("block_size", 2))
inits["wz"] = np.zeros((4, 1, 1, 1), np.int8)
save("block_size", nodes, inits, opset=21)
