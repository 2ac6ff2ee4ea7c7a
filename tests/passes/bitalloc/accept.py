"""The bitalloc acceptance on a labelled test set.

    accept.py QCC MODEL CALIB CALIB_Y TEST_X TEST_Y DIR BUDGET W8_BYTES HALF

- `--flash-budget BUDGET --cle --adaround` (widths chosen on the labelled
  calibration set) scores at least as high on the test set as uniform
  `--weight-bits 4 --cle --adaround`, and its chosen point's bytes fit;
- `--max-drop 0.5` chooses fewer weight bytes than uniform W8 (W8_BYTES);
- at HALF (half the W8 weight bytes plus the constants: where rows padded
  to whole bytes make uniform W4 larger, the best uniform width that fits
  is 2 bits), `--flash-budget HALF --cle --adaround` scores at least as
  high as uniform `--weight-bits 2 --cle --adaround`, within HALF.
Exits 1 with a message on the first failure.
"""
import os
import re
import subprocess
import sys

import numpy as np

ROW = re.compile(r"^bitalloc: (\*?)\s+(\d+)\s+(\d+)\s+.*\s([0-9,]+)$")


def run(qcc, model, calib, x, y, out, opts):
    """Top-1 % on (x, y) and the report's rows."""
    r = subprocess.run([qcc, "run", model, "--calib", calib] + opts +
                       ["--input", x, "--output", out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("accept: qcc run %s failed: %s" % (opts, r.stderr))
    labels = np.load(y).reshape(-1)
    pred = np.load(out).reshape(len(labels), -1).argmax(axis=1)
    rows = [m.groups() for m in map(ROW.match, r.stderr.splitlines()) if m]
    return 100.0 * np.mean(pred == labels), rows


def chosen(rows):
    star = [r for r in rows if r[0] == "*"]
    if len(star) != 1:
        sys.exit("accept: no single chosen point in %s" % rows)
    return star[0]


def main():
    qcc, model, calib, calib_y, x, y, out, budget, w8, half = sys.argv[1:11]
    w8_bytes = int(w8)
    os.makedirs(out, exist_ok=True)
    tech = ["--cle", "--adaround"]

    def against_uniform(bits, budget, tag):
        """--flash-budget BUDGET within its bytes and at least uniform
        W<bits>'s accuracy (CLE + AdaRound on both)."""
        uni, _ = run(qcc, model, calib, x, y,
                     os.path.join(out, "w%d.npy" % bits),
                     ["--weight-bits", str(bits)] + tech)
        mix, rows = run(qcc, model, calib, x, y,
                        os.path.join(out, tag + ".npy"),
                        ["--flash-budget", budget, "--calib-labels", calib_y]
                        + tech)
        star = chosen(rows)
        print("uniform W%d: %.2f; --flash-budget %s: %.2f, %s bytes, bits %s"
              % (bits, uni, budget, mix, star[2], star[3]))
        if int(star[2]) > int(budget):
            sys.exit("accept: %s bytes over the budget %s" % (star[2], budget))
        if mix < uni:
            sys.exit("accept: %.2f below uniform W%d's %.2f"
                     % (mix, bits, uni))

    against_uniform(4, budget, "fb")
    if int(half) < int(budget):
        against_uniform(2, half, "h")
    acc, rows = run(qcc, model, calib, x, y, os.path.join(out, "md.npy"),
                    ["--max-drop", "0.5", "--calib-labels", calib_y])
    star = chosen(rows)
    print("--max-drop 0.5: %.2f, %s weight bytes (W8: %d), bits %s"
          % (acc, star[1], w8_bytes, star[3]))
    if int(star[1]) >= w8_bytes:
        sys.exit("accept: --max-drop 0.5 keeps %s bytes, W8 has %d"
                 % (star[1], w8_bytes))


main()
