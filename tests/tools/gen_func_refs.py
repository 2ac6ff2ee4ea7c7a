#!/usr/bin/python3
"""gen_func_refs.py - writes the cases of tests/sim that check the integer
form of every elementwise function of one value, as quantize builds it
(docs/arith.md, "qlut" and "qpwl"):

    lut8_F   8-bit input: every one of the 256 codes through the table that
             quantize builds, equal to the table NumPy computes from the
             contract (f in float64 on the float32 grid value, rounded to
             float32, then to the output grid; NaN -> zy)
    lut16_F  16-bit input: 8192 codes, 16 in each of the 512 intervals at
             varied offsets, through the 513-entry interpolated table, equal
             to NumPy's contract, and within the documented bound
             3/2 + max_j E_j codes of f rounded once (E_j measured on all 128
             codes of each interval)
    pwl16_F  16-bit input of a function that is piecewise of degree 2 at
             most: qpwl on the same 8192 codes plus those around each knot,
             within one code of f rounded once (the contract's 1/2 plus the
             coefficients' precision)

Each case is a float graph whose input and output carry q(...); its RUN
lines lower it (--passes=quantize), run the lowered graph on the grid's
values and compare the dequantized outputs. Run once with /usr/bin/python3
(numpy only); the suite only reads what it writes.

    /usr/bin/python3 tests/tools/gen_func_refs.py
"""
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "sim")
DATA = os.path.join(OUT, "data")

f32 = np.float32
erf = np.vectorize(math.erf)


def softplus(x):
    return np.logaddexp(0.0, x)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


SELU_A, SELU_G = 1.67326319, 1.05070102   # the .g defaults, as doubles

# name: (the op as written in .g, f in float64, input range A, the knots
# of a piecewise-polynomial f (None: an interpolated table))
FUNCS = {
    "exp": ("exp(x)", np.exp, 4, None),
    "log": ("log(x)", np.log, 6, None),
    "sqrt": ("sqrt(x)", np.sqrt, 6, None),
    "reciprocal": ("reciprocal(x)", lambda x: 1 / x, 6, None),
    "neg": ("neg(x)", lambda x: -x, 5, []),
    "abs": ("abs(x)", np.abs, 5, [0]),
    "sign": ("sign(x)", np.sign, 3, [0]),
    "erf": ("erf(x)", erf, 3, None),
    "pow3": ("pow(x, exponent=3)", lambda x: x ** 3, 3, None),
    "elu": ("elu(x, alpha=0.5)", lambda x: np.where(
        x > 0, x, 0.5 * np.expm1(x)), 5, None),
    "selu": ("selu(x)", lambda x: SELU_G * np.where(
        x > 0, x, SELU_A * np.expm1(x)), 5, None),
    "celu": ("celu(x, alpha=2)", lambda x: np.maximum(x, 0) + np.minimum(
        0, 2 * np.expm1(x / 2)), 5, None),
    "softplus": ("softplus(x)", softplus, 8, None),
    "softsign": ("softsign(x)", lambda x: x / (1 + np.abs(x)), 8, None),
    "hardsigmoid": ("hardsigmoid(x)", lambda x: np.clip(
        0.2 * x + 0.5, 0, 1), 4, [-2.5, 2.5]),
    "hardswish": ("hardswish(x)", lambda x: x * np.clip(x / 6 + 0.5, 0, 1),
                  7, [-3, 3]),
    "silu": ("silu(x)", lambda x: x * sigmoid(x), 8, None),
    "mish": ("mish(x)", lambda x: x * np.tanh(softplus(x)), 8, None),
    "shrink": ("shrink(x, bias=0.25, lambd=0.5)", lambda x: np.where(
        x < -0.5, x + 0.25, np.where(x > 0.5, x - 0.25, 0.0)), 3,
        [-0.5, 0.5]),
    "thresholded_relu": ("thresholded_relu(x, alpha=0.75)", lambda x: np.where(
        x > 0.75, x, 0.0), 3, [0.75]),
    "leaky_relu": ("leaky_relu(x, alpha=0.1)", lambda x: np.where(
        x >= 0, x, 0.1 * x), 4, [0]),
    "gelu": ("gelu(x)", lambda x: 0.5 * x * (1 + erf(x / math.sqrt(2))), 8,
             None),
    "sigmoid": ("sigmoid(x)", sigmoid, 8, None),
}


def f_on_grid(fn, codes, sx, zx):
    """f of the float32 grid values, evaluated in float64 and rounded to
    float32 (the float kernel's contract)."""
    x32 = (np.float64(sx) * (codes.astype(np.float64) - zx)).astype(f32)
    with np.errstate(all="ignore"):
        return fn(x32.astype(np.float64)).astype(f32), x32


def out_grid(y, bits):
    """A range covering the finite outputs: (scale, zp) on the output grid
    (16-bit: symmetric)."""
    y = y[np.isfinite(y)].astype(np.float64)
    lo, hi = min(0.0, y.min()), max(0.0, y.max())
    if bits == 16:
        return float(f32(max(-lo, hi) / 32767)), 0
    s = float(f32((hi - lo) / 255))
    return s, int(np.clip(np.rint(-128 - lo / s), -128, 127))


def quantize_out(y32, sy, zy, qmin, qmax):
    with np.errstate(all="ignore"):
        v = zy + np.rint(y32.astype(np.float64) / np.float64(f32(sy)))
    v = np.where(np.isnan(y32), zy, v)
    return np.clip(v, qmin, qmax).astype(np.int64)


def dequantize(q, sy, zy):
    return (q - zy).astype(f32) * f32(sy)


def write(name, summary, text, x, expected, extra=""):
    os.makedirs(DATA, exist_ok=True)
    np.save(os.path.join(DATA, name + ".in0.npy"), x)
    np.save(os.path.join(DATA, name + ".out.npy"), expected)
    head = ("# %s\n"
            "# Expected output from tests/tools/gen_func_refs.py (NumPy, "
            "docs/arith.md).\n"
            "# RUN: %%qcc %%s --passes=quantize --emit=ir -o %%t.g\n"
            "# RUN: %%qcc run %%t.g --input %%S/data/%s.in0.npy --output "
            "%%t.npy\n"
            "# RUN: %%npycheck equal %%t.npy %%S/data/%s.out.npy\n%s" %
            (summary, name, name, extra))
    with open(os.path.join(OUT, name + ".g"), "w") as f:
        f.write(head + text)


def graph(name, op, n, xt, xq, yq):
    return ("model %s\n\ninput x : f32[1,%d] %s\n\n"
            "output y : f32[1,%d] %s = %s\n" % (name, n, xq, n, yq, op))


def qtext(s, z, bits):
    return "q(scale=%.9g, zp=%d, bits=%d)" % (s, z, bits)


def lut8(key):
    op, fn, a, _ = FUNCS[key]
    sx, zx = float(f32(a / 127.5)), -3
    codes = np.arange(-128, 128)
    y32, x32 = f_on_grid(fn, codes, sx, zx)
    sy, zy = out_grid(y32, 8)
    q = quantize_out(y32, sy, zy, -128, 127)
    name = "lut8_" + key
    write(name, "%s: 8-bit table, every input code" % op,
          graph(name, op, 256, "i8", qtext(sx, zx, 8), qtext(sy, zy, 8)),
          x32.reshape(1, 256), dequantize(q, sy, zy).reshape(1, 256))


def interval_error(y, y_end, sy):
    """E_j of each 16-bit code's interval, in codes: the largest distance
    between f and the line through f at the interval's ends (the codes
    -32768 + 128 j; y_end is f at the last end, 32768), f clamped to the
    output range [-32768 sy, 32767 sy] as the table's entries are."""
    c = np.clip(np.concatenate([y, [y_end]]) / sy, -32768, 32767)
    ends = c[::128]
    j = np.arange(65536) // 128
    t = (np.arange(65536) % 128) / 128.0
    line = ends[j] + (ends[j + 1] - ends[j]) * t
    dev = np.abs(c[:-1] - line)
    return np.maximum.reduceat(dev, np.arange(0, 65536, 128))[j]


def sample16(extra=()):
    """16 codes of each interval of 128, at offsets that vary with k."""
    k = np.arange(8192)
    codes = -32768 + 8 * k + (k * 3) % 8
    return np.unique(np.concatenate([codes, np.asarray(extra, np.int64)]))


def lut16(key):
    op, fn, a, _ = FUNCS[key]
    sx = float(f32(a / 32767))
    codes = np.arange(-32768, 32768)
    y32, x32 = f_on_grid(fn, codes, sx, 0)
    sy, zy = out_grid(y32, 16)
    pts = np.arange(513) * 128 - 32768
    t32, _ = f_on_grid(fn, pts, sx, 0)
    table = quantize_out(t32, sy, 0, -32768, 32767)
    u = codes + 32768
    i, fr = u >> 7, u & 127
    p = (table[i + 1] - table[i]) * fr
    mag = (np.abs(p) + 64) >> 7
    q = np.clip(table[i] + np.where(p < 0, -mag, mag), -32768, 32767)
    exact = quantize_out(y32, sy, 0, -32768, 32767)
    # NaN is the zero point in the table; infinities saturate
    yd = np.nan_to_num(y32.astype(np.float64), nan=0.0, posinf=np.inf,
                       neginf=-np.inf)
    end = float(np.nan_to_num(t32[-1], nan=0.0, posinf=np.inf,
                              neginf=-np.inf))
    err = interval_error(yd, end, sy)
    # the documented bound: |y - round(f)| <= 3/2 + E_j (0.01 for f's
    # rounding to float32)
    assert np.all(np.abs(q - exact) <= 1.5 + err + 0.01), key
    bound = 1.5 + float(err.max()) + 0.01
    name = "lut16_" + key
    pick = sample16() + 32768
    n = len(pick)
    x32, q, exact = x32[pick], q[pick], exact[pick]
    ref = dequantize(exact, sy, 0).reshape(1, n)
    np.save(os.path.join(DATA, name + ".ref.npy"), ref)
    extra = ("# the bound: at most %.2f codes from f rounded once\n"
             "# RUN: %%npycheck close %%t.npy %%S/data/%s.ref.npy --rtol 0 "
             "--atol %.9g\n" % (bound, name, bound * sy * (1 + 1e-6)))
    write(name, "%s: 16-bit interpolated table, 16 codes an interval" % op,
          graph(name, op, n, "i16", qtext(sx, 0, 16), qtext(sy, 0, 16)),
          x32.reshape(1, n), dequantize(q, sy, 0).reshape(1, n), extra)
    return bound


def pwl16(key, knots):
    op, fn, a, _ = FUNCS[key]
    sx = float(f32(a / 32767))
    y32, _ = f_on_grid(fn, np.arange(-32768, 32768), sx, 0)
    sy, _ = out_grid(y32, 16)
    near = [t / sx + d for t in knots for d in range(-3, 4)]
    codes = sample16(np.clip(np.floor(near), -32768, 32767).astype(np.int64))
    n = len(codes)
    x32 = (np.float64(sx) * codes).astype(f32)
    # f exactly (not through float32), rounded once
    exact = quantize_out(fn(x32.astype(np.float64)), sy, 0, -32768, 32767)
    name = "pwl16_" + key
    ref = dequantize(exact, sy, 0).reshape(1, n)
    head = ("# %s: 16-bit, piecewise linear (qpwl), every input code\n"
            "# Expected output from tests/tools/gen_func_refs.py (NumPy, "
            "docs/arith.md): f rounded once, within one code.\n"
            "# RUN: %%qcc %%s --passes=quantize --emit=ir -o %%t.g\n"
            "# RUN: grep -c qpwl %%t.g\n"
            "# CHECK: {{^}}1{{$}}\n"
            "# RUN: %%qcc run %%t.g --input %%S/data/%s.in0.npy --output "
            "%%t.npy\n"
            "# RUN: %%npycheck close %%t.npy %%S/data/%s.out.npy --rtol 0 "
            "--atol %.9g\n" % (op, name, name, sy * 1.01))
    np.save(os.path.join(DATA, name + ".in0.npy"), x32.reshape(1, n))
    np.save(os.path.join(DATA, name + ".out.npy"), ref)
    with open(os.path.join(OUT, name + ".g"), "w") as f:
        f.write(head + graph(name, op, n, "i16", qtext(sx, 0, 16),
                             qtext(sy, 0, 16)))


def main():
    for key in FUNCS:
        lut8(key)
    for key, (_, _, _, knots) in FUNCS.items():
        if knots is not None:
            pwl16(key, knots)
        else:
            print("%-18s 16-bit bound %.2f codes" % (key, lut16(key)))


if __name__ == "__main__":
    main()
