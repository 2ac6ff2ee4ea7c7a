#!/usr/bin/env python3
"""Fashion-MNIST for the sample models, as .npy files.

    make_testset.py OUT_DIR [--head N]

writes into OUT_DIR
  test_x.npy   float32 [10000,1,28,28]  the whole test set, normalized
  test_y.npy   int64   [10000]          its labels
and with --head N also
  test_xN.npy  float32 [N,1,28,28]      the first N test images

Normalization: x = (pixel/255 - 0.2860) / 0.3530. Reads Debian's
dataset-fashion-mnist; needs numpy only. train.py imports the loaders.
"""
import gzip
import os
import sys

import numpy as np

SRC = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860, 0.3530


def read_idx(path):
    """One idx file (gzip) as a uint8 array of the shape its header gives."""
    raw = gzip.open(path, "rb").read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        sys.exit(f"make_testset: {path}: not an unsigned-byte idx file")
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def normalize(u8):
    """uint8 [N,28,28] -> float32 [N,1,28,28]."""
    x = u8.astype(np.float32) / np.float32(255.0)
    return ((x - np.float32(MEAN)) / np.float32(STD))[:, None].astype(np.float32)


def load(split):
    """split 'train' or 't10k': (float32 [N,1,28,28], int64 [N])."""
    x = read_idx(f"{SRC}/{split}-images-idx3-ubyte.gz")
    y = read_idx(f"{SRC}/{split}-labels-idx1-ubyte.gz")
    return normalize(x), y.astype(np.int64)


def calib_indices():
    """The 500 training images used for calibration (as make_data.py)."""
    return np.sort(np.random.default_rng(0).choice(60000, 500, replace=False))


def main(argv):
    usage = "usage: make_testset.py OUT_DIR [--head N]"
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--head"):
        sys.exit(usage)
    out = argv[1]
    head = int(argv[3]) if len(argv) == 4 else 0
    os.makedirs(out, exist_ok=True)
    x, y = load("t10k")
    np.save(os.path.join(out, "test_x.npy"), x)
    np.save(os.path.join(out, "test_y.npy"), y)
    if head > 0:
        np.save(os.path.join(out, f"test_x{head}.npy"), x[:head])


if __name__ == "__main__":
    main(sys.argv)
