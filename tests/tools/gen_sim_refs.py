#!/usr/bin/python3
"""gen_sim_refs.py - writes the bit-exactness cases of tests/sim.

Run once with /usr/bin/python3 (numpy only); the CTest suite only reads what
it writes. Each case CASE is a lowered graph with one integer op:

    tests/sim/CASE.g            the graph (integer inputs, constants inline)
                                and its RUN lines: qcc run, then
                                `npycheck equal` against the expectation
    tests/sim/data/CASE.in0.npy ...   input batches (int32, or float32)
    tests/sim/data/CASE.out.npy       the expected output

(qconv2d_outside, the case of tests/sim/test_qconv_outside.c, keeps its
graph and its weights in data/, see case_conv_outside.)

The expectations come from the NumPy implementation below, written from
docs/arith.md and sharing no code with the C simulator: exact Python
integers (object arrays) for every product and rounding, padding by
explicit arrays, broadcasting by numpy. Each case is built to hit the
contract's corners: rounding ties (multipliers that are powers of two, so
that half-way results are frequent), and saturation (multipliers or inputs
that drive results past the output range). The script checks that every
case that claims ties or saturation really has them.

    /usr/bin/python3 tests/tools/gen_sim_refs.py
"""
import os
import re

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "sim")
DATA = os.path.join(OUT, "data")
rng = np.random.RandomState(20261122)

# ---- the contract, in NumPy / Python integers ----


ROUNDING = "away"   # the graph's `rounding` (case_rounding sets it)


def R_away(p, n):
    """p / 2^n rounded to nearest, ties away from zero (exact)."""
    p = np.asarray(p, dtype=object)
    n = np.asarray(n, dtype=object)
    mag = (2 * abs(p) + 2 ** n) // (2 ** (n + 1))   # floor(|p|/2^n + 1/2)
    return np.where(p < 0, -mag, mag)


def R_even(p, n):
    """p / 2^n rounded to nearest, ties to even (exact)."""
    p, n = np.broadcast_arrays(np.asarray(p, dtype=object),
                               np.asarray(n, dtype=object))
    out = np.empty(p.shape, dtype=object)
    for i, (v, k) in enumerate(zip(p.flat, n.flat)):
        q, r = divmod(abs(v), 2 ** k)
        q += 1 if 2 * r > 2 ** k or (2 * r == 2 ** k and q % 2) else 0
        out.flat[i] = -q if v < 0 else q
    return out


def R_double(p, n):
    """TFLite's MultiplyByQuantizedMultiplier on p = acc * mult, shift n:
    for n <= 31 one rounding, floor(p / 2^n + 1/2); else the doubling high
    multiply floor(p / 2^31 + 1/2), then R_away by n - 31."""
    p, n = np.broadcast_arrays(np.asarray(p, dtype=object),
                               np.asarray(n, dtype=object))
    out = np.empty(p.shape, dtype=object)
    for i, (v, k) in enumerate(zip(p.flat, n.flat)):
        if k <= 31:
            out.flat[i] = (2 * v + 2 ** k) // 2 ** (k + 1)
        else:
            h = (2 * v + 2 ** 31) // 2 ** 32
            out.flat[i] = R_away(h, k - 31)[()]
    return out


def R(p, n):
    return {"away": R_away, "even": R_even, "double": R_double}[ROUNDING](p, n)


def is_tie(p, n):
    p = np.asarray(p, dtype=object)
    return np.asarray((2 * abs(p)) % (2 ** (np.asarray(n, dtype=object) + 1))
                      == 2 ** np.asarray(n, dtype=object), dtype=bool)


def clamp(v, lo, hi):
    v = np.asarray(v, dtype=object)
    return np.asarray(np.minimum(np.maximum(v, lo), hi), dtype=np.int64)


STATS = {}


def requant(acc, mult, shift, zy, lo, hi, name):
    """y = clamp(zy + R(acc * mult, shift), lo, hi), counting corners."""
    p = np.asarray(acc, dtype=object) * np.asarray(mult, dtype=object)
    r = R(p, shift)
    y = clamp(zy + r, lo, hi)
    st = STATS.setdefault(name, [0, 0, 0])
    st[0] += int(np.sum(is_tie(p, shift) & (np.asarray(shift) > 0)))
    st[1] += int(np.sum(np.asarray(zy + r, dtype=object) > hi) +
                 np.sum(np.asarray(zy + r, dtype=object) < lo))
    st[2] += y.size
    return y


def conv_ref(x, zx, w, b, mult, shift, zy, lo, hi, stride, pad, dil, groups,
             name, wgroup=0, wgmult=None):
    """x [C,H,W] (one sample), w [OC, C/g, KH, KW]; with wgroup G the
    accumulator is bias + sum_g wgmult[oc, g] * (the sum over the taps of
    group g: flat tap index (ic, kh, kw) in [g G, (g + 1) G))."""
    OC = w.shape[0]
    if wgroup:
        K = w[0].size
        acc = np.zeros((OC,) + conv_acc(x, zx, w, None, stride, pad, dil,
                                        groups).shape[1:], dtype=object)
        for g in range((K + wgroup - 1) // wgroup):
            keep = np.zeros(K, dtype=np.int64)
            keep[g * wgroup:(g + 1) * wgroup] = 1
            part = conv_acc(x, zx, w * keep.reshape(w.shape[1:]), None,
                            stride, pad, dil, groups)
            acc += part * np.array([int(v) for v in wgmult[:, g]],
                                   dtype=object)[:, None, None]
        acc += np.array([int(v) for v in b], dtype=object)[:, None, None]
    else:
        acc = conv_acc(x, zx, w, b, stride, pad, dil, groups)
    m = np.array([int(v) for v in mult], dtype=object)
    s = np.array([int(v) for v in shift], dtype=object)
    if len(m) == 1:
        m = np.repeat(m, OC)
        s = np.repeat(s, OC)
    return requant(acc, m[:, None, None], s[:, None, None], zy, lo, hi, name)


def conv_acc(x, zx, w, b, stride, pad, dil, groups):
    """The exact accumulators [OC, OH, OW] of one sample."""
    C, H, W = x.shape
    OC, ICG, KH, KW = w.shape
    xp = np.full((C, H + pad[0] + pad[2], W + pad[1] + pad[3]), zx,
                 dtype=np.int64)
    xp[:, pad[0]:pad[0] + H, pad[1]:pad[1] + W] = x
    OH = (H + pad[0] + pad[2] - dil[0] * (KH - 1) - 1) // stride[0] + 1
    OW = (W + pad[1] + pad[3] - dil[1] * (KW - 1) - 1) // stride[1] + 1
    acc = np.zeros((OC, OH, OW), dtype=object)
    ocg = OC // groups
    for oc in range(OC):
        g = oc // ocg
        for ic in range(ICG):
            for kh in range(KH):
                for kw in range(KW):
                    patch = xp[g * ICG + ic,
                               kh * dil[0]: kh * dil[0] + stride[0] * (OH - 1) + 1: stride[0],
                               kw * dil[1]: kw * dil[1] + stride[1] * (OW - 1) + 1: stride[1]]
                    acc[oc] += (patch.astype(object) - zx) * int(w[oc, ic, kh, kw])
        acc[oc] += int(b[oc]) if b is not None else 0
    return acc


# ---- writing cases ----


def lit(values):
    return "[" + ", ".join(str(int(v)) for v in np.ravel(values)) + "]"


def flit(values):
    return "[" + ", ".join("%.9g" % float(v) for v in np.ravel(values)) + "]"


def dims(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def qstr(scale, zp, bits=0):
    s = "q(scale=%.9g, zp=%d" % (scale, zp)
    if bits:
        s += ", bits=%d" % bits
    return s + ")"


def write_case(name, text, inputs, expected, summary):
    """inputs: list of batches (np arrays); expected: the output batch, any
    shape with N times the output's element count; it is saved the way
    `qcc run` writes it: [N] + the output's dims, a leading 1 dropped."""
    os.makedirs(DATA, exist_ok=True)
    out_dims = [int(d) for d in re.search(r"output y : \w+\[([\d,]*)\]",
                                          text).group(1).split(",")]
    n = len(inputs[0])
    shape = [n] + (out_dims[1:] if out_dims[0] == 1 else out_dims)
    expected = np.ascontiguousarray(expected).reshape(shape)
    for i, a in enumerate(inputs):
        np.save(os.path.join(DATA, "%s.in%d.npy" % (name, i)), a)
    np.save(os.path.join(DATA, "%s.out.npy" % name), expected)
    head = ("# %s\n"
            "# Expected output from tests/tools/gen_sim_refs.py (NumPy, "
            "docs/arith.md).\n"
            "# RUN: %%qcc run %%s %s --output %%t.npy\n"
            "# RUN: %%npycheck equal %%t.npy %%S/data/%s.out.npy\n" %
            (summary, " ".join("--input %%S/data/%s.in%d.npy" % (name, i)
                               for i in range(len(inputs))), name))
    if ROUNDING != "away":
        text = re.sub(r"^(model \w+\n)", r"\1rounding %s\n" % ROUNDING,
                      text)
    with open(os.path.join(OUT, name + ".g"), "w") as f:
        f.write(head + text)


def rand_mults(n, lo_shift, hi_shift):
    mult = rng.randint(1 << 30, (1 << 31) - 1, size=n)
    shift = rng.randint(lo_shift, hi_shift + 1, size=n)
    return mult, shift


# ---- the cases ----


def case_quantize():
    scale, zp = np.float32(0.5), -3
    # ties: k + 0.5 after division (exact in float32), both signs, plus
    # saturation, infinities and NaN
    base = np.arange(-40, 40, dtype=np.float32) * np.float32(0.25)
    extra = np.array([1e9, -1e9, np.inf, -np.inf, np.nan, 63.75, 64.25,
                      -64.75, -65.25, 0.0, -0.0, 1e-30], dtype=np.float32)
    x = np.concatenate([base, extra, rng.randn(8).astype(np.float32) * 40])
    x = x[:100].reshape(1, 1, 100)
    with np.errstate(invalid="ignore"):
        q = np.rint(x / scale)
        v = np.where(np.isnan(q), zp, q + zp)
        y = np.clip(v, -128, 127).astype(np.int32)
    with np.errstate(invalid="ignore"):
        ties = int(np.sum(np.abs(x / scale - np.floor(x / scale)) == 0.5))
    sat = int(np.sum((v > 127) | (v < -128)))
    assert ties > 10 and sat > 4, (ties, sat)
    text = ("model quantize_ties\n\ninput x : f32[1,100]\n\n"
            "output y : i8[1,100] %s = quantize(x)\n" % qstr(scale, zp))
    write_case("quantize_ties", text, [x], y.reshape(1, 1, 100),
               "quantize: round half to even (%d ties), saturation (%d)" %
               (ties, sat))

    x16 = (rng.randn(2, 1, 64) * 3000).astype(np.float32)
    x16[0, 0, :6] = [40000, -40000, 0.5, 1.5, -2.5, 32767.5]
    y16 = np.clip(np.rint(x16 / np.float32(1.0)), -32768, 32767).astype(np.int32)
    text = ("model quantize_i16\n\ninput x : f32[1,64]\n\n"
            "output y : i16[1,64] %s = quantize(x)\n" % qstr(1.0, 0))
    write_case("quantize_i16", text, [x16], y16.reshape(2, 1, 64),
               "quantize to i16: ties and saturation")


def case_dequantize():
    scale, zp = np.float32(0.0731), 17
    x = np.arange(-128, 128, dtype=np.int32).reshape(1, 1, 256)
    y = ((x - zp).astype(np.float32) * scale).astype(np.float32)
    text = ("model dequantize_all\n\ninput x : i8[1,256] %s\n\n"
            "output y : f32[1,256] = dequantize(x)\n" % qstr(scale, zp))
    write_case("dequantize_all", text, [x], y, "dequantize: every i8 value")

    # per-axis, as weights are printed
    w = rng.randint(-127, 128, size=(3, 4)).astype(np.int32)
    sc = np.array([0.5, 0.01, 3.25], dtype=np.float32)
    yw = (w.astype(np.float32) * sc[:, None]).astype(np.float32)
    text = ("model dequantize_axis\n\n"
            "input x : i8[3,4] q(axis=0, scale=%s, zp=0)\n\n"
            "output y : f32[3,4] = dequantize(x)\n" % flit(sc))
    write_case("dequantize_axis", text, [w.reshape(1, 3, 4)],
               yw.reshape(1, 3, 4), "dequantize: per-axis scales")


def case_requantize():
    x = rng.randint(-128, 128, size=(4, 1, 64)).astype(np.int32)
    zx, zy = 5, -7
    # ties: shift 31 with mult 2^30 is a division by 2
    for name, mult, shift, lo, hi, summary in [
            ("requantize_ties", 1 << 30, 31, -128, 127,
             "requantize: x/2, ties away from zero"),
            ("requantize_sat", 2000000000, 28, -128, 127,
             "requantize: a large multiplier saturates"),
            ("requantize_relu", 1518500250, 30, -7, 127,
             "requantize: clamp at the zero point (relu)"),
            ("requantize_random", 1234567890, 33, -100, 90,
             "requantize: random multiplier, narrow clamp")]:
        y = requant(x.astype(np.int64) - zx, mult, shift, zy, lo, hi, name)
        text = ("model %s\n\ninput x : i8[1,64] %s\n\n"
                "output y : i8[1,64] %s = requantize(x, mult=[%d], "
                "shift=[%d], act_min=%d, act_max=%d)\n" %
                (name, qstr(0.1, zx), qstr(0.2, zy), mult, shift, lo, hi))
        write_case(name, text, [x], y.astype(np.int32), summary)


def conv_case(name, N, C, H, W, OC, K, stride, pad, dil, groups, zx, zy,
              mult, shift, lo, hi, summary, wbits=8, xbits=8, wmax=None,
              bmax=3000, wfull=False, wgroup=0):
    """K is the kernel size, or (KH, KW); wfull: weights over the whole
    range of wbits ([-2^(b-1), 2^(b-1) - 1]), else symmetric."""
    ICG = C // groups
    KH, KW = K if isinstance(K, tuple) else (K, K)
    qw = wmax or (1 << (wbits - 1)) - 1
    w = rng.randint(-qw - wfull, qw + 1,
                    size=(OC, ICG, KH, KW)).astype(np.int64)
    if wbits == 1:   # binary: -1 or +1
        w = 2 * rng.randint(0, 2, size=(OC, ICG, KH, KW)).astype(np.int64) - 1
    ng = (ICG * KH * KW + wgroup - 1) // wgroup if wgroup else 0
    wgmult = rng.randint(1, 257, size=(OC, ng)) if wgroup else None
    b = rng.randint(-bmax, bmax + 1, size=OC).astype(np.int64)
    if xbits == 16:
        x = rng.randint(-32768, 32768, size=(N, C, H, W)).astype(np.int64)
        xt, yt, zx, zy = "i16", "i16", 0, 0
    else:
        x = rng.randint(-128, 128, size=(N, C, H, W)).astype(np.int64)
        xt, yt = "i8", "i8"
    ys = [conv_ref(x[i], zx, w, b, mult, shift, zy, lo, hi, stride, pad, dil,
                   groups, name, wgroup, wgmult) for i in range(N)]
    y = np.stack(ys).astype(np.int32)
    wq = "q(axis=0, scale=%s, zp=0%s)" % (
        flit(np.full(OC, 0.01)), ", bits=%d" % wbits if wbits < 8 else "")
    text = ("model %s\n\ninput x : %s[1,%d,%d,%d] %s\n\n"
            "const w : i8[%d,%d,%d,%d] %s = %s\n"
            "const b : i32[%d] = %s\n\n"
            "output y : %s%s %s = qconv2d(x, w, b, stride=%s, pad=%s, "
            "dilation=%s, groups=%d, mult=%s, shift=%s, act_min=%d, "
            "act_max=%d%s)\n" %
            (name, xt, C, H, W, qstr(0.05, zx), OC, ICG, KH, KW, wq, lit(w),
             OC, lit(b), yt, dims((1,) + y.shape[1:]), qstr(0.1, zy), dims(stride),
             dims(pad), dims(dil), groups, lit(mult), lit(shift), lo, hi,
             ", wgroup=%d, wgmult=%s" % (wgroup, lit(wgmult)) if wgroup else
             ""))
    write_case(name, text, [x.astype(np.int32)], y, summary)


def case_conv():
    m, s = rand_mults(4, 38, 41)
    conv_case("qconv2d_random", 2, 3, 6, 5, 4, 3, (1, 1), (1, 1, 1, 1), (1, 1),
              1, -3, 4, m, s, -128, 127,
              "qconv2d: per-channel multipliers, zero padding")
    conv_case("qconv2d_ties", 2, 2, 5, 5, 3, 3, (2, 1), (1, 0, 0, 1), (1, 1),
              1, 9, -2, [1 << 30] * 3, [31, 32, 33], -128, 127,
              "qconv2d: power-of-two multipliers (ties), stride, uneven pad",
              wmax=1, bmax=20)
    conv_case("qconv2d_sat_relu", 1, 4, 5, 5, 6, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 1, 0, -20, [2000000000], [30], -20, 100,
              "qconv2d: one multiplier for all channels, saturation, relu")
    conv_case("qconv2d_depthwise", 2, 4, 7, 7, 4, 3, (2, 2), (1, 1, 1, 1),
              (1, 1), 4, 11, 3, *rand_mults(4, 40, 42), -128, 127,
              "qconv2d: depthwise (groups = channels), stride 2")
    conv_case("qconv2d_dilated_groups", 1, 4, 8, 8, 6, 3, (1, 1), (2, 2, 2, 2),
              (2, 2), 2, -60, 0, *rand_mults(6, 41, 43), -128, 127,
              "qconv2d: dilation 2, two groups")
    conv_case("qconv2d_w4", 1, 3, 5, 5, 4, 3, (1, 1), (1, 1, 1, 1), (1, 1), 1,
              -128, -128, [1 << 30] * 4, [34, 35, 36, 37], -128, 127,
              "qconv2d: 4-bit weights (i8 bits=4), ties", wbits=4)
    conv_case("qconv2d_i16", 1, 2, 4, 4, 3, 3, (1, 1), (1, 1, 1, 1), (1, 1), 1,
              0, 0, *rand_mults(3, 38, 40), -32768, 32767,
              "qconv2d: 16-bit activations", xbits=16)


def case_packed():
    """Weights of 4 bits or fewer, which the simulator reads through their
    packed layout (docs/arith.md, "Packed weights"): every width over its
    whole range, rows whose K is not a multiple of the values a byte
    holds, each conv shape (regular, depthwise, pointwise, grouped)."""
    conv_case("qconv2d_w4_full", 2, 3, 6, 5, 5, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 1, -7, 3, [1 << 30] * 5, [33, 34, 35, 36, 37], -128,
              127, "qconv2d: 4-bit weights over [-8, 7], K = 27, ties",
              wbits=4, wfull=True)
    conv_case("qconv2d_w4_dw", 1, 6, 9, 8, 6, 3, (2, 2), (1, 1, 1, 1),
              (1, 1), 6, 12, -5, *rand_mults(6, 36, 38), -128, 127,
              "qconv2d: depthwise, 4-bit weights, stride 2", wbits=4,
              wfull=True)
    conv_case("qconv2d_w2_pw", 2, 6, 4, 5, 6, 1, (1, 1), (0, 0, 0, 0),
              (1, 1), 2, 20, 0, [1 << 30], [32], -128, 127,
              "qconv2d: 1x1, two groups, 2-bit weights over [-2, 1], K = 3, "
              "saturation", wbits=2, wfull=True, bmax=300)
    conv_case("qconv2d_w2_dilated", 1, 5, 7, 7, 3, 3, (1, 2), (2, 2, 2, 2),
              (2, 2), 1, -90, 7, [1 << 30] * 3, [31, 32, 33], -128, 127,
              "qconv2d: 2-bit weights, dilation 2, K = 45, ties", wbits=2,
              wfull=True, bmax=40)
    conv_case("qconv2d_w3", 1, 2, 5, 5, 3, 3, (1, 1), (1, 0, 1, 2), (1, 1),
              1, 0, 0, *rand_mults(3, 34, 36), -128, 127,
              "qconv2d: 3-bit weights over [-4, 3] (packed as 4 bits)",
              wbits=3, wfull=True)
    conv_case("qconv2d_w4_i16", 1, 3, 4, 4, 2, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 1, 0, 0, *rand_mults(2, 36, 38), -32768, 32767,
              "qconv2d: 16-bit activations, 4-bit weights", xbits=16,
              wbits=4, wfull=True)
    # ternary (2 bits, -1, 0, +1) and binary (bits=1, -1, +1): the kernels
    # that add and subtract
    conv_case("qconv2d_ternary", 2, 4, 6, 6, 5, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 1, 5, -2, [1 << 30] * 5, [30, 31, 32, 33, 34], -128,
              127, "qconv2d: ternary weights, K = 36, ties", wbits=2,
              bmax=50)
    conv_case("qconv2d_binary", 1, 3, 7, 6, 4, 3, (2, 1), (1, 1, 1, 1),
              (1, 1), 1, -10, 3, [1 << 30] * 4, [31, 32, 33, 34], -128,
              127, "qconv2d: binary weights, K = 27, ties, saturation",
              wbits=1, bmax=50)
    conv_case("qconv2d_binary_dw", 1, 5, 6, 7, 5, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 5, 40, 0, *rand_mults(5, 32, 34), -128, 127,
              "qconv2d: depthwise, binary weights (K = 9)", wbits=1,
              bmax=100)
    for name, bits, N, K, M, mult, shift, lo, hi, summary in [
            ("qdense_w4", 4, 3, 37, 5, [1 << 30] * 5, [31, 32, 33, 34, 35],
             -128, 127, "qdense: 4-bit weights over [-8, 7], K = 37, ties"),
            ("qdense_w2", 2, 2, 38, 7, *rand_mults(7, 34, 36), -20, 127,
             "qdense: 2-bit weights over [-2, 1], K = 38, saturation"),
            ("qdense_ternary", 0, 2, 41, 6, [1 << 30] * 6,
             [30, 31, 32, 33, 34, 35], -128, 127,
             "qdense: ternary weights, K = 41, ties"),
            ("qdense_binary", 1, 3, 43, 5, [1 << 30] * 5,
             [31, 32, 33, 34, 35], -128, 127,
             "qdense: binary weights, K = 43, ties, saturation")]:
        x = rng.randint(-128, 128, size=(N, 1, K)).astype(np.int64)
        if bits == 0:    # ternary: 2 bits holding -1, 0, +1
            bits, w = 2, rng.randint(-1, 2, size=(M, K)).astype(np.int64)
        elif bits == 1:
            w = 2 * rng.randint(0, 2, size=(M, K)).astype(np.int64) - 1
        else:
            qw = 1 << (bits - 1)
            w = rng.randint(-qw, qw, size=(M, K)).astype(np.int64)
        b = rng.randint(-40, 41, size=M).astype(np.int64)
        dense_case(name, x, 3, -4, w, b, mult, shift, lo, hi, summary, bits)
    # group-wise scales: K not a multiple of the group (a short last group)
    conv_case("qconv2d_w4_g16", 2, 5, 6, 5, 4, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 1, -20, 6, [1 << 30] * 4, [40, 41, 42, 43], -128, 127,
              "qconv2d: 4-bit weights, group-wise scales (G = 16, K = 45), "
              "saturation", wbits=4, wfull=True, wgroup=16)
    conv_case("qconv2d_w2_g8_dw", 1, 4, 7, 6, 4, 3, (2, 1), (1, 1, 1, 1),
              (1, 1), 4, 7, -9, *rand_mults(4, 38, 40), -128, 127,
              "qconv2d: depthwise, 2-bit weights, group-wise scales (G = 8, "
              "K = 9)", wbits=2, wfull=True, wgroup=8)
    x = rng.randint(-128, 128, size=(2, 1, 70)).astype(np.int64)
    w = rng.randint(-8, 8, size=(5, 70)).astype(np.int64)
    b = rng.randint(-2000, 2001, size=5).astype(np.int64)
    wgm = rng.randint(1, 257, size=(5, 3))
    dense_case("qdense_w4_g32", x, -7, 2, w, b, [1 << 30] * 5,
               [31, 44, 45, 46, 45], -128, 127,
               "qdense: 4-bit weights, group-wise scales (G = 32, K = 70), "
               "saturation", 4, 32, wgm)


def dense_case(name, x, zx, zy, w, b, mult, shift, lo, hi, summary, bits=8,
               wgroup=0, wgmult=None):
    """x [N,1,K], w [M,K] of `bits` bits, b [M]; one mult/shift or M; with
    wgroup G, acc = b + sum_g wgmult[m, g] * (the group's partial sum)."""
    N, M, K = len(x), w.shape[0], w.shape[1]
    xz = x[:, 0, :].astype(object) - zx
    if wgroup:
        acc = b.astype(object) + np.zeros((N, M), dtype=object)
        for g in range(wgmult.shape[1]):
            ks = slice(g * wgroup, (g + 1) * wgroup)
            part = xz[:, ks].dot(w[:, ks].T.astype(object))
            acc += part * wgmult[:, g].astype(object)[None, :]
    else:
        acc = xz.dot(w.T.astype(object)) + b.astype(object)
    m = np.array(list(mult) * (M if len(mult) == 1 else 1), dtype=object)
    s = np.array(list(shift) * (M if len(shift) == 1 else 1), dtype=object)
    y = requant(acc, m[None, :], s[None, :], zy, lo, hi, name)
    text = ("model %s\n\ninput x : i8[1,%d] %s\n\n"
            "const w : i8[%d,%d] q(axis=0, scale=%s, zp=0%s) = %s\n"
            "const b : i32[%d] = %s\n\n"
            "output y : i8[1,%d] %s = qdense(x, w, b, mult=%s, shift=%s, "
            "act_min=%d, act_max=%d%s)\n" %
            (name, K, qstr(0.02, zx), M, K, flit(np.full(M, 0.003)),
             ", bits=%d" % bits if bits < 8 else "", lit(w), M, lit(b), M,
             qstr(0.1, zy), lit(mult), lit(shift), lo, hi,
             ", wgroup=%d, wgmult=%s" % (wgroup, lit(wgmult)) if wgroup else
             ""))
    write_case(name, text, [x.astype(np.int32)],
               y.reshape(N, 1, M).astype(np.int32), summary)


def case_dense():
    N, K, M = 3, 40, 6
    x = rng.randint(-128, 128, size=(N, 1, K)).astype(np.int64)
    zx, zy = -128, 10
    for name, wmax, mult, shift, lo, hi, summary in [
            ("qdense_random", 127, *rand_mults(M, 38, 41), -128, 127,
             "qdense: per-channel requantization"),
            ("qdense_ties", 1, [1 << 30] * M, [31, 32, 33, 34, 31, 32], -128,
             127, "qdense: power-of-two multipliers (ties)"),
            ("qdense_sat", 127, [1 << 30], [34], 10, 60,
             "qdense: saturation into a narrow clamp")]:
        w = rng.randint(-wmax, wmax + 1, size=(M, K)).astype(np.int64)
        b = rng.randint(-20 * wmax, 20 * wmax + 1, size=M).astype(np.int64)
        dense_case(name, x, zx, zy, w, b, mult, shift, lo, hi, summary)


def case_matmul():
    a = rng.randint(-128, 128, size=(2, 2, 3, 5)).astype(np.int64)
    b = rng.randint(-128, 128, size=(2, 1, 5, 4)).astype(np.int64)
    za, zb, zy = 3, -9, 1
    mult, shift = 1 << 30, 34
    acc = np.matmul(a.astype(object) - za, b.astype(object) - zb)
    y = requant(acc, mult, shift, zy, -128, 127, "qmatmul")
    text = ("model qmatmul\n\ninput a : i8[2,3,5] %s\ninput b : i8[1,5,4] %s"
            "\n\noutput y : i8[2,3,4] %s = qmatmul(a, b, mult=[%d], shift=[%d],"
            " act_min=-128, act_max=127)\n" %
            (qstr(0.1, za), qstr(0.1, zb), qstr(0.3, zy), mult, shift))
    write_case("qmatmul", text, [a.astype(np.int32), b.astype(np.int32)],
               y.astype(np.int32),
               "qmatmul: broadcast batch, power-of-two multiplier (ties)")


def binary_case(name, op, sa, sb, za, zb, zy, mult, shift, lo, hi, summary,
                elem="i8"):
    top = 32768 if elem == "i16" else 128
    a = rng.randint(-top, top, size=(2,) + sa).astype(np.int64)
    b = rng.randint(-top, top, size=(2,) + sb).astype(np.int64)
    ys = []
    for i in range(len(a)):  # broadcasting within a sample
        da, db = a[i].astype(object) - za, b[i].astype(object) - zb
        if op == "qadd":
            p = da * mult[0] + db * mult[1]
            ys.append(requant(p, 1, shift[0], zy, lo, hi, name))
        else:
            ys.append(requant(da * db, mult[0], shift[0], zy, lo, hi, name))
    y = np.stack(ys)
    text = ("model %s\n\ninput a : %s%s %s\ninput b : %s%s %s\n\n"
            "output y : %s%s %s = %s(a, b, mult=%s, shift=%s, act_min=%d, "
            "act_max=%d)\n" %
            (name, elem, dims(sa), qstr(0.1, za), elem, dims(sb),
             qstr(0.1, zb), elem, dims(y.shape[1:]), qstr(0.1, zy), op,
             lit(mult), lit(shift), lo, hi))
    write_case(name, text, [a.astype(np.int32), b.astype(np.int32)],
               y.astype(np.int32), summary)


def case_binary():
    binary_case("qadd_ties", "qadd", (1, 3, 4), (1, 3, 4), 4, -6, 2,
                [1 << 30, 1 << 29], [31], -128, 127,
                "qadd: a/2 + b/4 (ties)")
    binary_case("qadd_broadcast_relu", "qadd", (1, 3, 2, 4), (1, 3, 1, 1), -20,
                7, -5, [1518500250, 1300000000], [31], -5, 127,
                "qadd: broadcast per-channel operand, relu clamp")
    binary_case("qadd_sub", "qadd", (1, 8), (1, 8), 0, 0, 0,
                [1 << 30, -(1 << 30)], [30], -128, 127,
                "qadd as sub: negative multiplier, saturation both ways")
    binary_case("qadd_i16", "qadd", (1, 16), (1, 16), 0, 0, 0,
                [1 << 30, 1 << 30], [31], -32768, 32767,
                "qadd: 16-bit, ties and saturation", elem="i16")
    binary_case("qmul_ties", "qmul", (1, 2, 8), (1, 8), 3, -1, 0,
                [1 << 30], [37], -128, 127,
                "qmul: power-of-two multiplier (ties), broadcast")
    binary_case("qmul_i16", "qmul", (1, 12), (1, 12), 0, 0, 0,
                [1 << 30], [45], -32768, 32767,
                "qmul: 16-bit operands", elem="i16")


def case_concat():
    a = rng.randint(-128, 128, size=(2, 1, 2, 3)).astype(np.int64)
    b = rng.randint(-128, 128, size=(2, 1, 3, 3)).astype(np.int64)
    za, zb, zy = 5, -100, 0
    mult, shift = [1 << 30, 1 << 30], [31, 30]
    ya = requant(a - za, mult[0], shift[0], zy, -128, 127, "qconcat")
    yb = requant(b - zb, mult[1], shift[1], zy, -128, 127, "qconcat")
    y = np.concatenate([ya, yb], axis=2)
    text = ("model qconcat\n\ninput a : i8[1,2,3] %s\ninput b : i8[1,3,3] %s"
            "\n\noutput y : i8[1,5,3] %s = qconcat(a, b, axis=1, mult=%s, "
            "shift=%s)\n" % (qstr(0.1, za), qstr(0.2, zb), qstr(0.1, zy),
                             lit(mult), lit(shift)))
    write_case("qconcat", text, [a.astype(np.int32), b.astype(np.int32)],
               y.astype(np.int32),
               "qconcat: per-input requantization, ties, saturation")


def pool_windows(H, W, k, stride, pad, ceil_mode):
    def out(n, kk, s, pb, pe):
        span = n + pb + pe - kk
        o = (-(-span // s) if ceil_mode else span // s) + 1
        if ceil_mode and (o - 1) * s >= n + pb:
            o -= 1
        return o
    return (out(H, k[0], stride[0], pad[0], pad[2]),
            out(W, k[1], stride[1], pad[1], pad[3]))


def case_pool():
    N, C, H, W = 2, 3, 7, 6
    x = rng.randint(-128, 128, size=(N, C, H, W)).astype(np.int64)
    zx = -4
    # maxpool
    k, st, pad, cm = (3, 3), (2, 2), (1, 1, 1, 0), 1
    OH, OW = pool_windows(H, W, k, st, pad, cm)
    y = np.zeros((N, C, OH, OW), dtype=np.int64)
    for oh in range(OH):
        for ow in range(OW):
            h0, w0 = oh * st[0] - pad[0], ow * st[1] - pad[1]
            win = x[:, :, max(h0, 0):min(h0 + k[0], H),
                    max(w0, 0):min(w0 + k[1], W)]
            y[:, :, oh, ow] = win.max(axis=(2, 3))
    text = ("model qmaxpool2d\n\ninput x : i8[1,%d,%d,%d] %s\n\n"
            "output y : i8[1,%d,%d,%d] %s = qmaxpool2d(x, kernel=[3,3], "
            "stride=[2,2], pad=[1,1,1,0], ceil_mode=1)\n" %
            (C, H, W, qstr(0.1, zx), C, OH, OW, qstr(0.1, zx)))
    write_case("qmaxpool2d", text, [x.astype(np.int32)], y.astype(np.int32),
               "qmaxpool2d: padding never wins, ceil_mode")

    # avgpool: mult/shift per count
    zy = 6
    for name, cip, cm in [("qavgpool2d", 0, 0), ("qavgpool2d_incpad", 1, 1)]:
        k, st, pad = (3, 2), (2, 2), (1, 1, 1, 1)
        OH, OW = pool_windows(H, W, k, st, pad, cm)
        mult = [0] * 6
        shift = [0] * 6
        for c in range(1, 7):
            m, e = np.frexp(0.1 / (0.1 * c))
            mult[c - 1] = int(np.floor(m * 2 ** 31 + 0.5))
            shift[c - 1] = int(31 - e)
        y = np.zeros((N, C, OH, OW), dtype=np.int64)
        for oh in range(OH):
            for ow in range(OW):
                h0, w0 = oh * st[0] - pad[0], ow * st[1] - pad[1]
                hs, he = max(h0, 0), min(h0 + k[0], H)
                ws, we = max(w0, 0), min(w0 + k[1], W)
                acc = (x[:, :, hs:he, ws:we].astype(object) - zx).sum(axis=(2, 3))
                if cip:
                    ph = min(h0 + k[0], H + pad[2]) - max(h0, -pad[0])
                    pw = min(w0 + k[1], W + pad[3]) - max(w0, -pad[1])
                    cnt = ph * pw
                else:
                    cnt = (he - hs) * (we - ws)
                y[:, :, oh, ow] = requant(acc, mult[cnt - 1], shift[cnt - 1],
                                          zy, -128, 127, name)
        text = ("model %s\n\ninput x : i8[1,%d,%d,%d] %s\n\n"
                "output y : i8[1,%d,%d,%d] %s = qavgpool2d(x, kernel=[3,2], "
                "stride=[2,2], pad=[1,1,1,1], ceil_mode=%d, "
                "count_include_pad=%d, mult=%s, shift=%s)\n" %
                (name, C, H, W, qstr(0.1, zx), C, OH, OW, qstr(0.1, zy), cm,
                 cip, lit(mult), lit(shift)))
        write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
                   "qavgpool2d: one multiplier per window count, "
                   "count_include_pad=%d, ceil_mode=%d" % (cip, cm))

    # global average pool: 1/(H*W) folded in; choose H*W = 4 for ties
    x = rng.randint(-128, 128, size=(2, 5, 2, 2)).astype(np.int64)
    acc = (x.astype(object) - zx).sum(axis=(2, 3))
    y = requant(acc, 1 << 30, 32, zy, -128, 127, "qglobal_avgpool")
    text = ("model qglobal_avgpool\n\ninput x : i8[1,5,2,2] %s\n\n"
            "output y : i8[1,5,1,1] %s = qglobal_avgpool(x, mult=[%d], "
            "shift=[32])\n" % (qstr(0.1, zx), qstr(0.1, zy), 1 << 30))
    write_case("qglobal_avgpool", text, [x.astype(np.int32)],
               y.reshape(2, 5, 1, 1).astype(np.int32),
               "qglobal_avgpool: sum, then one requantization (ties)")


def case_lut():
    # 8-bit: the table is data; every input value once
    table = rng.randint(-128, 128, size=256)
    x = np.arange(-128, 128, dtype=np.int64).reshape(1, 1, 256)
    y = table[x + 128]
    text = ("model qlut8\n\ninput x : i8[1,256] %s\n\n"
            "output y : i8[1,256] %s = qlut(x, table=%s)\n" %
            (qstr(0.1, 0), qstr(0.1, 0), lit(table)))
    write_case("qlut8", text, [x.astype(np.int32)], y.astype(np.int32),
               "qlut: 256-entry table, every input")

    # 16-bit: 513 entries, linear interpolation with R(., 7)
    table16 = np.cumsum(rng.randint(-300, 300, size=513))
    table16 = np.clip(table16, -32768, 32767)
    x = np.concatenate([np.array([-32768, -32767, 32767, 32766, 0, -1, 64,
                                  -64, 192]),
                        rng.randint(-32768, 32768, size=119)])
    u = x + 32768
    j, f = u >> 7, u & 127
    p = (table16[j + 1] - table16[j]).astype(object) * f
    STATS.setdefault("qlut16", [0, 0, 0])[0] += int(np.sum(is_tie(p, 7)))
    y = clamp(table16[j] + R(p, 7), -32768, 32767)
    text = ("model qlut16\n\ninput x : i16[1,128] %s\n\n"
            "output y : i16[1,128] %s = qlut(x, table=%s)\n" %
            (qstr(0.001, 0), qstr(0.001, 0), lit(table16)))
    write_case("qlut16", text, [x.reshape(1, 1, 128).astype(np.int32)],
               y.reshape(1, 1, 128).astype(np.int32),
               "qlut: 513-entry table interpolated for 16-bit input (ties)")


def case_softmax():
    sx = 0.0625
    table = [int(np.floor(65536 * np.exp(-sx * d) + 0.5)) for d in range(256)]
    x = rng.randint(-128, 128, size=(3, 1, 4, 10)).astype(np.int64)
    x[0, 0, 0, :] = 5            # a uniform row: exact ties of 256/10
    x[0, 0, 1, :] = -128
    x[0, 0, 1, 3] = 127          # one dominant element: saturates at 127
    y = np.zeros_like(x)
    for idx in np.ndindex(3, 1, 4):
        row = x[idx]
        e = np.array([table[int(row.max() - v)] for v in row], dtype=object)
        S = int(e.sum())
        y[idx] = clamp(-128 + (512 * e + S) // (2 * S), -128, 127)
    text = ("model qsoftmax\n\ninput x : i8[1,4,10] %s\n\n"
            "output y : i8[1,4,10] q(scale=0.00390625, zp=-128) = "
            "qsoftmax(x, axis=-1, table=%s)\n" % (qstr(sx, 0), lit(table)))
    write_case("qsoftmax", text, [x.astype(np.int32)], y.astype(np.int32),
               "qsoftmax: exp table, integer division, saturation at 127")


def case_conv_paths():
    """Shapes the simulator computes in different ways: depthwise rows
    (strides 1 to 3, dilation, wide and odd rows), 1x1 convolutions read in
    place, patch matrices with asymmetric padding and uneven strides."""
    conv_case("qconv2d_dw_asym", 1, 3, 9, 19, 3, 3, (1, 1), (2, 0, 1, 1),
              (1, 1), 3, -7, 5, *rand_mults(3, 39, 41), -128, 127,
              "qconv2d: depthwise, stride 1, asymmetric padding, wide rows")
    conv_case("qconv2d_dw_stride3", 1, 4, 11, 13, 4, (3, 5), (2, 3),
              (1, 2, 0, 3), (1, 2), 4, 20, -3, *rand_mults(4, 39, 41), -30,
              127, "qconv2d: depthwise 3x5, strides 2 and 3, dilation 2, relu")
    conv_case("qconv2d_dw_mult", 1, 2, 6, 6, 4, 3, (1, 1), (1, 1, 1, 1),
              (1, 1), 2, -1, 0, [1 << 30] * 4, [33, 34, 35, 36], -128, 127,
              "qconv2d: two outputs per input channel (ties)", wmax=3,
              bmax=40)
    conv_case("qconv2d_pointwise", 2, 20, 5, 6, 5, 1, (1, 1), (0, 0, 0, 0),
              (1, 1), 1, 13, -9, *rand_mults(5, 38, 40), -128, 127,
              "qconv2d: 1x1, 20 input channels")
    conv_case("qconv2d_pointwise_groups", 1, 8, 3, 7, 6, 1, (1, 1),
              (0, 0, 0, 0), (1, 1), 2, -128, 0, [1900000000], [36], -128,
              127, "qconv2d: 1x1, two groups, saturation")
    conv_case("qconv2d_1x1_stride_pad", 1, 5, 7, 6, 3, 1, (2, 2),
              (1, 0, 0, 1), (1, 1), 1, 2, 2, *rand_mults(3, 37, 39), -128,
              127, "qconv2d: 1x1 with stride 2 and padding")
    conv_case("qconv2d_wide_asym", 1, 3, 5, 21, 5, 3, (1, 2), (0, 1, 2, 1),
              (1, 1), 1, -50, -128, *rand_mults(5, 39, 41), -128, 127,
              "qconv2d: 3x3, strides 1 and 2, asymmetric padding, relu")


def case_maxpool_dilated():
    N, C, H, W = 2, 2, 8, 9
    x = rng.randint(-128, 128, size=(N, C, H, W)).astype(np.int64)
    k, st, pad, dil = (2, 3), (1, 2), (2, 1, 0, 2), (3, 2)
    span = [dil[i] * (k[i] - 1) + 1 for i in range(2)]
    OH = (H + pad[0] + pad[2] - span[0]) // st[0] + 1
    OW = (W + pad[1] + pad[3] - span[1]) // st[1] + 1
    y = np.zeros((N, C, OH, OW), dtype=np.int64)
    for oh in range(OH):
        for ow in range(OW):
            vals = [x[:, :, ih, iw]
                    for ih in [oh * st[0] - pad[0] + i * dil[0]
                               for i in range(k[0])]
                    for iw in [ow * st[1] - pad[1] + j * dil[1]
                               for j in range(k[1])]
                    if 0 <= ih < H and 0 <= iw < W]
            y[:, :, oh, ow] = np.max(vals, axis=0)
    text = ("model qmaxpool2d_dilated\n\ninput x : i8[1,%d,%d,%d] %s\n\n"
            "output y : i8[1,%d,%d,%d] %s = qmaxpool2d(x, kernel=[2,3], "
            "stride=[1,2], pad=[2,1,0,2], dilation=[3,2])\n" %
            (C, H, W, qstr(0.1, 3), C, OH, OW, qstr(0.1, 3)))
    write_case("qmaxpool2d_dilated", text, [x.astype(np.int32)],
               y.astype(np.int32),
               "qmaxpool2d: dilation, asymmetric padding")


def case_conv_outside():
    """Not a lit case: test_qconv_outside.c parses data/qconv2d_outside.g,
    whose i16 weights are placeholders, replaces them by those of
    qconv2d_outside.w.npy, some outside int16 (the parser rejects such
    constants), and runs it: the simulator's plain path for data its int16
    paths cannot hold must compute the contract's sum too."""
    name = "qconv2d_outside"
    C, H, W, OC, K, zx, zy = 2, 5, 6, 3, 3, 7, 0
    w = rng.randint(-127, 128, size=(OC, C, K, K)).astype(np.int64)
    w[0, 0, 1, 1], w[2, 1, 0, 2] = 40000, -70000
    b = rng.randint(-3000, 3001, size=OC).astype(np.int64)
    x = rng.randint(-128, 128, size=(2, C, H, W)).astype(np.int64)
    mult, shift = rand_mults(OC, 45, 47)
    y = np.stack([conv_ref(x[i], zx, w, b, mult, shift, zy, -128, 127,
                           (1, 1), (1, 1, 1, 1), (1, 1), 1, name)
                  for i in range(len(x))]).astype(np.int32)
    text = ("# The graph of test_qconv_outside.c, from "
            "tests/tools/gen_sim_refs.py; the\n# weights are placeholders "
            "for those of %s.w.npy.\n"
            "model %s\n\ninput x : i8[1,%d,%d,%d] %s\n\n"
            "const w : i16[%d,%d,%d,%d] q(axis=0, scale=%s, zp=0) = %s\n"
            "const b : i32[%d] = %s\n\n"
            "output y : i8[1,%d,%d,%d] %s = qconv2d(x, w, b, pad=[1,1,1,1], "
            "mult=%s, shift=%s, act_min=-128, act_max=127)\n" %
            (name, name, C, H, W, qstr(0.05, zx), OC, C, K, K,
             flit(np.full(OC, 0.01)), lit(np.zeros(w.size)), OC, lit(b),
             OC, H, W, qstr(0.1, zy), lit(mult), lit(shift)))
    with open(os.path.join(DATA, name + ".g"), "w") as f:
        f.write(text)
    np.save(os.path.join(DATA, name + ".w.npy"), w.astype(np.int32))
    np.save(os.path.join(DATA, name + ".in0.npy"), x.astype(np.int32))
    np.save(os.path.join(DATA, name + ".out.npy"), y)


def maxmin_case(name, op, shapes, zps, zy, mult, shift, elem, summary):
    """qmax/qmin: every input requantized to the output grid, then the
    largest (smallest) of them, numpy broadcasting."""
    top = 32768 if elem == "i16" else 128
    lo, hi = -top, top - 1
    xs = [rng.randint(-top, top, size=(2,) + s).astype(np.int64)
          for s in shapes]
    ys = []
    for i in range(2):
        r = [requant(x[i].astype(object) - z, m, s, zy, lo, hi, name)
             for x, z, m, s in zip(xs, zps, mult, shift)]
        r = np.broadcast_arrays(*r)
        pick = np.maximum if op == "qmax" else np.minimum
        y = r[0]
        for v in r[1:]:
            y = pick(y, v)
        ys.append(y)
    y = np.stack(ys)
    names = "abcdefgh"[:len(shapes)]
    text = "model %s\n\n" % name
    for nm, s, z in zip(names, shapes, zps):
        text += "input %s : %s%s %s\n" % (nm, elem, dims(s), qstr(0.1, z))
    text += ("\noutput y : %s%s %s = %s(%s, mult=%s, shift=%s)\n" %
             (elem, dims(y.shape[1:]), qstr(0.1, zy), op, ", ".join(names),
              lit(mult), lit(shift)))
    write_case(name, text, [x.astype(np.int32) for x in xs],
               y.astype(np.int32), summary)


def case_maxmin():
    maxmin_case("qmax_broadcast3", "qmax", [(1, 2, 3, 4), (1, 1, 3, 1), (4,)],
                [5, -100, 0], -3, [1 << 30, 1 << 30, 1518500250], [31, 30, 31],
                "i8", "qmax: three inputs, broadcasting, ties, saturation")
    maxmin_case("qmin_i16", "qmin", [(1, 16), (1, 16)], [0, 0], 0,
                [1 << 30, 1300000000], [31, 30], "i16",
                "qmin: 16-bit, ties and saturation")
    maxmin_case("qmax_one", "qmax", [(1, 6)], [7], -7, [1 << 30], [29], "i8",
                "qmax: one input is a requantization")


# The condition ops draw from their own generator, so that cases added
# here leave the draws of the cases above unchanged.
crng = np.random.RandomState(20270105)

REL = {"gt": np.greater, "ge": np.greater_equal, "lt": np.less,
       "le": np.less_equal, "eq": np.equal}


def qcompare_case(name, cmp, sa, sb, qa, qb, mult, summary):
    """qcompare: (a - za) mult[0] cmp (b - zb) mult[1], exact int64.
    qa/qb: (elem, zp, lo, hi) or (elem, None, lo, hi) for plain ints."""
    a = crng.randint(qa[2], qa[3] + 1, size=(3,) + sa).astype(np.int64)
    b = crng.randint(qb[2], qb[3] + 1, size=(3,) + sb).astype(np.int64)
    za, zb = qa[1] or 0, qb[1] or 0
    ys, eq = [], 0
    for i in range(3):
        pa = (a[i].astype(object) - za) * mult[0]
        pb = (b[i].astype(object) - zb) * mult[1]
        pa, pb = np.broadcast_arrays(pa, pb)
        eq += int(np.sum(pa == pb))
        ys.append(REL[cmp](pa.astype(np.int64), pb.astype(np.int64)))
    y = np.stack(ys).astype(np.int32)
    STATS.setdefault(name, [0, 0, 0])
    STATS[name][0] += eq          # equal products: where gt and ge differ
    STATS[name][2] += y.size

    def decl(t, shape):
        q = " " + qstr(0.1, t[1]) if t[1] is not None else ""
        return "%s%s%s" % (t[0], dims(shape), q)
    text = ("model %s\n\ninput a : %s\ninput b : %s\n\n"
            "output y : u8%s = qcompare(a, b, cmp=%s, mult=%s)\n" %
            (name, decl(qa, sa), decl(qb, sb), dims(y.shape[1:]), cmp,
             lit(mult)))
    write_case(name, text, [a.astype(np.int32), b.astype(np.int32)], y,
               summary)


def case_compare():
    qcompare_case("qcompare_ge_bcast", "ge", (1, 2, 3, 4), (1, 1, 4),
                  ("i8", 3, -5, 11), ("i8", -9, -13, -5),
                  [1 << 29, 1 << 30],
                  "qcompare: two grids (ratio 1/2), broadcast, equal products")
    qcompare_case("qcompare_gt_i16", "gt", (1, 40), (1, 40),
                  ("i16", 0, -40, 40), ("i16", 0, -60, 60),
                  [1 << 30, 715827883],
                  "qcompare: 16-bit, ratio 2/3")
    qcompare_case("qcompare_eq_const", "eq", (1, 6, 5), (6, 1),
                  ("i8", -2, -12, 12), ("i32", -2, -12, 12), [1, 1],
                  "qcompare: a constant mapped onto the input's grid (i32)")
    qcompare_case("qcompare_le_ids", "le", (1, 20), (1,),
                  ("i32", None, -3, 3), ("i32", None, 0, 0),
                  [1, 1], "qcompare: plain integers (ids) against 0")
    qcompare_case("qcompare_lt_mixed", "lt", (1, 30), (1, 30),
                  ("i8", 100, -128, 127), ("i16", 0, -300, 300),
                  [1 << 30, 8388608], "qcompare: i8 against i16, ratio 2^-7")


def case_where():
    name = "qwhere"
    c = crng.randint(0, 2, size=(2, 1, 3, 1)).astype(np.int64)
    a = crng.randint(-128, 128, size=(2, 1, 3, 4)).astype(np.int64)
    b = crng.randint(-128, 128, size=(2, 4)).astype(np.int64)
    za, zb, zy = 7, -20, 5
    mult, shift = [1 << 30, 1900000000], [31, 29]
    ys = []
    for i in range(2):
        ra = requant(a[i].astype(object) - za, mult[0], shift[0], zy, -128,
                     127, name)
        rb = requant(b[i].astype(object) - zb, mult[1], shift[1], zy, -128,
                     127, name)
        ys.append(np.where(c[i] != 0, ra, rb))
    y = np.stack(ys)
    text = ("model qwhere\n\ninput c : u8[1,3,1]\ninput a : i8[1,3,4] %s\n"
            "input b : i8[4] %s\n\noutput y : i8%s %s = qwhere(c, a, b, "
            "mult=%s, shift=%s)\n" % (qstr(0.1, za), qstr(0.3, zb),
                                      dims(y.shape[1:]), qstr(0.2, zy),
                                      lit(mult), lit(shift)))
    write_case(name, text, [c.astype(np.int32), a.astype(np.int32),
                            b[:, None, :].astype(np.int32).reshape(2, 4)],
               y.astype(np.int32),
               "qwhere: broadcast condition, each value requantized (ties, "
               "saturation)")


# The arithmetic of activations: qsum, qprelu, qdiv, qpwl, qlog_softmax;
# their own generator, as the conditions.
arng = np.random.RandomState(20270212)


def case_qsum():
    name = "qsum_mean3"
    shapes = [(1, 2, 3, 4), (1, 1, 3, 1), (4,)]
    zps = [5, -100, 0]
    xs = [arng.randint(-128, 128, size=(2,) + sh).astype(np.int64)
          for sh in shapes]
    mult, shift, zy = [1 << 30, 1 << 29, 1 << 28], 30, -3
    ys = []
    for i in range(2):
        terms = [(x[i].astype(object) - z) * m
                 for x, z, m in zip(xs, zps, mult)]
        p = sum(np.broadcast_arrays(*terms))
        ys.append(requant(p, 1, shift, zy, -128, 127, name))
    y = np.stack(ys)
    text = ("model %s\n\ninput a : i8[1,2,3,4] %s\ninput b : i8[1,1,3,1] %s\n"
            "input c : i8[4] %s\n\noutput y : i8[1,2,3,4] %s = qsum(a, b, c, "
            "mult=%s, shift=[%d])\n" % (name, qstr(0.1, 5), qstr(0.1, -100),
                                        qstr(0.1, 0), qstr(0.1, zy),
                                        lit(mult), shift))
    write_case(name, text, [x.astype(np.int32) for x in xs],
               y.astype(np.int32),
               "qsum: three inputs, broadcasting, one shift (ties, saturation)")
    name = "qsum_i16"
    xs = [arng.randint(-32768, 32768, size=(2, 1, 10)).astype(np.int64)
          for _ in range(2)]
    mult, shift = [1 << 30, 1 << 30], 31
    ys = [requant(sum((x[i].astype(object)) * m for x, m in zip(xs, mult)),
                  1, shift, 0, -32768, 32767, name) for i in range(2)]
    text = ("model %s\n\ninput a : i16[1,10] %s\ninput b : i16[1,10] %s\n\n"
            "output y : i16[1,10] %s = qsum(a, b, mult=%s, shift=[%d])\n" %
            (name, qstr(0.1, 0), qstr(0.1, 0), qstr(0.1, 0), lit(mult), shift))
    write_case(name, text, [x.astype(np.int32) for x in xs],
               np.stack(ys).astype(np.int32), "qsum: 16-bit mean of two")


def case_qprelu():
    for name, xe, ae, za, summary in [
            ("qprelu_channel", "i8", "i16", 0,
             "qprelu: per-channel i16 slope, both sides (ties, saturation)"),
            ("qprelu_i16_act", "i16", "i8", -20,
             "qprelu: 16-bit input, an 8-bit activation as slope")]:
        top = 32768 if xe == "i16" else 128
        zx = 0 if xe == "i16" else 7
        x = arng.randint(-top, top, size=(2, 1, 3, 2, 4)).astype(np.int64)
        if ae == "i16":
            a = np.array([-3000, 16384, 32767], dtype=np.int64).reshape(3, 1, 1)
            adecl = "const a : i16[3,1,1] %s = %s" % (qstr(0.0001, 0), lit(a))
        else:
            a = arng.randint(-128, 128, size=(3, 1, 1)).astype(np.int64)
            adecl = "input a : i8[3,1,1] %s" % qstr(0.01, za)
        mult, shift = [1 << 30, 1518500250], [31, 43 if ae == "i16" else 36]
        ys = []
        for i in range(2):
            u = x[i].astype(object) - zx
            pos = requant(u, mult[0], shift[0], 3, -top, top - 1, name)
            neg = requant(u * (a.astype(object) - za), mult[1], shift[1], 3,
                          -top, top - 1, name)
            ys.append(np.where(np.asarray(u >= 0, bool), pos, neg))
        y = np.stack(ys)
        zy = 3 if xe == "i8" else 0
        if xe == "i16":
            ys = []
            for i in range(2):
                u = x[i].astype(object)
                pos = requant(u, mult[0], shift[0], 0, -top, top - 1, name)
                neg = requant(u * (a.astype(object) - za), mult[1], shift[1],
                              0, -top, top - 1, name)
                ys.append(np.where(np.asarray(u >= 0, bool), pos, neg))
            y = np.stack(ys)
        text = ("model %s\n\ninput x : %s[1,3,2,4] %s\n%s\n\n"
                "output y : %s[1,3,2,4] %s = qprelu(x, a, mult=%s, shift=%s)\n"
                % (name, xe, qstr(0.1, zx), adecl, xe, qstr(0.1, zy),
                   lit(mult), lit(shift)))
        ins = [x.astype(np.int32)]
        if ae == "i8":
            ins.append(np.stack([a, a]).astype(np.int32))
        write_case(name, text, ins, y.astype(np.int32), summary)


def case_qdiv():
    qdiv_case("qdiv", 22, 1 << 30, 49,
              "qdiv: rounded quotient, a zero divisor, broadcasting (ties, "
              "saturation)")
    qdiv_case("qdiv_frac3", 3, 1 << 30, 33,
              "qdiv: a coarse quotient (frac 3), whose rounding shows")


def qdiv_case(name, frac, mult, shift, summary):
    za, zb, zy = -3, 10, 2
    a = arng.randint(-128, 128, size=(3, 1, 4, 6)).astype(np.int64)
    b = arng.randint(-128, 128, size=(3, 1, 4, 1)).astype(np.int64)
    b[0, 0, 0, 0] = zb           # a zero divisor: saturates by a's sign
    a[0, 0, 0, :3] = [za, za + 5, za - 5]
    b[1, 0, 1, 0] = zb + 16      # u / d * 8 = u / 2: ties for odd u
    b[2, 0, 2, 0] = zb - 48      # u / 6: ties for u = 3 * odd
    a[2, 0, 2, :] = [za + 3, za - 9, za + 15, za + 1, za - 2, za + 6]
    ys = []
    for i in range(3):
        u = a[i].astype(object) - za
        d = np.broadcast_to(b[i].astype(object) - zb, u.shape)
        out = np.zeros(u.shape, dtype=object)
        for idx in np.ndindex(*u.shape):
            uu, dd = u[idx], d[idx]
            if dd == 0:
                out[idx] = 127 if uu > 0 else -128 if uu < 0 else zy
                continue
            t = (2 * abs(uu) * 2 ** frac + abs(dd)) // (2 * abs(dd))
            t = -t if (uu < 0) != (dd < 0) else t
            out[idx] = requant(t, mult, shift, zy, -128, 127, name)
        ys.append(out.astype(np.int64))
    y = np.stack(ys)
    text = ("model %s\n\ninput a : i8[1,4,6] %s\ninput b : i8[1,4,1] %s\n\n"
            "output y : i8[1,4,6] %s = qdiv(a, b, frac=%d, mult=[%d], "
            "shift=[%d])\n" % (name, qstr(0.1, za), qstr(0.1, zb),
                               qstr(0.1, zy), frac, mult, shift))
    write_case(name, text, [a.astype(np.int32), b.astype(np.int32)],
               y.astype(np.int32), summary)


def case_qpwl():
    name = "qpwl"
    knots, mult = [-3000, 0, 0, 5000], [0, 1 << 30, -(1 << 29), 0, 1 << 28]
    bias = [-(1 << 45), 0, 1 << 40, 3 << 44, -(1 << 60)]
    square = [0, 3, 0, -(1 << 16), 1 << 30]
    shift = 31
    x = np.concatenate([np.array([-32768, -3001, -3000, -1, 0, 1, 4999, 5000,
                                  32767, -2]),
                        arng.randint(-32768, 32768, size=118)])
    k = np.searchsorted(np.array(knots), x, side="right")
    u = x.astype(object)
    p = u * u * np.array(square, dtype=object)[k] + \
        u * np.array(mult, dtype=object)[k] + np.array(bias, dtype=object)[k]
    y = requant(p, 1, shift, 0, -32768, 32767, name)
    text = ("model %s\n\ninput x : i16[1,128] %s\n\n"
            "output y : i16[1,128] %s = qpwl(x, knots=%s, mult=%s, bias=%s, "
            "shift=%d, square=%s)\n" % (name, qstr(0.01, 0), qstr(0.01, 0),
                                        lit(knots), lit(mult), lit(bias),
                                        shift, lit(square)))
    write_case(name, text, [x.reshape(1, 1, 128).astype(np.int32)],
               y.reshape(1, 1, 128).astype(np.int32),
               "qpwl: five pieces of degree 2, an empty one, knots hit "
               "exactly (ties, saturation)")


def log_softmax_rows(x, etab, ehi, ltab, mult, shift, zy, lo, hi, name):
    """qlog_softmax along the last axis of x [N, 1, R, L]."""
    def e(d):
        if d < 256:
            return etab[d]
        return int(R(ehi[d >> 8] * etab[d & 255], 16))
    y = np.zeros_like(x)
    for idx in np.ndindex(*x.shape[:-1]):
        row = x[idx]
        m = int(row.max())
        S = sum(e(m - int(v)) for v in row)
        b = S.bit_length() - 1
        r = (S >> (b - 16) if b >= 16 else S << (16 - b)) - 65536
        j, g = r >> 8, r & 255
        L = (b - 16) * ltab[256] + ltab[j] + int(R((ltab[j + 1] - ltab[j]) * g,
                                                  8))
        p = (row.astype(object) - m) * mult[0] - L * mult[1]
        y[idx] = requant(p, 1, shift, zy, lo, hi, name)
    return y


def case_qlog_softmax():
    name = "qlog_softmax"
    sx = 0.0625
    etab = [int(np.floor(65536 * np.exp(-sx * d) + 0.5)) for d in range(256)]
    ltab = [int(np.floor(65536 * np.log1p(j / 256) + 0.5)) for j in range(257)]
    x = arng.randint(-128, 128, size=(3, 1, 4, 9)).astype(np.int64)
    x[0, 0, 0, :] = 5                 # a uniform row: S = 9 * 2^16
    x[0, 0, 1, :] = -128
    x[0, 0, 1, 3] = 127               # one dominant element: S near 2^16
    mult, shift, zy = [1 << 30, 1 << 26], 32, 120
    y = log_softmax_rows(x, etab, None, ltab, mult, shift, zy, -128, 127, name)
    text = ("model %s\n\ninput x : i8[1,4,9] %s\n\n"
            "output y : i8[1,4,9] %s = qlog_softmax(x, axis=-1, exp_table=%s, "
            "ln_table=%s, mult=%s, shift=[%d])\n" %
            (name, qstr(sx, 0), qstr(0.1, zy), lit(etab), lit(ltab),
             lit(mult), shift))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
               "qlog_softmax: exp table, fixed-point log of the sum "
               "(saturation)")
    # 16-bit: distances past 255 through exp_hi, the high byte's factor
    name = "qlog_softmax_i16"
    sx = 0.0005
    etab = [int(np.floor(65536 * np.exp(-sx * d) + 0.5)) for d in range(256)]
    ehi = [int(np.floor(65536 * np.exp(-sx * 256 * d) + 0.5))
           for d in range(256)]
    x = arng.randint(-3000, 3000, size=(2, 1, 3, 7)).astype(np.int64)
    x[0, 0, 0, :] = 40                # uniform
    x[0, 0, 1, :] = [-32768, 32767, 0, 100, -100, 32000, -5]
    mult, shift = [1 << 30, 1 << 24], 30
    y = log_softmax_rows(x, etab, ehi, ltab, mult, shift, 0, -32768, 32767,
                         name)
    text = ("model %s\n\ninput x : i16[1,3,7] %s\n\n"
            "output y : i16[1,3,7] %s = qlog_softmax(x, axis=-1, exp_table=%s, "
            "ln_table=%s, mult=%s, shift=[%d], exp_hi=%s)\n" %
            (name, qstr(sx, 0), qstr(0.001, 0), lit(etab), lit(ltab),
             lit(mult), shift, lit(ehi)))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
               "qlog_softmax: 16-bit, distances through exp_hi (saturation)")


def case_rounding():
    """The other roundings on the cases built for ties."""
    global ROUNDING
    for mode in ["even", "double"]:
        ROUNDING = mode
        x = rng.randint(-128, 128, size=(4, 1, 64)).astype(np.int32)
        for name, mult, shift in [("requantize_%s" % mode, 1 << 30, 31),
                                  ("requantize_%s_wide" % mode, 1 << 30, 36),
                                  ("requantize_%s_up" % mode, 1 << 30, 29)]:
            y = requant(x.astype(np.int64) - 5, mult, shift, -7, -128, 127,
                        name)
            text = ("model %s\n\ninput x : i8[1,64] %s\n\n"
                    "output y : i8[1,64] %s = requantize(x, mult=[%d], "
                    "shift=[%d], act_min=-128, act_max=127)\n" %
                    (name, qstr(0.1, 5), qstr(0.2, -7), mult, shift))
            write_case(name, text, [x], y.astype(np.int32),
                       "requantize: ties, rounding %s" % mode)
        conv_case("qconv2d_ties_%s" % mode, 2, 2, 5, 5, 3, 3, (2, 1),
                  (1, 0, 0, 1), (1, 1), 1, 9, -2, [1 << 30] * 3,
                  [31, 32, 33], -128, 127,
                  "qconv2d: ties, rounding %s" % mode, wmax=1, bmax=20)
        conv_case("qconv2d_random_%s" % mode, 2, 3, 6, 5, 4, 3, (1, 1),
                  (1, 1, 1, 1), (1, 1), 1, -3, 4, *rand_mults(4, 38, 41),
                  -128, 127, "qconv2d: random multipliers, rounding %s" % mode)
        binary_case("qadd_ties_%s" % mode, "qadd", (1, 3, 4), (1, 3, 4), 4,
                    -6, 2, [1 << 30, 1 << 29], [31], -128, 127,
                    "qadd: a/2 + b/4 (ties), rounding %s" % mode)
        binary_case("qmul_ties_%s" % mode, "qmul", (1, 2, 8), (1, 8), 3, -1,
                    0, [1 << 30], [33], -128, 127,
                    "qmul: ties, rounding %s" % mode)
    ROUNDING = "away"


# Layer norm: its own generator, trng, after the others.
trng = np.random.RandomState(20270301)


def layernorm_ref(x, n, zx, eps, mult, shift, bias, zy, lo, hi, name):
    """qlayernorm over slices of n elements (x flattened, row by row):
    Python integers and math.isqrt, no Newton iteration."""
    import math
    flat = x.reshape(-1, n)
    y = np.zeros(flat.shape, dtype=np.int64)
    for i, row in enumerate(flat):
        u = [int(v) - zx for v in row]
        s1, s2 = sum(u), sum(v * v for v in u)
        d = n * s2 - s1 * s1 + eps
        d = d if d else 1
        k = (61 - (d.bit_length() - 1)) >> 1
        r = math.isqrt(d << (2 * k))
        assert 2 ** 30 <= r < 2 ** 31
        inv = (2 ** 61 + r) // (2 * r)
        t = R(np.array([n * v - s1 for v in u], dtype=object) * inv, 40 - k)
        p = t * np.array(mult, dtype=object) + np.array(bias, dtype=object)
        y[i] = requant(p, 1, np.array(shift, dtype=object), zy, lo, hi, name)
    return y.reshape(x.shape)


def layernorm_case(name, elem, shape, axis, zx, zy, summary, rows):
    """A random qlayernorm (signed mults, one 0, shifts from 40 to 56)
    on 2 batches of shape, the rows of `rows` set in the first."""
    lo, hi = (-128, 127) if elem == "i8" else (-32768, 32767)
    n = int(np.prod(shape[axis:]))
    x = trng.randint(lo, hi + 1, size=(2,) + shape).astype(np.int64)
    flat = x.reshape(2, -1, n)
    for i, row in enumerate(rows):
        flat[0, i] = row(n, lo, hi)
    mult = trng.randint(-(2 ** 31) + 1, 2 ** 31, size=n).astype(object)
    mult[0] = 0
    mult[1] = 1 << 30
    shift = trng.randint(40, 57, size=n).astype(object)
    shift[1] = 50
    mult[2], shift[2] = 2 ** 31 - 1, 36        # z 2^15: saturates
    bias = [int(b) for b in trng.randint(-(2 ** 20), 2 ** 20, size=n)]
    bias = [b << int(sh - 21) if sh > 21 else b for b, sh in zip(bias, shift)]
    eps = int(trng.randint(1, 100)) * n
    y = np.stack([layernorm_ref(xb, n, zx, eps, mult, shift, bias, zy, lo,
                                hi, name) for xb in x])
    text = ("model %s\n\ninput x : %s%s %s\n\n"
            "output y : %s%s %s = qlayernorm(x, axis=%d, eps=%d, mult=%s, "
            "shift=%s, bias=%s)\n" %
            (name, elem, dims(shape), qstr(0.05, zx), elem, dims(shape),
             qstr(0.02, zy), axis, eps, lit(mult), lit(shift), lit(bias)))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32), summary)


def case_qlayernorm():
    rows = [lambda n, lo, hi: np.full(n, 3),                 # variance 0
            lambda n, lo, hi: np.full(n, lo),
            lambda n, lo, hi: np.where(np.arange(n) % 2, hi, lo),  # extremes
            lambda n, lo, hi: np.where(np.arange(n) == 1, hi, lo),
            lambda n, lo, hi: np.full(n, hi),
            lambda n, lo, hi: 3 + np.arange(n) % 2]     # eps matters
    layernorm_case("qlayernorm", "i8", (1, 6, 12), -1, -7, 3,
                   "qlayernorm: constant rows, rows at the extremes "
                   "(saturation)", rows)
    layernorm_case("qlayernorm_i16", "i16", (1, 6, 40), -1, 0, 0,
                   "qlayernorm: 16-bit in and out, extremes", rows)
    layernorm_case("qlayernorm_axis", "i8", (1, 2, 4, 5), 2, 100, -128,
                   "qlayernorm: the slice over the last two dims", rows[:2])


def case_qsoftmax16():
    """qsoftmax with 16-bit input (distances past 255 through exp_hi) and
    the i16 output grid q(1/32768, 0); rows: uniform,
    one dominant (saturates at 32767), the extremes."""
    name = "qsoftmax_i16"
    sx = 0.0005
    etab = [int(np.floor(65536 * np.exp(-sx * d) + 0.5)) for d in range(256)]
    ehi = [int(np.floor(65536 * np.exp(-sx * 256 * d) + 0.5))
           for d in range(256)]

    def e(d):
        return etab[d] if d < 256 else int(R(ehi[d >> 8] * etab[d & 255], 16))
    x = trng.randint(-6000, 6000, size=(2, 1, 4, 8)).astype(np.int64)
    x[0, 0, 0, :] = 40
    x[0, 0, 1, :] = -32768
    x[0, 0, 1, 5] = 32767
    x[0, 0, 2, :] = [-32768, 32767] * 4
    y = np.zeros_like(x)
    for idx in np.ndindex(*x.shape[:-1]):
        row = x[idx]
        m = int(row.max())
        ex = np.array([e(m - int(v)) for v in row], dtype=object)
        S = int(ex.sum())
        v = (65536 * ex + S) // (2 * S)
        st = STATS.setdefault(name, [0, 0, 0])
        st[0] += int(np.sum((65536 * ex) % (2 * S) == S))
        st[1] += int(np.sum(v > 32767))
        st[2] += len(row)
        y[idx] = clamp(v, -32768, 32767)
    text = ("model %s\n\ninput x : i16[1,4,8] %s\n\n"
            "output y : i16[1,4,8] q(scale=3.05175781e-05, zp=0) = "
            "qsoftmax(x, axis=-1, table=%s, exp_hi=%s)\n" %
            (name, qstr(sx, 0), lit(etab), lit(ehi)))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
               "qsoftmax: 16-bit in and out, exp_hi (saturation)")


def case_qmatmul16():
    """qmatmul of two 16-bit operands: the int64 accumulator rounded by
    pre bits (K = 40: 40 * 2^30 needs pre 5), then the requantization;
    rows of extremes (the bound's worst case, saturating); the other
    values small and the multiplier 1, so that the output is the rounded
    accumulator itself; ties counted in both roundings."""
    name = "qmatmul_i16"
    K = 40
    a = trng.randint(-400, 400, size=(2, 2, 6, K)).astype(np.int64)
    b = trng.randint(-400, 400, size=(2, 1, K, 8)).astype(np.int64)
    a[0, 0, 0, :] = -32768
    b[0, 0, :, 0] = -32768          # (-2^15)^2 K: the accumulator's bound
    a[0, 1, 1, :] = 32767
    pre = 0
    while (K << 30) >> pre >= 2 ** 31 - 1:
        pre += 1
    assert pre == 5
    mult, shift = 1 << 30, 30
    acc = np.matmul(a.astype(object), b.astype(object))
    y = requant(R(acc, pre), mult, shift, 0, -32768, 32767, name)
    STATS[name][0] += int(np.sum(is_tie(acc, pre)))
    text = ("model %s\n\ninput a : i16[2,6,%d] %s\ninput b : i16[1,%d,8] %s"
            "\n\noutput y : i16[2,6,8] %s = qmatmul(a, b, mult=[%d], "
            "shift=[%d], act_min=-32768, act_max=32767, pre=%d)\n" %
            (name, K, qstr(0.001, 0), K, qstr(0.001, 0), qstr(0.002, 0), mult,
             shift, pre))
    write_case(name, text, [a.astype(np.int32), b.astype(np.int32)],
               y.astype(np.int32),
               "qmatmul: 16-bit, the int64 accumulator rounded by pre bits "
               "(ties, saturation)")
# pad, qaffine and qreduce draw from their own generator.
lrng = np.random.RandomState(20261207)


def pad_case(name, elem, shape, pads, mode, code, summary):
    """pad of an integer tensor: numpy's np.pad; the constant is the code."""
    top = 32768 if elem == "i16" else 128
    x = lrng.randint(-top, top, size=(2,) + shape).astype(np.int64)
    r = len(shape)
    width = [(0, 0)] + [(pads[d], pads[r + d]) for d in range(r)]
    kw = {"constant_values": code} if mode == "constant" else {}
    y = np.pad(x, width, mode=mode, **kw)
    q = qstr(0.1, 0 if elem == "i16" else 3)
    text = ("model %s\n\ninput x : %s%s %s\n\noutput y : %s%s %s = pad(x, "
            "pads=%s, mode=%s, value=%d)\n" %
            (name, elem, dims(shape), q, elem, dims(y.shape[1:]), q,
             lit(pads), mode, code))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32), summary)


def case_pad():
    pad_case("pad_i8_reflect", "i8", (1, 2, 4, 5), [0, 0, 3, 1, 0, 0, 2, 4],
             "reflect", 3, "pad: 8-bit, reflect")
    pad_case("pad_i16_edge", "i16", (1, 3, 5), [0, 2, 1, 0, 1, 3], "edge", 0,
             "pad: 16-bit, edge")
    pad_case("pad_i8_constant", "i8", (1, 3, 3), [0, 1, 2, 0, 2, 0],
             "constant", -7, "pad: 8-bit, constant code -7")


def case_qaffine():
    """y = clamp(zy + R((x - zx) mult[c] + bias[c], shift[c])), c on axis
    1; mult signed, bias on the product's scale."""
    name = "qaffine"
    C, zx, zy = 5, -20, 11
    x = lrng.randint(-128, 128, size=(2, 1, C, 3, 4)).astype(np.int64)
    mult = [1 << 30, -(1 << 30), 1518500250, -1300000000, 1 << 30]
    shift = [31, 31, 33, 29, 25]
    bias = [3 << 30, -(1 << 30), 123456789, -7 << 28, 1 << 31]
    m = np.array(mult, dtype=object)[:, None, None]
    b = np.array(bias, dtype=object)[:, None, None]
    s = np.array(shift, dtype=object)[:, None, None]
    p = (x.astype(object) - zx) * m + b
    y = np.stack([requant(p[i], 1, s, zy, -128, 127, name) for i in range(2)])
    text = ("model %s\n\ninput x : i8[1,%d,3,4] %s\n\noutput y : i8[1,%d,3,4] "
            "%s = qaffine(x, mult=%s, shift=%s, bias=%s)\n" %
            (name, C, qstr(0.1, zx), C, qstr(0.1, zy), lit(mult), lit(shift),
             lit(bias)))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
               "qaffine: signed per-channel multipliers and offsets (ties, "
               "saturation)")
    name = "qaffine_i16"
    x = lrng.randint(-32768, 32768, size=(2, 1, 3, 7)).astype(np.int64)
    mult, shift, bias = [1 << 30, -(1 << 30), 2000000000], [31, 32, 30], \
        [1 << 40, 3 << 30, -(1 << 45)]
    m = np.array(mult, dtype=object)[:, None]
    b = np.array(bias, dtype=object)[:, None]
    s = np.array(shift, dtype=object)[:, None]
    p = x.astype(object) * m + b
    y = np.stack([requant(p[i], 1, s, 0, -32768, 32767, name)
                  for i in range(2)])
    text = ("model %s\n\ninput x : i16[1,3,7] %s\n\noutput y : i16[1,3,7] "
            "%s = qaffine(x, mult=%s, shift=%s, bias=%s)\n" %
            (name, qstr(0.1, 0), qstr(0.1, 0), lit(mult), lit(shift),
             lit(bias)))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32),
               "qaffine: 16-bit (ties, saturation)")


def square_pre(u, pre):
    """R(u * u, pre), exact."""
    return R(u * u, pre) if pre else u * u


REDUCE = {"sum": lambda u, ax: u.sum(axis=ax, keepdims=True),
          "mean": lambda u, ax: u.sum(axis=ax, keepdims=True),
          "max": lambda u, ax: u.max(axis=ax, keepdims=True),
          "min": lambda u, ax: u.min(axis=ax, keepdims=True),
          "sum_square": lambda u, ax: (u * u).sum(axis=ax, keepdims=True),
          "l1": lambda u, ax: abs(u).sum(axis=ax, keepdims=True)}


def qreduce_case(name, fn, elem, shape, axes, keepdims, zx, zy, mult, shift,
                 summary, lim=None, pre=0):
    """acc = fn of u = x - zx over the axes (all if none), exact; then one
    requantization. Inputs in [-lim, lim) (default: the whole range)."""
    top = 32768 if elem == "i16" else 128
    lim = lim or top
    x = lrng.randint(-lim, lim, size=(2,) + shape).astype(np.int64)
    r = len(shape)
    ax = tuple(sorted(1 + (a % r) for a in axes)) if axes else \
        tuple(range(1, r + 1))
    u = x.astype(object) - zx
    if pre:
        acc = square_pre(u, pre).sum(axis=ax, keepdims=True)
    else:
        acc = REDUCE[fn](u, ax)
    y = np.stack([requant(acc[i], mult, shift, zy, -top, top - 1, name)
                  for i in range(2)])
    if not keepdims:
        y = y.reshape([2] + [d for i, d in enumerate(shape) if i + 1 not in ax])
    attrs = "fn=%s" % fn
    if axes:
        attrs += ", axes=%s" % lit(axes)
    if not keepdims:
        attrs += ", keepdims=0"
    post = ", pre=%d" % pre if pre else ""
    text = ("model %s\n\ninput x : %s%s %s\n\noutput y : %s%s %s = qreduce(x, "
            "%s, mult=[%d], shift=[%d]%s)\n" %
            (name, elem, dims(shape), qstr(0.1, zx), elem, dims(y.shape[1:]),
             qstr(0.1, zy), attrs, mult, shift, post))
    write_case(name, text, [x.astype(np.int32)], y.astype(np.int32), summary)


def case_qreduce():
    qreduce_case("qreduce_mean", "mean", "i8", (1, 3, 4, 5), [2, 3], 1, -9, 4,
                 1 << 30, 35, "qreduce: mean over two axes, keepdims (ties)")
    qreduce_case("qreduce_sum_i16", "sum", "i16", (1, 4, 6), [-2], 0, 0, 0,
                 3 << 29, 31, "qreduce: 16-bit sum, dropped axis (ties, "
                 "saturation)")
    qreduce_case("qreduce_max", "max", "i8", (1, 3, 2, 5), [1, -1], 1, 6, 20,
                 1 << 30, 30, "qreduce: max over two axes (saturation)")
    qreduce_case("qreduce_min", "min", "i8", (1, 4, 5), [1], 0, 100, -30,
                 1 << 30, 31, "qreduce: min, dropped axis (ties, saturation)")
    qreduce_case("qreduce_sum_square", "sum_square", "i8", (1, 2, 3, 3), [],
                 1, 0, -128, 1 << 30, 31, "qreduce: sum of squares over "
                 "every axis (ties)", lim=8)
    qreduce_case("qreduce_l1", "l1", "i8", (1, 6, 4), [0, 1], 0, -30, -50,
                 1 << 30, 31, "qreduce: l1 over the batch and channels "
                 "(ties, saturation)")
    qreduce_case("qreduce_sum_square_i16", "sum_square", "i16", (1, 5, 8),
                 [1], 1, 0, 0, 9 << 27, 28, "qreduce: 16-bit sum of squares, "
                 "each rounded right by pre bits (ties, saturation)",
                 lim=128, pre=2)


# ---- binary x binary: XNOR-popcount (docs/arith.md, "Binary activations")

xrng = np.random.RandomState(20261207)


def xnor_bits(v):
    """binary values [..., n] (-1, +1) as 32-bit words [..., ceil(n / 32)]:
    bit i % 32 of word i / 32 set for +1 (Python integers)."""
    v = np.asarray(v)
    n = v.shape[-1]
    out = np.zeros(v.shape[:-1] + ((n + 31) // 32,), dtype=object)
    for i in range(n):
        out[..., i // 32] += np.where(v[..., i] > 0, 1 << (i % 32), 0)
    return out


def popcount(words):
    return sum(bin(int(w)).count("1") for w in np.ravel(words))


def xnor_conv_acc(x, w, b, stride, pad, dil, groups):
    """[OC, OH, OW] of one sample x [C, H, W] in {-1, +1}: per output, over
    the taps inside the input only, count - 2 popcount(x XOR w) with the
    taps' input channels as bits; a padded tap adds nothing."""
    C, H, W = x.shape
    OC, ICG, KH, KW = w.shape
    OH = (H + pad[0] + pad[2] - dil[0] * (KH - 1) - 1) // stride[0] + 1
    OW = (W + pad[1] + pad[3] - dil[1] * (KW - 1) - 1) // stride[1] + 1
    ocg = OC // groups
    xb = [xnor_bits(x[g * ICG:(g + 1) * ICG].transpose(1, 2, 0))
          for g in range(groups)]                      # [H, W, words]
    wb = xnor_bits(w.transpose(0, 2, 3, 1))            # [OC, KH, KW, words]
    acc = np.zeros((OC, OH, OW), dtype=object)
    for oc in range(OC):
        for oh in range(OH):
            for ow in range(OW):
                count = pop = 0
                for kh in range(KH):
                    for kw in range(KW):
                        ih = oh * stride[0] - pad[0] + kh * dil[0]
                        iw = ow * stride[1] - pad[1] + kw * dil[1]
                        if 0 <= ih < H and 0 <= iw < W:
                            count += ICG
                            pop += popcount(np.bitwise_xor(
                                xb[oc // ocg][ih, iw], wb[oc, kh, kw]))
                acc[oc, oh, ow] = int(b[oc]) + count - 2 * pop
    return acc


def xnor_conv_case(name, N, C, H, W, OC, K, stride, pad, dil, groups, zy,
                   mult, shift, lo, hi, summary):
    ICG = C // groups
    x = 2 * xrng.randint(0, 2, size=(N, C, H, W)).astype(np.int64) - 1
    w = 2 * xrng.randint(0, 2, size=(OC, ICG, K, K)).astype(np.int64) - 1
    b = xrng.randint(-20, 21, size=OC).astype(np.int64)
    m = np.array([int(v) for v in mult], dtype=object)[:, None, None]
    s = np.array([int(v) for v in shift], dtype=object)[:, None, None]
    ys = []
    for i in range(N):
        acc = xnor_conv_acc(x[i], w, b, stride, pad, dil, groups)
        # the same sum as qconv2d's contract with zx = 0 and zero padding
        assert (acc == conv_acc(x[i], 0, w, b, stride, pad, dil,
                                groups)).all(), name
        ys.append(requant(acc, m, s, zy, lo, hi, name))
    y = np.stack(ys).astype(np.int32)
    text = ("model %s\n\ninput x : i8[1,%d,%d,%d] %s\n\n"
            "const w : i8[%d,%d,%d,%d] q(axis=0, scale=%s, zp=0, bits=1) = "
            "%s\nconst b : i32[%d] = %s\n\n"
            "output y : i8%s %s = qconv2d(x, w, b, stride=%s, pad=%s, "
            "dilation=%s, groups=%d, mult=%s, shift=%s, act_min=%d, "
            "act_max=%d)\n" %
            (name, C, H, W, qstr(1, 0, 1), OC, ICG, K, K,
             flit(np.full(OC, 0.01)), lit(w), OC, lit(b),
             dims((1,) + y.shape[1:]), qstr(0.1, zy), dims(stride), dims(pad),
             dims(dil), groups, lit(mult), lit(shift), lo, hi))
    write_case(name, text, [x.astype(np.int32)], y, summary)


def case_xnor():
    """Binary inputs and binary weights: the simulator's XNOR-popcount
    kernels against the popcount formulation here (checked equal to the
    plain sum of products)."""
    xnor_conv_case("xnor_conv", 2, 37, 6, 5, 5, 3, (1, 2), (1, 0, 2, 1),
                   (1, 1), 1, -3, [1 << 30] * 5, [27, 28, 29, 30, 31], -128,
                   127, "qconv2d, binary x binary (XNOR-popcount): 37 "
                   "channels (two words), uneven padding, ties, saturation")
    xnor_conv_case("xnor_conv_groups", 1, 8, 7, 7, 6, 3, (1, 1), (2, 2, 2, 2),
                   (2, 2), 2, 0, [1 << 30] * 6, [25, 27, 29, 31, 33, 34],
                   -128, 127, "qconv2d, binary x binary: two groups, "
                   "dilation 2, padding 2 (windows mostly padding)")
    N, K, M = 3, 70, 6
    x = 2 * xrng.randint(0, 2, size=(N, 1, K)).astype(np.int64) - 1
    w = 2 * xrng.randint(0, 2, size=(M, K)).astype(np.int64) - 1
    b = xrng.randint(-10, 11, size=M).astype(np.int64)
    mult, shift = [1 << 30] * M, [26, 27, 28, 29, 30, 31]
    acc = np.array([[int(b[m]) + K - 2 * popcount(np.bitwise_xor(
        xnor_bits(x[i, 0]), xnor_bits(w[m]))) for m in range(M)]
        for i in range(N)], dtype=object)
    assert (acc == x[:, 0, :].astype(object).dot(w.T.astype(object)) +
            b.astype(object)).all()
    y = requant(acc, np.array(mult, dtype=object)[None, :],
                np.array(shift, dtype=object)[None, :], 2, -128, 127,
                "xnor_dense")
    text = ("model xnor_dense\n\ninput x : i8[1,%d] %s\n\n"
            "const w : i8[%d,%d] q(axis=0, scale=%s, zp=0, bits=1) = %s\n"
            "const b : i32[%d] = %s\n\n"
            "output y : i8[1,%d] %s = qdense(x, w, b, mult=%s, shift=%s, "
            "act_min=-128, act_max=127)\n" %
            (K, qstr(1, 0, 1), M, K, flit(np.full(M, 0.003)), lit(w), M,
             lit(b), M, qstr(0.1, 2), lit(mult), lit(shift)))
    write_case("xnor_dense", text, [x.astype(np.int32)],
               y.reshape(N, 1, M).astype(np.int32),
               "qdense, binary x binary (XNOR-popcount): K = 70 (three "
               "words), ties, saturation")


def main():
    os.makedirs(OUT, exist_ok=True)
    case_quantize()
    case_dequantize()
    case_requantize()
    case_conv()
    case_dense()
    case_matmul()
    case_binary()
    case_concat()
    case_pool()
    case_lut()
    case_softmax()
    case_conv_paths()     # after the others: keeps their random draws
    case_maxpool_dilated()
    case_conv_outside()
    case_maxmin()         # last: keeps the earlier cases' draws
    case_compare()        # conditions: their own generator, crng
    case_where()
    case_qsum()           # arithmetic: their own generator, arng
    case_qprelu()
    case_qdiv()
    case_qpwl()
    case_qlog_softmax()
    case_qlayernorm()     # layer norm: its own generator, trng
    case_qsoftmax16()
    case_qmatmul16()
    case_pad()            # pad, qaffine, qreduce: their own generator, lrng
    case_qaffine()
    case_qreduce()
    case_rounding()       # keeps the earlier cases' draws
    case_packed()         # last user of rng
    case_xnor()           # its own generator, xrng
    for name, (ties, sat, total) in sorted(STATS.items()):
        print("%-24s %5d outputs  %5d ties  %5d saturated" %
              (name, total, ties, sat))
    # the cases built for corners must have them
    for name in ["requantize_ties", "qconv2d_ties", "qdense_ties", "qadd_ties",
                 "qmul_ties", "qglobal_avgpool", "qconv2d_w4", "qlut16",
                 "qmatmul", "qadd_i16", "qconcat", "qconv2d_dw_mult",
                 "qmax_broadcast3", "qmin_i16", "qwhere",
                 "qcompare_ge_bcast", "qcompare_eq_const",
                 "qcompare_le_ids", "qsum_mean3", "qsum_i16",
                 "qprelu_channel", "qdiv", "qpwl", "qmatmul_i16", "qaffine",
                 "qaffine_i16", "qreduce_mean", "qreduce_sum_i16",
                 "qreduce_min", "qreduce_sum_square", "qreduce_l1",
                 "qreduce_sum_square_i16", "qconv2d_w4_full",
                 "qconv2d_w2_dilated", "qdense_w4", "qconv2d_ternary",
                 "qconv2d_binary", "qdense_ternary", "qdense_binary",
                 "xnor_conv", "xnor_conv_groups", "xnor_dense"] + [
                     c % m for m in ["even", "double"] for c in
                     ["requantize_%s", "requantize_%s_wide", "qconv2d_ties_%s",
                      "qadd_ties_%s", "qmul_ties_%s"]]:
        assert STATS[name][0] > 0, name + " has no rounding tie"
    for name in ["requantize_sat", "qconv2d_sat_relu", "qdense_sat",
                 "qadd_sub", "qadd_broadcast_relu", "qconv2d_i16", "qconcat",
                 "qmatmul", "qconv2d_pointwise_groups",
                 "qconv2d_dw_stride3", "qconv2d_wide_asym",
                 "qmax_broadcast3", "qmin_i16", "qmax_one", "qwhere",
                 "qsum_mean3", "qprelu_channel", "qdiv", "qpwl",
                 "qlog_softmax", "qlog_softmax_i16", "qlayernorm",
                 "qlayernorm_i16", "qlayernorm_axis", "qsoftmax_i16",
                 "qmatmul_i16", "qaffine", "qaffine_i16", "qreduce_sum_i16",
                 "qreduce_max", "qreduce_min", "qreduce_l1",
                 "qreduce_sum_square_i16", "qconv2d_w2_pw", "qdense_w2",
                 "qconv2d_binary", "qdense_binary", "qconv2d_w4_g16",
                 "qdense_w4_g32", "xnor_conv", "xnor_conv_groups",
                 "xnor_dense"]:
        assert STATS[name][1] > 0, name + " has no saturation"


if __name__ == "__main__":
    main()
