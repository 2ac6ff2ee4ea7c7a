#!/usr/bin/python3
"""make_asym.py - writes tests/qdq/asym/: QLinearConv and QLinearMatMul
with asymmetric uint8 weights as older ONNX Runtime quantizers wrote them
(QUInt8 weights, min-max: scale (max - min) / 255 and zero point
round(-min / scale), so the codes span 0..255 and w - zero point spans
255 values, never inside [-127, 127]); qcc holds them as w - zero point
(docs/onnx.md, "Asymmetric uint8 weights"). model.onnx:

  x [1, 8, 6, 6] -> QuantizeLinear -> QLinearConv(W [16, 8, 3, 3] uint8,
    per-channel scales and zero points, int32 bias, pads 1; output zero
    point 0, a relu) -> DequantizeLinear -> Flatten -> QuantizeLinear
    -> QLinearMatMul(B [576, 10] uint8, one scale and zero point)
    -> DequantizeLinear -> y

small/model.onnx: a 1x1 QLinearConv whose weights' w - zero point (zero
point 64) are all even, up to 190, which qcc divides by 2 into int8
weights on twice the scale.
input.npy: 32 samples; ref.npy (small/ref.npy): the ONNX definition
computed in NumPy (exact int64 accumulators, the requantization in
float64, rounding half to even, saturation), which `qcc run --rounding
even` must give exactly. Run once with /usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper
from onnx_int4 import qdq_model

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "asym")


def minmax_u8(w, axis_len=None):
    """uint8 min-max codes of w, per row of w [C, ...] (per tensor when
    axis_len is None): (codes, scales, zero points)."""
    flat = w.reshape(len(w), -1) if axis_len else w.reshape(1, -1)
    lo = np.minimum(flat.min(1), 0)
    hi = np.maximum(flat.max(1), 0)
    s = ((hi - lo) / 255).astype(np.float32)
    z = np.clip(np.rint(-lo / s), 0, 255).astype(np.uint8)
    q = np.clip(np.rint(flat / s[:, None]) + z[:, None], 0, 255)
    return q.reshape(w.shape).astype(np.uint8), s, z


def requant(acc, scale, zp):
    """int64 accumulators times a float64 scale, half to even, uint8."""
    return np.clip(np.rint(acc * scale) + zp, 0, 255).astype(np.int64)


def conv3x3(x, w):
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    y = np.zeros((n, w.shape[0], h, wd), np.int64)
    for i in range(3):
        for j in range(3):
            y += np.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + wd],
                           w[:, :, i, j])
    return y


def save(m, d):
    os.makedirs(d, exist_ok=True)
    onnx.save(m, os.path.join(d, "model.onnx"))


def init(name, a):
    return numpy_helper.from_array(a, name)


def main():
    rng = np.random.default_rng(2113)
    x = rng.uniform(-1, 1.5, (32, 8, 6, 6)).astype(np.float32)
    wc = rng.normal(0.01, 0.1, (16, 8, 3, 3))
    wm = rng.normal(-0.005, 0.05, (576, 10))
    bc = rng.uniform(-0.3, 0.3, 16)
    qc, sc, zc = minmax_u8(wc, 16)
    qm, sm, zm = minmax_u8(wm)
    sx, zx = np.float32(2.5 / 255), np.uint8(102)
    s1, z1 = np.float32(0.02), np.uint8(0)        # a relu
    s2, z2 = np.float32(0.05), np.uint8(128)
    bq = np.rint(bc / (np.float64(sx) * sc)).astype(np.int32)

    xq = np.clip(np.rint(x / np.float64(sx)) + int(zx), 0, 255).astype(
        np.int64)
    acc = conv3x3(xq - int(zx), qc.astype(np.int64) -
                  zc.astype(np.int64)[:, None, None, None]) + \
        bq[None, :, None, None]
    scale = (np.float32(sx) * sc.astype(np.float32)).astype(np.float64) / \
        np.float64(s1)
    h = requant(acc, scale[None, :, None, None], int(z1))
    hf = h.reshape(32, -1) - int(z1)
    acc2 = hf @ (qm.astype(np.int64) - int(zm[0]))
    y = requant(acc2, np.float64(np.float32(s1) * np.float32(sm[0])) /
                np.float64(s2), int(z2))
    ref = ((y - int(z2)) * np.float64(s2)).astype(np.float32)

    nodes = [
        helper.make_node("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
        helper.make_node("QLinearConv", ["xq", "sx", "zx", "wc", "sc", "zc",
                                         "s1", "z1", "bc"], ["c"],
                         pads=[1] * 4, name="conv"),
        helper.make_node("DequantizeLinear", ["c", "s1", "z1"], ["cd"]),
        helper.make_node("Flatten", ["cd"], ["f"]),
        helper.make_node("QuantizeLinear", ["f", "s1", "z1"], ["fq"]),
        helper.make_node("QLinearMatMul", ["fq", "s1", "z1", "wm", "sm",
                                           "zm", "s2", "z2"], ["m"],
                         name="matmul"),
        helper.make_node("DequantizeLinear", ["m", "s2", "z2"], ["y"])]
    inits = [init("sx", np.array(sx)), init("zx", np.array(zx)),
             init("wc", qc), init("sc", sc), init("zc", zc),
             init("s1", np.array(s1)), init("z1", np.array(z1)),
             init("bc", bq), init("wm", qm), init("sm", np.array(sm[0])),
             init("zm", np.array(zm[0])), init("s2", np.array(s2)),
             init("z2", np.array(z2))]
    save(qdq_model(nodes, "asym", [1, 8, 6, 6], [1, 10], inits, 13), OUT)
    np.save(os.path.join(OUT, "input.npy"), x[:, None])
    np.save(os.path.join(OUT, "ref.npy"), ref)
    print("conv zero points", zc, "matmul zero point", zm)
    small(rng, x)


def small(rng, x):
    """A 1x1 QLinearConv, w - zero point even, up to 190."""
    d = 2 * rng.integers(-32, 96, (4, 8, 1, 1))
    d[:, 0, 0, 0] = 190
    zc = np.full(4, 64, np.uint8)
    qc = (d + 64).astype(np.uint8)
    sc = np.full(4, 0.004, np.float32)
    sx, zx = np.float32(2.5 / 255), np.uint8(102)
    sy, zy = np.float32(0.03), np.uint8(120)
    xq = np.clip(np.rint(x / np.float64(sx)) + int(zx), 0, 255).astype(
        np.int64)
    acc = np.einsum("nchw,oc->nohw", xq - int(zx), d[:, :, 0, 0])
    scale = np.float64(np.float32(sx) * sc[0]) / np.float64(sy)
    y = requant(acc, scale, int(zy))
    ref = ((y - int(zy)) * np.float64(sy)).astype(np.float32)
    nodes = [
        helper.make_node("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
        helper.make_node("QLinearConv", ["xq", "sx", "zx", "wc", "sc", "zc",
                                         "sy", "zy"], ["c"], name="conv"),
        helper.make_node("DequantizeLinear", ["c", "sy", "zy"], ["y"])]
    inits = [init("sx", np.array(sx)), init("zx", np.array(zx)),
             init("wc", qc), init("sc", sc), init("zc", zc),
             init("sy", np.array(sy)), init("zy", np.array(zy))]
    d = os.path.join(OUT, "small")
    save(qdq_model(nodes, "asym_small", [1, 8, 6, 6], [1, 4, 6, 6], inits,
                   13), d)
    np.save(os.path.join(d, "ref.npy"), ref)


main()
