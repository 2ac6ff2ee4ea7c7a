"""fgemm_data.py DIR - the model of fgemm.g and its data: DIR/m.g (below)
with its weights DIR/w.safetensors, DIR/x.npy (11 samples) and
DIR/y_ref.npy (the model's outputs computed here in float64 with numpy,
independently of qcc)."""
import sys

import numpy as np

from float_model import conv, tensors, write

r = np.random.default_rng(16)
shapes = {
    "w0": (9, 70, 3, 3), "b0": (9,),     # K = 630: two chunks of k, a tail
    "w1": (12, 3, 3, 3), "b1": (12,),    # 3 groups of 4 output channels
    "w2": (6, 12, 1, 1),                 # 1x1, no bias
    "w3": (54, 7),                       # matmul by a [K, N] matrix
    "w4": (5, 7), "b4": (5,),            # dense
}
t = tensors(r, shapes)


def model(x):
    f = {k: v.astype(np.float64) for k, v in t.items()}
    h = np.maximum(conv(x, f["w0"], f["b0"], 1, 1, 1), 0)
    h = conv(h, f["w1"], f["b1"], 1, 1, 3)
    h = conv(h, f["w2"], None, 1, 0, 1).reshape(len(x), -1)
    return (h @ f["w3"]) @ f["w4"].T + f["b4"]


G = """model fgemm
input x : f32[1,70,3,3]
weights "w.safetensors"
""" + "".join("const %s : f32[%s] = @%s\n" % (k, ",".join(map(str, s)), k)
              for k, s in shapes.items()) + """h0 = conv2d(x, w0, b0, pad=[1,1,1,1])
r0 = relu(h0)
h1 = conv2d(r0, w1, b1, pad=[1,1,1,1], groups=3)
h2 = conv2d(h1, w2)
f = flatten(h2)
m = matmul(f, w3)
output y = dense(m, w4, b4)
"""

x = r.standard_normal((11, 70, 3, 3)).astype(np.float32)
write(sys.argv[1], G, t, x, model(x.astype(np.float64)))
