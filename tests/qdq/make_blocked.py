#!/usr/bin/python3
"""make_blocked.py - writes tests/qdq/blocked/: the shared MLP
(../shared/models/mlp.onnx, biases left out) as a QDQ model with opset 21
blocked int4 weights (DequantizeLinear with block_size, packed two a
byte), model.onnx:

  x -> Q/DQ -> Flatten -> MatMul(B [784, 256] blocked along K, 32) -> Relu -> Q/DQ
    -> Gemm(transB=1, B [128, 256] blocked along K, 16) -> Relu -> Q/DQ
    -> MatMul(B [128, 10] blocked along K, 64) -> Q/DQ -> y

Each block's scale is u * r: u a power of two per output channel, r an
integer in [1, 256] (the block's max |w| / 7 rounded up onto u's grid),
as qcc's group-wise weights express exactly; the activations have
power-of-two scales (uint8), so every requantization is exact.
input.npy: the first 50 calibration images; ref.npy: the ONNX definition
computed here in NumPy (float64 sums, which are exact here; rounding half
to even, saturation), which `qcc run --rounding even` must give exactly.
grouped/conv/: a convolution x [1, 16, 6, 6] -> Q/DQ -> Conv(W [8, 16, 3,
3] int4 blocked along the input channels, 8 a block: groups of 72 taps,
one scale per block over the kernel's taps) -> Q/DQ, with input_0.npy
(4 samples) and ref.npy (the ONNX definition in float64).
bad/blocked_scales.onnx: the first layer with block scales that are no
integer multiples of one scale; bad/blocked_taps.onnx: blocks of 4 taps.
Run once with /usr/bin/python3 (onnx, numpy); the shared models directory
is argument 1 (default ../shared/models relative to the worktree root)."""
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx_int4 import int4_tensor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "blocked")


def blocked(w, block, axis):
    """w float [.., ..] blocked along axis: (int4 q, scales, dequantized)."""
    wt = np.moveaxis(w, axis, -1)            # [channels, K]
    ch, k = wt.shape
    nb = -(-k // block)
    pad = np.zeros((ch, nb * block), np.float64)
    pad[:, :k] = wt
    amax = np.abs(pad).reshape(ch, nb, block).max(2) / 7
    amax = np.maximum(amax, 1e-6)
    u = 2.0 ** np.ceil(np.log2(amax.max(1) / 256))
    r = np.clip(np.ceil(amax / u[:, None]), 1, 256)
    s = (u[:, None] * r).astype(np.float32)  # [channels, nb]
    full = np.repeat(s, block, 1)[:, :k]
    q = np.clip(np.rint(wt / full), -7, 7)
    return (np.moveaxis(q, -1, axis).astype(np.int8),
            np.moveaxis(s, -1, axis).copy(),
            np.moveaxis(q * full.astype(np.float64), -1, axis))


def pow2_scale(amax, levels):
    return 2.0 ** math.ceil(math.log2(amax / levels))


def fq(v, s, zp):
    return (np.clip(np.rint(v / s) + zp, 0, 255) - zp) * s


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "models")
    src = onnx.load(os.path.join(shared, "mlp.onnx"))
    W = {t.name: numpy_helper.to_array(t).astype(np.float64)
         for t in src.graph.initializer}
    x = np.load(os.path.join(shared, "calib.npy"))[:50]
    xf = x.reshape(50, 784).astype(np.float64)
    # layers: (weights as the op reads them, block, axis, op)
    layers = [(W["fc1.weight"].T, 32, 0, "MatMul"),
              (W["fc2.weight"], 16, 1, "Gemm"),
              (W["fc3.weight"].T, 64, 0, "MatMul")]
    # activation scales from the float run: uint8, zero point 128 for x
    # and the logits, 0 after the relus
    sx = 2.0 ** -6
    h, scales = fq(xf, sx, 128), []
    qs = [blocked(w, b, a) for w, b, a, _ in layers]
    for i, (w, b, a, op) in enumerate(layers):
        d = qs[i][2]
        y = h @ (d.T if op == "Gemm" else d)
        relu = i < 2
        y = np.maximum(y, 0) if relu else y
        s = pow2_scale(np.abs(y).max(), 255 if relu else 127)
        scales.append((s, 0 if relu else 128))
        h = fq(y, s, scales[-1][1])
    ref = h.astype(np.float32)

    nodes = [helper.make_node("QuantizeLinear", ["x", "s0", "z0"], ["q0"]),
             helper.make_node("DequantizeLinear", ["q0", "s0", "z0"], ["x0"]),
             helper.make_node("Flatten", ["x0"], ["d0"])]
    inits = [numpy_helper.from_array(np.array(sx, np.float32), "s0"),
             numpy_helper.from_array(np.array(128, np.uint8), "z0")]
    for i, ((w, b, a, op), (q, s, _)) in enumerate(zip(layers, qs)):
        n = i + 1
        nodes.append(helper.make_node(
            "DequantizeLinear", [f"w{n}", f"ws{n}"], [f"wd{n}"],
            name=f"wdq{n}", axis=a, block_size=b))
        inits += [int4_tensor(f"w{n}", q), numpy_helper.from_array(s, f"ws{n}")]
        attrs = {"transB": 1} if op == "Gemm" else {}
        nodes.append(helper.make_node(op, [f"d{i}", f"wd{n}"], [f"m{n}"],
                                      **attrs))
        y = f"m{n}"
        if i < 2:
            nodes.append(helper.make_node("Relu", [y], [f"r{n}"]))
            y = f"r{n}"
        sy, zy = scales[i]
        nodes += [helper.make_node("QuantizeLinear", [y, f"s{n}", f"z{n}"],
                                   [f"q{n}"]),
                  helper.make_node("DequantizeLinear", [f"q{n}", f"s{n}",
                                                        f"z{n}"],
                                   ["y" if n == 3 else f"d{n}"])]
        inits += [numpy_helper.from_array(np.array(sy, np.float32), f"s{n}"),
                  numpy_helper.from_array(np.array(zy, np.uint8), f"z{n}")]
    g = helper.make_graph(
        nodes, "mlp_blocked",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 28, 28])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
        inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    os.makedirs(OUT, exist_ok=True)
    onnx.save(m, os.path.join(OUT, "model.onnx"))
    np.save(os.path.join(OUT, "input.npy"), x)
    np.save(os.path.join(OUT, "ref.npy"), ref)
    # a block scale off the channel's grid: 1.5 and 1 times u are fine, an
    # irrational ratio is not
    bad = onnx.load(os.path.join(OUT, "model.onnx"))
    t = next(t for t in bad.graph.initializer if t.name == "ws1")
    s = numpy_helper.to_array(t).copy()
    s[1, 0] = s[0, 0] * np.float32(math.sqrt(2))
    t.CopyFrom(numpy_helper.from_array(s, "ws1"))
    onnx.save(bad, os.path.join(HERE, "bad", "blocked_scales.onnx"))
    bad = onnx.load(os.path.join(OUT, "model.onnx"))
    nd = next(nd for nd in bad.graph.node if nd.name == "wdq1")
    next(a for a in nd.attribute if a.name == "block_size").i = 4
    t = next(t for t in bad.graph.initializer if t.name == "ws1")
    s = np.repeat(numpy_helper.to_array(t), 8, 0)[:196]
    t.CopyFrom(numpy_helper.from_array(s, "ws1"))
    onnx.save(bad, os.path.join(HERE, "bad", "blocked_taps.onnx"))


def conv_case():
    rng = np.random.default_rng(21)
    oc, ic, b = 8, 16, 8
    q = rng.integers(-7, 8, (oc, ic, 3, 3)).astype(np.int8)
    u = 2.0 ** rng.integers(-12, -9, oc)
    r = rng.integers(1, 257, (oc, ic // b))
    s = (u[:, None] * r).astype(np.float32)          # [oc, blocks]
    s4 = np.repeat(s[:, :, None, None], 3, 2).repeat(3, 3)
    wd = q * np.repeat(s, b, 1)[:, :, None, None].astype(np.float64)
    sx, sy = 2.0 ** -5, 2.0 ** -3
    x = rng.uniform(-4, 4, (4, 1, ic, 6, 6)).astype(np.float32)
    xr = fq(x[:, 0].astype(np.float64), sx, 128)
    xp = np.pad(xr, ((0, 0), (0, 0), (1, 1), (1, 1)))
    y = np.zeros((4, oc, 6, 6))
    for i in range(3):
        for j in range(3):
            y += np.einsum("nchw,oc->nohw", xp[:, :, i:i + 6, j:j + 6],
                           wd[:, :, i, j])
    ref = fq(y, sy, 128).astype(np.float32)
    nodes = [helper.make_node("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
             helper.make_node("DequantizeLinear", ["xq", "sx", "zx"], ["xd"]),
             helper.make_node("DequantizeLinear", ["w", "ws"], ["wd"],
                              name="wdq", axis=1, block_size=b),
             helper.make_node("Conv", ["xd", "wd"], ["c"], pads=[1] * 4),
             helper.make_node("QuantizeLinear", ["c", "sy", "zy"], ["cq"]),
             helper.make_node("DequantizeLinear", ["cq", "sy", "zy"], ["y"])]
    inits = [int4_tensor("w", q), numpy_helper.from_array(s4, "ws")] + [
        numpy_helper.from_array(a, n) for n, a in {
            "sx": np.array(sx, np.float32), "zx": np.array(128, np.uint8),
            "sy": np.array(sy, np.float32),
            "zy": np.array(128, np.uint8)}.items()]
    g = helper.make_graph(
        nodes, "conv_blocked",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       [1, ic, 6, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT,
                                       [1, oc, 6, 6])], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    d = os.path.join(HERE, "grouped", "conv")
    os.makedirs(d, exist_ok=True)
    onnx.save(m, os.path.join(d, "model.onnx"))
    np.save(os.path.join(d, "input_0.npy"), x)
    np.save(os.path.join(d, "ref.npy"), ref)


main()
conv_case()
