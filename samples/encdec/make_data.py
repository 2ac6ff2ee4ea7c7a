#!/usr/bin/env python3
"""The encoder-decoder sample's task: find the garment's pixels in a noisy
Fashion-MNIST image (numpy only).

    make_data.py OUT_DIR [--head H]
    make_data.py --score OUT.npy MASK.npy --min P [--max P]

The first form writes into OUT_DIR
  test_x.npy      float32 [10000,1,28,28]  the test images, normalized as
                  samples/fashion, plus Gaussian noise of standard
                  deviation 0.8 (default_rng(7))
  test_mask.npy   uint8 [10000,28,28]      1 where the clean pixel is above
                  25 of 255 (the garment), else 0
and with --head H also test_xH.npy and test_maskH.npy, the first H.

The second form prints the pixel accuracy in percent of the model's
output logits OUT.npy [N,1,28,28] (foreground where the logit is > 0)
against MASK.npy and exits 1 if it lies outside [min, max].
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "fashion"))
import make_testset    # noqa: E402

NOISE, THRESHOLD = 0.8, 25


def noisy(split, seed):
    """(x float32 [N,1,28,28] with noise, mask uint8 [N,28,28])."""
    raw = make_testset.read_idx(
        f"{make_testset.SRC}/{split}-images-idx3-ubyte.gz")
    x = make_testset.normalize(raw)
    rng = np.random.default_rng(seed)
    x = x + (NOISE * rng.standard_normal(x.shape)).astype(np.float32)
    return x.astype(np.float32), (raw > THRESHOLD).astype(np.uint8)


def pixel_accuracy(out, mask):
    pred = out.reshape(mask.shape) > 0
    return 100.0 * np.mean(pred == (mask > 0))


def score(argv):
    usage = "usage: make_data.py --score OUT.npy MASK.npy --min P [--max P]"
    if len(argv) not in (6, 8) or argv[4] != "--min" or \
       (len(argv) == 8 and argv[6] != "--max"):
        sys.exit(usage)
    out, mask = np.load(argv[2]), np.load(argv[3])
    lo = float(argv[5])
    hi = float(argv[7]) if len(argv) == 8 else 100.0
    if out.shape[0] != mask.shape[0] or out.size != mask.size:
        sys.exit(f"make_data: {argv[2]} {out.shape} does not match "
                 f"{argv[3]} {mask.shape}")
    acc = pixel_accuracy(out, mask)
    print(f"pixel accuracy: {acc:.3f}% ({out.shape[0]} images)")
    if not lo <= acc <= hi:
        sys.exit(f"make_data: pixel accuracy {acc:.3f}% is outside "
                 f"[{lo:.3f}, {hi:.3f}]")


def main(argv):
    if len(argv) > 1 and argv[1] == "--score":
        return score(argv)
    usage = "usage: make_data.py OUT_DIR [--head H]"
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--head"):
        sys.exit(usage)
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    x, mask = noisy("t10k", 7)
    np.save(os.path.join(out, "test_x.npy"), x)
    np.save(os.path.join(out, "test_mask.npy"), mask)
    if len(argv) == 4:
        h = int(argv[3])
        np.save(os.path.join(out, f"test_x{h}.npy"), x[:h])
        np.save(os.path.join(out, f"test_mask{h}.npy"), mask[:h])


if __name__ == "__main__":
    main(sys.argv)
