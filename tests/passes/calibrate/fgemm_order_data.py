"""fgemm_order_data.py DIR - models whose float outputs show the order in
which exec/fgemm.c adds its double terms, with their bit-exact references.

Each output of a float conv2d or dense layer is documented (exec/fgemm.c)
as: the products of two floats, exact in double; term k (k in the
weights' order, (ic, kh, kw) for a convolution) added to lane k mod 8, in
order of k; the lanes added as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)); then
(bias + 0.0) + that, rounded once to float. layer() below does exactly
this in numpy float64, so y_NAME.npy is the output to the bit.

The data make the order visible: per output channel two input channels
carry the same large value (2^20) and the weights +-2^20 on them, so two
products +-2^40 cancel exactly; every other product is near 1. While a
large product is in a partial sum, the small terms added to it keep only
12 bits after the binary point, so which terms meet it (their lane, the
lanes' tree) decides the low bits of the float. The script checks that
other orders (alternatives in make()) give other floats, so the test can
fail: every other order changes some model's output, and the packing of
a model with dead taps that does not keep the lanes changes its own.

Models (DIR/NAME.g, DIR/w_NAME.safetensors, DIR/x_NAME.npy with 11
samples, DIR/y_NAME.npy):
  dead1  3x3 pad 1 over a 1x1 map, 64 channels: eight taps of nine read
         only the padding (the interpreter drops them: exec/conv.c)
  dead2  3x3 stride 2 pad 1 from 2x2 to 1x1, 16 channels: four taps live
  dead3  3x3 pad 1 over a 2x1 map, 24 channels: three taps live
  plain  3x3 pad 1 over 3x3, 20 channels (K = 180, no dead tap)
  short  3x3 pad 1 over 4x4, 4 channels (K = 36: the columns path)
  dense  a dense layer with K = 100
  deadw  dead1 with its weights a second input, other in every sample
         (DIR/w_deadw.npy)
"""
import sys

import numpy as np

from float_model import write_safetensors

r = np.random.default_rng(1717)
seen = {}  # per other order: whether some model's floats show it
BIG = np.float32(2.0 ** 20)
N = 11


def patches(x, kh, kw, stride, pad):
    """[n, positions, K] in float64, K in (ic, kh, kw) order"""
    n, c, h, w = x.shape
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (w + 2 * pad - kw) // stride + 1
    out = np.zeros((n, oh * ow, c * kh * kw))
    for i in range(oh):
        for j in range(ow):
            p = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, i * ow + j] = p.reshape(n, -1)
    return out, oh, ow


def lanes_tree(terms, lane_of):
    """terms [..., K] float64 summed in lanes lane_of[k], in order of k,
    the lanes added as fgemm.c's tree"""
    lane = np.zeros(terms.shape[:-1] + (8,))
    for k in range(terms.shape[-1]):
        lane[..., lane_of[k]] += terms[..., k]
    return (((lane[..., 0] + lane[..., 1]) + (lane[..., 2] + lane[..., 3])) +
            ((lane[..., 4] + lane[..., 5]) + (lane[..., 6] + lane[..., 7])))


def lanes_in_order(terms, lane_of):
    lane = np.zeros(terms.shape[:-1] + (8,))
    for k in range(terms.shape[-1]):
        lane[..., lane_of[k]] += terms[..., k]
    s = lane[..., 0]
    for u in range(1, 8):
        s = s + lane[..., u]
    return s


def sequential(terms, _):
    s = np.zeros(terms.shape[:-1])
    for k in range(terms.shape[-1]):
        s += terms[..., k]
    return s


def layer(rows, w, b, how, lane_of):
    """rows [n, P, K], w [OC, K]: y [n, OC, P] as float32"""
    terms = rows[:, None, :, :] * w.astype(np.float64)[None, :, None, :]
    d = how(terms, lane_of)
    bias = 0.0 if b is None else b.astype(np.float64)[None, :, None]
    return ((bias + 0.0) + d).astype(np.float32)


def live_lanes(K, live):
    """the lane of term k when the dead terms are dropped and the live ones
    packed in order without keeping their lanes (what the interpreter must
    not do)"""
    lane, t = np.zeros(K, dtype=int), 0
    for k in range(K):
        lane[k] = t % 8
        t += live[k]
    return lane


def small(shape):
    return (r.uniform(0.5, 1.5, shape) *
            r.choice([-1, 1], shape)).astype(np.float32)


def make(name, c, h, w, oc, k, stride, pad, dense=False):
    x = small((N, c) if dense else (N, c, h, w))
    if dense:
        wt = small((oc, c))
        b = small(oc)
    else:
        wt = small((oc, c, k, k))
        b = small(oc)
    # per output channel a cancelling pair of products +-2^60 over two
    # input channels that carry 2^30 in every sample
    pair = r.choice(c, 2, replace=False)
    x[:, pair] = BIG
    for o in range(oc):
        s = r.choice([-1, 1])
        wt[o, pair[0]] = s * BIG
        wt[o, pair[1]] = -s * BIG
    if dense:
        rows = x.reshape(N, 1, c).astype(np.float64)
        oh = ow = None
    else:
        rows, oh, ow = patches(x, k, k, stride, pad)
    K = rows.shape[-1]
    w2 = wt.reshape(oc, K)
    lane = np.arange(K) % 8
    y = layer(rows, w2, b, lanes_tree, lane)
    # the tests can fail: other orders give other floats
    live = (rows != 0).any(axis=(0, 1))
    naive = live_lanes(K, live)
    alternatives = {
        "one running sum": layer(rows, w2, b, sequential, lane),
        "four lanes": layer(rows, w2, b, lanes_tree, lane % 4),
        "lanes added in order": layer(rows, w2, b, lanes_in_order, lane),
        "dead terms dropped, lanes not kept":
            layer(rows, w2, b, lanes_tree, naive),
    }
    for what, alt in alternatives.items():
        if what.startswith("dead"):
            # no dead term, or packed lanes that are the kept ones with the
            # tree's halves swapped (a 1x1 map's centre taps): the same sums
            if live.all() or ((naive - lane) % 8 == 4)[live].all():
                continue
            assert not np.array_equal(alt, y), (name, what)
        seen[what] = seen.get(what, False) or not np.array_equal(alt, y)
    if dense:
        y = y.reshape(N, oc)
        g = ("model %s\ninput x : f32[1,%d]\nweights \"w_%s.safetensors\"\n"
             "const w : f32[%d,%d] = @w\nconst b : f32[%d] = @b\n"
             "output y = dense(x, w, b)\n" % (name, c, name, oc, c, oc))
    else:
        y = y.reshape(N, oc, oh, ow)
        g = ("model %s\ninput x : f32[1,%d,%d,%d]\n"
             "weights \"w_%s.safetensors\"\n"
             "const w : f32[%d,%d,%d,%d] = @w\nconst b : f32[%d] = @b\n"
             "output y = conv2d(x, w, b, stride=[%d,%d], pad=[%d,%d,%d,%d])\n"
             % (name, c, h, w, name, oc, c, k, k, oc, stride, stride,
                pad, pad, pad, pad))
    d = sys.argv[1]
    with open("%s/%s.g" % (d, name), "w") as fo:
        fo.write(g)
    np.save("%s/x_%s.npy" % (d, name), x.reshape(N, 1, *x.shape[1:]))
    np.save("%s/y_%s.npy" % (d, name), y)
    write_safetensors("%s/w_%s.safetensors" % (d, name), {"w": wt, "b": b})


make("dead1", 64, 1, 1, 12, 3, 1, 1)
make("dead2", 16, 2, 2, 12, 3, 2, 1)
make("dead3", 24, 2, 1, 12, 3, 1, 1)
make("plain", 20, 3, 3, 12, 3, 1, 1)
make("short", 4, 4, 4, 12, 3, 1, 1)
make("dense", 100, 0, 0, 12, 0, 0, 0, dense=True)
assert all(seen.values()), seen


def weights_input(name, c, oc):
    """a 3x3 pad-1 convolution over a 1x1 map whose weights are a second
    graph input, other in every sample: the interpreter must not keep
    anything it made from the first sample's weights"""
    x = small((N, c, 1, 1))
    wt = small((N, oc, c, 3, 3))
    x[:, :2] = BIG
    wt[:, :, 0] = BIG
    wt[:, :, 1] = -BIG
    rows, _, _ = patches(x, 3, 3, 1, 1)
    K = rows.shape[-1]
    lane = np.arange(K) % 8
    y = np.stack([layer(rows[i:i + 1], wt[i].reshape(oc, K), None,
                        lanes_tree, lane)[0] for i in range(N)])
    first = np.stack([layer(rows[i:i + 1], wt[0].reshape(oc, K), None,
                            lanes_tree, lane)[0] for i in range(N)])
    assert not np.array_equal(first, y)
    d = sys.argv[1]
    with open("%s/%s.g" % (d, name), "w") as fo:
        fo.write("model %s\ninput x : f32[1,%d,1,1]\n"
                 "input w : f32[%d,%d,3,3]\n"
                 "output y = conv2d(x, w, pad=[1,1,1,1])\n" % (name, c, oc, c))
    np.save("%s/x_%s.npy" % (d, name), x.reshape(N, 1, c, 1, 1))
    np.save("%s/w_%s.npy" % (d, name), wt)
    np.save("%s/y_%s.npy" % (d, name), y.reshape(N, oc, 1, 1))


weights_input("deadw", 64, 12)
