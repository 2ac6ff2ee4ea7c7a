#!/usr/bin/python3
"""A small ResNet-like model whose stages end on 6x6, 3x3, 2x2 and 1x1
maps (the shapes of ResNet-18's last stages on a 32x32 input), random
weights, and data for it:
    make_resnet_small.py OUT_DIR
writes OUT_DIR/resnet_small.g, calib.npy (64 samples) and x.npy (100).
Channel counts 16, 24, 40, 48 are not all multiples of 16 (a vector of
output channels with lanes to spare); a 3x3 map has pixels to spare in
a tile of 4; the 2x2 -> 1x1 stride-2 conv and the convs on the 1x1 map
are cropped by crop_taps; the last conv reads a signed tensor (the sum
before its relu). Needs numpy only; the seed is fixed."""
import os
import sys

import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
r = np.random.RandomState(11)
consts, nodes = [], []


def lit(a):
    return "[" + ", ".join("%.6g" % v for v in a.ravel()) + "]"


def const(name, shape, scale):
    a = (r.randn(*shape) * scale).astype(np.float32)
    consts.append("const %s : f32[%s] = %s" % (name, ",".join(map(str, shape)), lit(a)))
    return name


def conv(name, x, cin, cout, k, stride, relu):
    const(name + "_w", [cout, cin, k, k], (2.0 / (cin * k * k)) ** 0.5)
    const(name + "_b", [cout], 0.1)
    p = k // 2
    nodes.append("%s = conv2d(%s, %s_w, %s_b, stride=[%d,%d], pad=[%d,%d,%d,%d])"
                 % (name, x, name, name, stride, stride, p, p, p, p))
    if relu:
        nodes.append("%s_r = relu(%s)" % (name, name))
        return name + "_r"
    return name


def block(name, x, cin, cout, relu=True):
    a = conv(name + "_c1", x, cin, cout, 3, 2, True)
    b = conv(name + "_c2", a, cout, cout, 3, 1, False)
    d = conv(name + "_ds", x, cin, cout, 1, 2, False)
    if not relu:
        nodes.append("%s = add(%s, %s)" % (name, b, d))
        return name
    nodes.append("%s_sum = add(%s, %s)" % (name, b, d))
    nodes.append("%s = relu(%s_sum)" % (name, name))
    return name


x = conv("stem", "x", 3, 16, 3, 1, True)        # 12x12
x = block("s1", x, 16, 24)                        # 6x6
x = block("s2", x, 24, 32)                        # 3x3
x = block("s3", x, 32, 40)                        # 2x2
x = block("s4", x, 40, 48, False)                 # 1x1, no relu
t = conv("tail", x, 48, 48, 3, 1, True)          # 1x1, signed input
nodes.append("g = global_avgpool(%s)" % t)
nodes.append("f = flatten(g)")
const("fc_w", [10, 48], 0.3)
const("fc_b", [10], 0.1)
nodes.append("output y = dense(f, fc_w, fc_b)")
with open(os.path.join(out, "resnet_small.g"), "w") as f:
    f.write("\n".join(["# written by tests/codegen/make_resnet_small.py",
                       "model resnet_small", "", "input x : f32[1,3,12,12]", ""]
                      + consts + [""] + nodes) + "\n")
np.save(os.path.join(out, "calib.npy"), r.randn(64, 3, 12, 12).astype(np.float32))
np.save(os.path.join(out, "x.npy"), (r.randn(100, 3, 12, 12) * 1.2).astype(np.float32))
