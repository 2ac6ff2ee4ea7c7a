#!/usr/bin/python3
"""gen_geo_refs.py - writes the bit-exactness cases of the geometry ops
(resize, dilate, slice, gather, expand) on integer tensors in tests/sim,
as gen_sim_refs.py does for the other integer ops:

    tests/sim/geo_CASE.g              the graph and its RUN lines
    tests/sim/data/geo_CASE.in0.npy   input batches (int32)
    tests/sim/data/geo_CASE.out.npy   the expected output

The expectations come from the NumPy implementation below, written from
docs/arith.md ("resize", "dilate", "slice, gather, expand") and sharing no
code with the C simulator: the ONNX coordinate formulas per output index,
the interpolation as exact Python integers, R() rounding half away from
zero. The cases hit the contract's corners: interpolation ties (weights of
one half and odd sums), every nearest rounding mode at exact halves,
coordinates outside the input (clamped), negative steps, negative and out
of range ids, crops by negative pads. The script checks that the tie cases
really have ties.

    /usr/bin/python3 tests/tools/gen_geo_refs.py
"""
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "sim")
DATA = os.path.join(OUT, "data")
rng = np.random.RandomState(20261207)
FRAC = 11   # RESIZE_FRAC: weights in units of 2^-11

# ---- the contract ----


def R(p, n):
    """p / 2^n rounded to nearest, ties away from zero (exact)."""
    mag = (2 * abs(p) + 2 ** n) // (2 ** (n + 1))
    return -mag if p < 0 else mag


def source_coord(mode, o, n_in, n_out, s):
    """ONNX Resize: the input coordinate of output index o."""
    length = n_in * s                   # ONNX's resized length
    if abs(length - n_out) <= 1e-6 * n_out:
        length = float(n_out)
    if mode == "half_pixel":
        return (o + 0.5) / s - 0.5
    if mode == "pytorch_half_pixel":
        return (o + 0.5) / s - 0.5 if length > 1 else 0.0
    if mode == "align_corners":
        return o * (n_in - 1) / (length - 1) if length > 1 else 0.0
    if mode == "asymmetric":
        return o / s
    if mode == "tf_half_pixel_for_nn":
        return (o + 0.5) / s
    if mode == "half_pixel_symmetric":
        adj = n_out / (s * n_in)
        return n_in / 2 * (1 - adj) + (o + 0.5) / s - 0.5
    raise ValueError(mode)


HALVES = [0]


def nearest(mode, x, n_in):
    f = math.floor(x)
    half = x - f == 0.5
    HALVES[0] += half
    if mode == "round_prefer_floor":
        i = f if half else math.floor(x + 0.5)
    elif mode == "round_prefer_ceil":
        i = f + 1 if half else math.floor(x + 0.5)
    elif mode == "floor":
        i = f
    else:
        i = math.ceil(x)
    return min(max(int(i), 0), n_in - 1)


def linear_taps(coord, n_in, n_out, s):
    """(i0, i1, w1) per output index: w1 the weight of i1 in 2^-FRAC."""
    taps = []
    for o in range(n_out):
        x = min(max(source_coord(coord, o, n_in, n_out, s), 0.0), n_in - 1)
        i0 = int(math.floor(x))
        i1 = min(i0 + 1, n_in - 1)
        f = 0.0 if i1 == i0 else x - i0
        taps.append((i0, i1, int(math.floor(f * (1 << FRAC) + 0.5))))
    return taps


TIES = {}


def resize_ref(x, zx, sizes, scales, mode, coord, nmode, name):
    """x: one sample, [N, C, H, W] or any rank for nearest."""
    out = np.zeros(sizes, dtype=np.int64)
    if mode == "nearest":
        maps = [[nearest(nmode, source_coord(coord, o, x.shape[a], sizes[a],
                                             scales[a]), x.shape[a])
                 for o in range(sizes[a])] for a in range(x.ndim)]
        for idx in np.ndindex(*sizes):
            out[idx] = x[tuple(maps[a][idx[a]] for a in range(x.ndim))]
        return out
    r = x.ndim
    ty = linear_taps(coord, x.shape[r - 2], sizes[r - 2], scales[r - 2])
    tx = linear_taps(coord, x.shape[r - 1], sizes[r - 1], scales[r - 1])
    one = 1 << FRAC
    ties = 0
    for idx in np.ndindex(*sizes):
        lead = idx[:r - 2]
        (y0, y1, wy), (x0, x1, wx) = ty[idx[r - 2]], tx[idx[r - 1]]
        s = 0
        for yy, wyy in ((y0, one - wy), (y1, wy)):
            for xx, wxx in ((x0, one - wx), (x1, wx)):
                s += wyy * wxx * (int(x[lead + (yy, xx)]) - zx)
        ties += (2 * abs(s)) % (2 ** (2 * FRAC + 1)) == 2 ** (2 * FRAC)
        out[idx] = zx + R(s, 2 * FRAC)
    TIES[name] = TIES.get(name, 0) + ties
    return out


def dilate_ref(x, zx, stride, pads):
    r = x.ndim
    shape = [(x.shape[d] - 1) * stride[d] + 1 + pads[d] + pads[r + d]
             for d in range(r)]
    out = np.full(shape, zx, dtype=np.int64)
    for idx in np.ndindex(*x.shape):
        at = tuple(idx[d] * stride[d] + pads[d] for d in range(r))
        if all(0 <= at[d] < shape[d] for d in range(r)):
            out[at] = x[idx]
    return out


def slice_ref(x, starts, steps, sizes):
    index = tuple(np.arange(sizes[d]) * steps[d] + starts[d]
                  for d in range(x.ndim))
    return x[np.ix_(*index)]


def gather_ref(x, zx, ids, axis):
    n = x.shape[axis]
    parts = []
    for i in ids.ravel():
        j = i + n if i < 0 else i
        if 0 <= j < n:
            parts.append(np.take(x, [j], axis=axis))
        else:
            shp = list(x.shape)
            shp[axis] = 1
            parts.append(np.full(shp, zx, dtype=np.int64))
    y = np.concatenate(parts, axis=axis)
    shp = list(x.shape[:axis]) + list(ids.shape) + list(x.shape[axis + 1:])
    return y.reshape(shp)


def conv_transpose_ref(x, zx, w, b, stride, pads, opad, dil, groups, mult,
                       shift, zy, lo, hi):
    """ONNX ConvTranspose in integers, in the scatter form: every input
    element adds w * (x - zx) to the outputs it reaches; then the
    per-channel requantization. x [C, H, W], w [C, OC/g, KH, KW]."""
    C, H, W = x.shape
    _, OCG, KH, KW = w.shape
    OC = OCG * groups
    ICG = C // groups
    OH = stride[0] * (H - 1) + opad[0] + (KH - 1) * dil[0] + 1 - pads[0] - pads[2]
    OW = stride[1] * (W - 1) + opad[1] + (KW - 1) * dil[1] + 1 - pads[1] - pads[3]
    acc = [[[int(b[oc]) for _ in range(OW)] for _ in range(OH)]
           for oc in range(OC)]
    for c in range(C):
        g = c // ICG
        for i in range(H):
            for j in range(W):
                u = int(x[c, i, j]) - zx
                for ocg in range(OCG):
                    for kh in range(KH):
                        oh = i * stride[0] - pads[0] + kh * dil[0]
                        if not 0 <= oh < OH:
                            continue
                        for kw in range(KW):
                            ow = j * stride[1] - pads[1] + kw * dil[1]
                            if 0 <= ow < OW:
                                acc[g * OCG + ocg][oh][ow] += \
                                    int(w[c, ocg, kh, kw]) * u
    y = np.zeros((OC, OH, OW), dtype=np.int64)
    for oc in range(OC):
        for oh in range(OH):
            for ow in range(OW):
                v = zy + R(acc[oc][oh][ow] * int(mult[oc]), int(shift[oc]))
                y[oc, oh, ow] = min(max(v, lo), hi)
    return y


# ---- writing ----

def dims(shape):
    return ",".join(str(d) for d in shape)


def ints(v):
    return "[" + ",".join(str(int(a)) for a in v) + "]"


def floats(v):
    return "[" + ",".join("%.9g" % a for a in v) + "]"


def write_case(name, summary, inputs, body, expected):
    """inputs: [(name, type text, batch)]; expected: [N, ...] int64."""
    os.makedirs(DATA, exist_ok=True)
    runs = []
    for i, (_, _, a) in enumerate(inputs):
        np.save(os.path.join(DATA, "%s.in%d.npy" % (name, i)),
                a.astype(np.int32))
        runs.append("--input %%S/data/%s.in%d.npy" % (name, i))
    e = np.asarray(expected, dtype=np.int32)
    if e.shape[1] == 1:   # qcc run drops a leading 1
        e = e.reshape((e.shape[0],) + e.shape[2:])
    np.save(os.path.join(DATA, "%s.out.npy" % name), e)
    text = ("# %s\n"
            "# Expected output from tests/tools/gen_geo_refs.py (NumPy, "
            "docs/arith.md).\n"
            "# RUN: %%qcc run %%s %s --output %%t.npy\n"
            "# RUN: %%npycheck equal %%t.npy %%S/data/%s.out.npy\n"
            "model %s\n\n" % (summary, " ".join(runs), name, name))
    for n, t, _ in inputs:
        text += "input %s : %s\n" % (n, t)
    text += "\n" + body + "\n"
    with open(os.path.join(OUT, name + ".g"), "w") as f:
        f.write(text)


def batch(shape, lo, hi, n=3):
    return rng.randint(lo, hi + 1, size=(n,) + tuple(shape)).astype(np.int64)


def q_type(elem, shape, scale, zp):
    return "%s[%s] q(scale=%s, zp=%d)" % (elem, dims(shape), scale, zp)


def resize_case(name, summary, elem, shape, zp, sizes, mode, coord, nmode,
                scales=None, lohi=(-128, 127)):
    if scales is None:
        scales = [float(np.float32(sizes[a] / shape[a]))
                  for a in range(len(shape))]
    x = batch(shape, *lohi)
    y = np.stack([resize_ref(s, zp, sizes, scales, mode, coord, nmode, name)
                  for s in x])
    t_in = q_type(elem, shape, "0.05", zp)
    t_out = q_type(elem, sizes, "0.05", zp)
    body = ("output y : %s = resize(x, mode=%s, coord=%s, nearest=%s, "
            "scales=%s, sizes=%s)" % (t_out, mode, coord, nmode,
                                       floats(scales), ints(sizes)))
    write_case(name, summary, [("x", t_in, x)], body, y)


def main():
    # nearest: every rounding mode at exact halves, every coordinate mode
    resize_case("geo_resize_nearest_floor", "resize nearest: align_corners "
                "and floor, 3 -> 5 (halves)", "i8", [1, 2, 3, 3], -3,
                [1, 2, 5, 5], "nearest", "align_corners", "floor")
    for name, summary, elem, zp, mode, lohi in (
            ("geo_resize_nearest_halves", "round_prefer_ceil", "i8", 7,
             "round_prefer_ceil", (-128, 127)),
            ("geo_resize_nearest_prefer_floor", "round_prefer_floor, 16-bit",
             "i16", 0, "round_prefer_floor", (-32768, 32767))):
        HALVES[0] = 0
        resize_case(name, "resize nearest: asymmetric x2 and x0.5, " +
                    summary + " at halves", elem, [1, 2, 4, 6], zp,
                    [1, 2, 8, 3], "nearest", "asymmetric", mode,
                    scales=[1, 1, 2, 0.5], lohi=lohi)
        assert HALVES[0] > 0, name + " has no halves"
    resize_case("geo_resize_nearest_ceil", "resize nearest: "
                "tf_half_pixel_for_nn and ceil, rank 3, coordinates past the "
                "end clamped", "i8", [2, 3, 5], 0, [3, 5, 4], "nearest",
                "tf_half_pixel_for_nn", "ceil")
    resize_case("geo_resize_nearest_symmetric", "resize nearest: "
                "half_pixel_symmetric, round_prefer_floor", "i8",
                [1, 1, 5, 7], -100, [1, 1, 3, 10], "nearest",
                "half_pixel_symmetric", "round_prefer_floor")
    # linear: ties, clamping at both ends, 16-bit
    resize_case("geo_resize_linear_ties", "resize linear: align_corners "
                "3 -> 5 (weights 1/2: ties away from real zero)", "i8",
                [1, 2, 3, 3], 5, [1, 2, 5, 5], "linear", "align_corners",
                "round_prefer_floor")
    resize_case("geo_resize_linear_half_pixel", "resize linear: half_pixel "
                "x2 up (coordinates below 0 and past the end clamped) and "
                "7 -> 3 down", "i8", [1, 3, 4, 7], -20, [1, 3, 8, 3],
                "linear", "half_pixel", "round_prefer_floor")
    resize_case("geo_resize_linear_i16", "resize linear: 16-bit, "
                "pytorch_half_pixel, an axis resized to 1", "i16",
                [1, 2, 5, 6], 0, [1, 2, 1, 9], "linear", "pytorch_half_pixel",
                "round_prefer_floor", lohi=(-32768, 32767))
    resize_case("geo_resize_linear_scales", "resize linear: asymmetric "
                "with scales 1.7 (not sizes / input)", "i8", [1, 1, 5, 5], 3,
                [1, 1, 8, 8], "linear", "asymmetric", "round_prefer_floor",
                scales=[1, 1, 1.70000005, 1.70000005])
    for name in ("geo_resize_linear_ties",):
        assert TIES.get(name, 0) > 0, name + " has no ties"

    # dilate: zeros at the zero point, a crop by negative pads
    x = batch([1, 2, 3, 4], -128, 127)
    stride, pads = [1, 1, 2, 3], [0, 0, 2, -1, 0, 0, 1, 2]
    y = np.stack([dilate_ref(s, -17, stride, pads) for s in x])
    write_case("geo_dilate", "dilate: stride 2 and 3, zeros are the zero "
               "point, a negative pad crops",
               [("x", q_type("i8", [1, 2, 3, 4], "0.1", -17), x)],
               "output y : %s = dilate(x, stride=%s, pads=%s)" % (
                   q_type("i8", y.shape[1:], "0.1", -17), ints(stride),
                   ints(pads)), y)

    # slice: negative steps
    x = batch([2, 5, 6], -32768, 32767)
    starts, steps, sizes = [1, 4, 0], [1, -2, 5], [1, 3, 2]
    y = np.stack([slice_ref(s, starts, steps, sizes) for s in x])
    write_case("geo_slice_steps", "slice: a negative step, a step past the "
               "axis size", [("x", q_type("i16", [2, 5, 6], "0.01", 0), x)],
               "output y : %s = slice(x, starts=%s, steps=%s, sizes=%s)" % (
                   q_type("i16", [1, 3, 2], "0.01", 0), ints(starts),
                   ints(steps), ints(sizes)), y)

    # gather: run-time ids, negative and out of range
    x = batch([1, 4, 3], -128, 127)
    ids = np.array([[[0, -1, 3, 4, -5, 2]], [[1, 1, -4, 7, 0, -2]],
                    [[3, 2, 1, 0, -3, 100]]], dtype=np.int64)
    y = np.stack([gather_ref(s, 9, i, 1) for s, i in zip(x, ids)])
    write_case("geo_gather_ids", "gather by run-time ids on axis 1: negative "
               "ids from the end, out of range ones give the zero point",
               [("x", q_type("i8", [1, 4, 3], "0.1", 9), x),
                ("ids", "i32[1,6]", ids)],
               "output y : %s = gather(x, ids, axis=1)" % q_type(
                   "i8", [1, 1, 6, 3], "0.1", 9), y)

    # conv-transpose as the reader writes it: dilate, then a qconv2d with
    # the flipped kernels (groups, stride 2, dilation 2, pads, output
    # padding), against the scatter form of ConvTranspose
    C, OCG, K, groups = 4, 3, 3, 2
    stride, dil, pads, opad = [2, 2], [2, 1], [1, 0, 2, 1], [1, 0]
    x = batch([1, C, 3, 4], -128, 127)
    w = rng.randint(-127, 128, size=(C, OCG, K, K))
    b = rng.randint(-3000, 3000, size=OCG * groups)
    mult = rng.randint(1 << 30, 1 << 31, size=OCG * groups)
    shift = rng.randint(38, 41, size=OCG * groups)
    zx, zy = -5, 3
    y = np.stack([conv_transpose_ref(s[0], zx, w, b, stride, pads, opad, dil,
                                     groups, mult, shift, zy, -128, 127)
                  for s in x])[:, None]
    ICG = C // groups
    wc = np.zeros((OCG * groups, ICG, K, K), dtype=np.int64)
    for g in range(groups):
        for o in range(OCG):
            for i in range(ICG):
                wc[g * OCG + o, i] = w[g * ICG + i, o, ::-1, ::-1]
    dpads = [0, 0] + [dil[a] * (K - 1) - pads[a] for a in range(2)] + \
        [0, 0] + [dil[a] * (K - 1) - pads[2 + a] + opad[a] for a in range(2)]
    dshape = [1, C] + [(x.shape[3 + a] - 1) * stride[a] + 1 + dpads[2 + a] +
                       dpads[6 + a] for a in range(2)]
    write_case("geo_conv_transpose", "conv-transpose: dilate then qconv2d "
               "with flipped kernels, against ConvTranspose's scatter form "
               "(groups, strides, dilations, pads, output padding)",
               [("x", q_type("i8", [1, C, 3, 4], "0.1", zx), x)],
               "const w : i8[%s] q(scale=0.01, zp=0) = %s\n"
               "const b : i32[%d] q(scale=0.001, zp=0) = %s\n\n"
               "d : %s = dilate(x, stride=[1,1,2,2], pads=%s)\n"
               "output y : %s = qconv2d(d, w, b, dilation=%s, groups=%d, "
               "mult=%s, shift=%s, act_min=-128, act_max=127)" % (
                   dims(wc.shape), ints(wc.ravel()), OCG * groups, ints(b),
                   q_type("i8", dshape, "0.1", zx), ints(dpads),
                   q_type("i8", y.shape[2:], "0.05", zy).replace(
                       "[%s]" % dims(y.shape[2:]),
                       "[1,%s]" % dims(y.shape[2:])),
                   ints(dil), groups, ints(mult), ints(shift)), y)

    # expand: numpy broadcasting
    x = batch([1, 3, 1], -128, 127)
    y = np.stack([np.broadcast_to(s, (2, 3, 4)) for s in x])
    write_case("geo_expand", "expand: leading and size-1 axes broadcast",
               [("x", q_type("i8", [1, 3, 1], "0.1", 4), x)],
               "output y : %s = expand(x, shape=[2,3,4])" % q_type(
                   "i8", [2, 3, 4], "0.1", 4), y)


if __name__ == "__main__":
    main()
