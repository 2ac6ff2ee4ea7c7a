"""float_model.py - what batch_data.py, fgemm_data.py and
fgemm_order_data.py share: a float64 convolution in numpy, and writing a
model's .g, weights and data."""
import json
import struct

import numpy as np


def tensors(r, shapes):
    """Random float32 tensors of the given shapes (a dict), scaled by
    their fan-in, drawn from the generator r in order."""
    return {k: (r.standard_normal(s) /
                np.sqrt(np.prod(s[1:]) if len(s) > 1 else 4))
            .astype(np.float32) for k, s in shapes.items()}


def conv(x, w, b, stride, pad, groups):
    n, c, h, wd = x.shape
    oc, icg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (wd + 2 * pad - kw) // stride + 1
    y = np.zeros((n, oc, oh, ow))
    ocg = oc // groups
    for o in range(oc):
        g = o // ocg
        for i in range(oh):
            for j in range(ow):
                patch = xp[:, g * icg:(g + 1) * icg,
                           i * stride:i * stride + kh, j * stride:j * stride + kw]
                y[:, o, i, j] = (patch * w[o]).reshape(n, -1).sum(1)
    return y + (0 if b is None else b.reshape(1, -1, 1, 1))


def write(d, g, t, x, y_ref):
    """DIR/m.g (text g), DIR/w.safetensors (the tensors t), DIR/x.npy (x,
    one sample a row of batch 1) and DIR/y_ref.npy (y_ref as float32)."""
    with open(d + "/m.g", "w") as fo:
        fo.write(g)
    np.save(d + "/x.npy", x.reshape(len(x), 1, *x.shape[1:]))
    np.save(d + "/y_ref.npy", y_ref.astype(np.float32))
    write_safetensors(d + "/w.safetensors", t)


def write_safetensors(path, t):
    """the float32 tensors of the dict t as a .safetensors file"""
    head, off = {}, 0
    for k, v in t.items():
        head[k] = {"dtype": "F32", "shape": list(v.shape),
                   "data_offsets": [off, off + v.nbytes]}
        off += v.nbytes
    hj = json.dumps(head).encode()
    with open(path, "wb") as fo:
        fo.write(struct.pack("<Q", len(hj)) + hj)
        for v in t.values():
            fo.write(v.tobytes())
