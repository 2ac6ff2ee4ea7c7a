#!/usr/bin/python3
"""make_blocked_float.py - writes tests/qdq/blocked_float/: a QDQ model
with opset 21 blocked int4 weights whose block scales are arbitrary
floats, as ONNX Runtime's blocked quantizer writes them (each block's
scale max |w| / 7 of float weights drawn with a magnitude that varies
from block to block), so no block scale is an integer multiple of
another one; qcc approximates them (docs/onnx.md, "Blocked
quantization"). model.onnx:

  x [1, 16, 8, 8] -> Q/DQ -> Conv(W [16, 16, 3, 3] blocked along IC, 8 a
    block: groups of 72 taps; float bias; pads 1) -> Relu -> Q/DQ
    -> Flatten -> MatMul(B [1024, 32] blocked along K, 32) -> Relu -> Q/DQ
    -> Gemm(transB=1, B [10, 32] blocked along K, 16) -> Q/DQ -> y

Activations are uint8 with min-max scales of a float run (not powers of
two) and zero points off 128. input.npy: 64 samples;
ref.npy: the ONNX definition of the QDQ model computed in NumPy (float64
sums of the float32 dequantized operands, QuantizeLinear's division
rounded half to even and saturated), against which qcc's outputs differ
by at most one step of the output scale (the block scales' relative error
and the requantization's fixed point move a few sums across a rounding
boundary). Run once with /usr/bin/python3 (onnx, numpy)."""
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper
from onnx_int4 import int4_tensor, qdq_model

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blocked_float")


def blocked(w, block):
    """w [channels, K] float: (int4 codes, float32 scales [channels, nb],
    float32 dequantized [channels, K]) with ORT's max|w| / 7 a block."""
    ch, k = w.shape
    nb = k // block
    amax = np.abs(w).reshape(ch, nb, block).max(2)
    s = np.maximum(amax / 7, 1e-8).astype(np.float32)
    full = np.repeat(s, block, 1)
    q = np.clip(np.rint(w / full), -7, 7)
    return q.astype(np.int8), s, (q * full).astype(np.float32)


def uint8_q(v):
    """Min-max uint8 scale and zero point of v (range widened to hold 0)."""
    lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
    s = np.float32((hi - lo) / 255)
    return s, np.uint8(np.clip(np.rint(-lo / s), 0, 255))


def qdq(v, s, zp):
    """QuantizeLinear then DequantizeLinear (float32 results)."""
    q = np.clip(np.rint(v / np.float64(s)) + int(zp), 0, 255)
    return ((q - int(zp)) * np.float64(s)).astype(np.float32)


def conv3x3(x, w, b):
    n, c, h, wd = x.shape
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    y = np.zeros((n, w.shape[0], h, wd))
    for i in range(3):
        for j in range(3):
            y += np.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + wd],
                           w[:, :, i, j].astype(np.float64))
    return y + b[None, :, None, None].astype(np.float64)


def forward(x, p, scales=None):
    """The QDQ model on x [N, 16, 8, 8]; with scales None, the float run
    that picks them (returned with the output)."""
    fixed = scales is not None
    scales = list(scales) if fixed else []

    def act(v, i):
        if not fixed:
            scales.append(uint8_q(v))
        return qdq(v, *scales[i])
    h = act(x, 0)
    h = act(np.maximum(conv3x3(h, p["wc"], p["bc"]), 0), 1)
    h = act(np.maximum(h.reshape(len(h), -1).astype(np.float64) @
                       p["wm"].astype(np.float64), 0), 2)
    y = act(h.astype(np.float64) @ p["wg"].T.astype(np.float64), 3)
    return y, scales


def main():
    rng = np.random.default_rng(1321)
    # float weights whose magnitude varies by block (as trained layers'
    # do), so the block scales span a decade within a channel
    wc = rng.normal(0, 1, (16, 16, 3, 3)) * \
        rng.uniform(0.005, 0.05, (16, 2, 1, 1, 1)).repeat(8, 1).reshape(
            16, 16, 1, 1)
    wm = rng.normal(0, 1, (32, 1024)) * np.repeat(
        rng.uniform(0.005, 0.05, (32, 32)), 32, 1)
    wg = rng.normal(0, 1, (10, 32)) * np.repeat(
        rng.uniform(0.02, 0.2, (10, 2)), 16, 1)
    qc, sc, dc = blocked(wc.reshape(16, 144), 72)
    qm, sm, dm = blocked(wm, 32)         # [N, K]: B is its transpose
    qg, sg, dg = blocked(wg, 16)
    p = {"wc": dc.reshape(16, 16, 3, 3), "wm": dm.T, "wg": dg,
         "bc": rng.uniform(-0.2, 0.2, 16).astype(np.float32)}
    x = rng.uniform(-2, 2, (64, 16, 8, 8)).astype(np.float32)
    _, scales = forward(x, p)
    y, _ = forward(x, p, scales)

    nodes, inits = [], []

    def pair(src, i, dst):
        s, z = scales[i]
        nodes.extend([
            helper.make_node("QuantizeLinear", [src, f"s{i}", f"z{i}"],
                             [f"q{i}"]),
            helper.make_node("DequantizeLinear", [f"q{i}", f"s{i}", f"z{i}"],
                             [dst])])
        inits.extend([numpy_helper.from_array(np.array(s, np.float32),
                                              f"s{i}"),
                      numpy_helper.from_array(np.array(z, np.uint8),
                                              f"z{i}")])
    pair("x", 0, "x_d")
    # conv scales [16, 2, 3, 3]: one per block, equal over the taps
    sc4 = np.repeat(sc[:, :, None, None], 3, 2).repeat(3, 3)
    nodes += [
        helper.make_node("DequantizeLinear", ["wc", "wcs"], ["wc_d"],
                         name="wdq_conv", axis=1, block_size=8),
        helper.make_node("Conv", ["x_d", "wc_d", "bc"], ["c0"],
                         pads=[1] * 4),
        helper.make_node("Relu", ["c0"], ["c1"])]
    pair("c1", 1, "c_d")
    nodes += [
        helper.make_node("Flatten", ["c_d"], ["f"]),
        helper.make_node("DequantizeLinear", ["wm", "wms"], ["wm_d"],
                         name="wdq_matmul", axis=0, block_size=32),
        helper.make_node("MatMul", ["f", "wm_d"], ["m0"]),
        helper.make_node("Relu", ["m0"], ["m1"])]
    pair("m1", 2, "m_d")
    nodes += [
        helper.make_node("DequantizeLinear", ["wg", "wgs"], ["wg_d"],
                         name="wdq_gemm", axis=1, block_size=16),
        helper.make_node("Gemm", ["m_d", "wg_d"], ["g0"], transB=1)]
    pair("g0", 3, "y")
    inits += [int4_tensor("wc", qc.reshape(16, 16, 3, 3)),
              numpy_helper.from_array(sc4, "wcs"),
              numpy_helper.from_array(p["bc"], "bc"),
              int4_tensor("wm", np.ascontiguousarray(qm.T)),
              numpy_helper.from_array(np.ascontiguousarray(sm.T), "wms"),
              int4_tensor("wg", qg),
              numpy_helper.from_array(sg, "wgs")]
    m = qdq_model(nodes, "blocked_float", [1, 16, 8, 8], [1, 10], inits)
    os.makedirs(OUT, exist_ok=True)
    onnx.save(m, os.path.join(OUT, "model.onnx"))
    np.save(os.path.join(OUT, "input.npy"), x[:, None])
    np.save(os.path.join(OUT, "ref.npy"), y.astype(np.float32))
    print("output scale", scales[3][0], "zero point", scales[3][1])


main()
