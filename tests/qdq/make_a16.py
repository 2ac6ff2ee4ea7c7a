#!/usr/bin/python3
"""make_a16.py - writes tests/qdq/a16/: a QDQ model with int16 activations
(opset 21 QuantizeLinear/DequantizeLinear to int16, zero point 0) and
int8 per-channel weights, A16W8: x -> Q/DQ -> Conv -> Relu -> Q/DQ ->
Conv -> Q/DQ -> y (model.onnx); input.npy, 8 random inputs; ref.npy, the
model's float semantics computed here in float64 (every Q/DQ pair a
rounding half to even onto its grid, saturated to int16). Run once with
/usr/bin/python3 (onnx, numpy, torch)."""
import os

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "a16")
rng = np.random.default_rng(16)
S = {"x": 2.0**-12, "h": 3e-4, "y": 5e-4}   # activation scales


def weights(oc, ic):
    w = rng.normal(0, 0.4, (oc, ic, 3, 3)).astype(np.float32)
    s = (np.abs(w).reshape(oc, -1).max(1) / 127).astype(np.float32)
    q = np.clip(np.rint(w / s[:, None, None, None]), -127, 127).astype(np.int8)
    return q, s


w1, s1 = weights(4, 2)
w2, s2 = weights(3, 4)


def qdq(name, src):
    return [helper.make_node("QuantizeLinear", [src, name + "_s", "z16"],
                             [name + "_q"], name=name + "_q"),
            helper.make_node("DequantizeLinear", [name + "_q", name + "_s",
                                                  "z16"], [name + "_d"])]


nodes = qdq("x", "x")
nodes += [helper.make_node("DequantizeLinear", ["w1", "s1", "z8a"], ["w1d"],
                           axis=0),
          helper.make_node("Conv", ["x_d", "w1d"], ["c1"], pads=[1] * 4),
          helper.make_node("Relu", ["c1"], ["r1"])]
nodes += qdq("h", "r1")
nodes += [helper.make_node("DequantizeLinear", ["w2", "s2", "z8b"], ["w2d"],
                           axis=0),
          helper.make_node("Conv", ["h_d", "w2d"], ["c2"], pads=[1] * 4)]
nodes += qdq("y", "c2")
nodes[-1].output[0] = "y"
inits = {"x_s": np.array(S["x"], np.float32), "h_s": np.array(S["h"], np.float32),
         "y_s": np.array(S["y"], np.float32), "z16": np.array(0, np.int16),
         "z8a": np.zeros(4, np.int8), "z8b": np.zeros(3, np.int8),
         "w1": w1, "s1": s1, "w2": w2, "s2": s2}
g = helper.make_graph(
    nodes, "a16",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 6, 6])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, 6, 6])],
    [numpy_helper.from_array(a, n) for n, a in inits.items()])
m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
m.ir_version = 10
os.makedirs(OUT, exist_ok=True)
onnx.save(m, os.path.join(OUT, "model.onnx"))

x = rng.uniform(-3, 3, (8, 1, 2, 6, 6)).astype(np.float32)
np.save(os.path.join(OUT, "input.npy"), x)


def fq(v, s):
    s = float(np.float32(s))
    return np.clip(np.rint(v / s), -32768, 32767) * s


def deq(q, s):
    return torch.from_numpy(q.astype(np.float64) *
                            s.astype(np.float64)[:, None, None, None])


t = torch.from_numpy(fq(x[:, 0].astype(np.float64), S["x"]))
h = fq(torch.relu(F.conv2d(t, deq(w1, s1), padding=1)).numpy(), S["h"])
y = fq(F.conv2d(torch.from_numpy(h), deq(w2, s2), padding=1).numpy(), S["y"])
np.save(os.path.join(OUT, "ref.npy"), y.astype(np.float32))
