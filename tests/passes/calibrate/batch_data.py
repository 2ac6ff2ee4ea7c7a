"""batch_data.py DIR - the model of batch.g and its data: DIR/m.g (below)
with its weights DIR/w.safetensors, DIR/x.npy (13 samples) and
DIR/y_ref.npy (the model's outputs computed here in float64 with numpy,
independently of qcc)."""
import sys

import numpy as np

from float_model import conv, tensors, write

r = np.random.default_rng(14)
# name, shape: conv weights [OC, IC/groups, KH, KW]
shapes = {
    "w0": (15, 15, 3, 3), "b0": (15,),   # 4x4 -> 4x4: 16 positions
    "w1": (32, 15, 3, 3), "b1": (32,),   # stride 2 -> 2x2: 4 positions, K = 135
    "w2": (32, 32, 1, 1), "b2": (32,),   # 1x1 on 2x2
    "w3": (32, 1, 3, 3), "b3": (32,),    # depthwise, stride 1
    "w4": (32, 1, 3, 3), "b4": (32,),    # depthwise, stride 2 -> 1x1
    "w5": (24, 32, 1, 1),                # 1x1 on 1x1, no bias
    "w6": (10, 24), "b6": (10,),         # dense
}
t = tensors(r, shapes)


def model(x):
    f = {k: v.astype(np.float64) for k, v in t.items()}
    h = np.maximum(conv(x, f["w0"], f["b0"], 1, 1, 1), 0)
    h = np.maximum(conv(h, f["w1"], f["b1"], 2, 1, 1), 0)
    h = np.maximum(conv(h, f["w2"], f["b2"], 1, 0, 1), 0)
    h = np.maximum(conv(h, f["w3"], f["b3"], 1, 1, 32), 0)
    h = np.maximum(conv(h, f["w4"], f["b4"], 2, 1, 32), 0)
    h = conv(h, f["w5"], None, 1, 0, 1).reshape(len(x), -1)
    return h @ f["w6"].T + f["b6"]


G = """model batch
input x : f32[1,15,4,4]
weights "w.safetensors"
""" + "".join("const %s : f32[%s] = @%s\n" % (k, ",".join(map(str, s)), k)
              for k, s in shapes.items()) + """h0 = conv2d(x, w0, b0, pad=[1,1,1,1])
r0 = relu(h0)
h1 = conv2d(r0, w1, b1, stride=[2,2], pad=[1,1,1,1])
r1 = relu(h1)
h2 = conv2d(r1, w2, b2)
r2 = relu(h2)
h3 = conv2d(r2, w3, b3, pad=[1,1,1,1], groups=32)
r3 = relu(h3)
h4 = conv2d(r3, w4, b4, stride=[2,2], pad=[1,1,1,1], groups=32)
r4 = relu(h4)
h5 = conv2d(r4, w5)
f = flatten(h5)
output y = dense(f, w6, b6)
"""

x = r.standard_normal((13, 15, 4, 4)).astype(np.float32)
write(sys.argv[1], G, t, x, model(x.astype(np.float64)))
