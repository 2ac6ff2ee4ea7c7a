#!/usr/bin/python3
"""check_acc.py - a trained sample's compiled accuracy against its own
PyTorch model's and, optionally, against qcc's best PTQ on the same model.

    check_acc.py SIM.npy LABELS.npy TOP1.npy --tol T [--ptq EVAL.txt
                 --margin M]

SIM.npy: `qcc run` logits [N, C]; LABELS.npy: the classes [N]; TOP1.npy:
the PyTorch model's top-1 class for each sample (the sample's stored
reference). Fails unless the compiled accuracy is within T points of
PyTorch's and, with --ptq (the output of `qcc eval`, whose "quantized
accuracy:" line is read), at least M points above that PTQ accuracy.
Prints every figure. numpy only.
"""
import re
import sys

import numpy as np


def main(argv):
    if len(argv) < 6 or argv[4] != "--tol":
        sys.exit(__doc__)
    sim, labels, top1 = (np.load(p) for p in argv[1:4])
    tol = float(argv[5])
    y = labels.reshape(-1)
    c = 100.0 * float(np.mean(sim.reshape(len(y), -1).argmax(1) == y))
    pt = 100.0 * float(np.mean(top1.reshape(-1) == y))
    ok = abs(c - pt) <= tol + 1e-9
    print("compiled C (simulator): %.2f%%; PyTorch: %.2f%%; difference "
          "%.2f (at most %.2f)" % (c, pt, c - pt, tol))
    if "--ptq" in argv:
        text = open(argv[argv.index("--ptq") + 1]).read()
        m = re.search(r"quantized accuracy:\s*([0-9.]+)%", text)
        if not m:
            sys.exit("check_acc.py: no 'quantized accuracy:' line in the "
                     "PTQ output")
        ptq = float(m.group(1))
        margin = float(argv[argv.index("--margin") + 1])
        print("best PTQ: %.2f%%; compiled C above it by %.2f (at least %.2f)"
              % (ptq, c - ptq, margin))
        ok = ok and c - ptq >= margin - 1e-9
    if not ok:
        sys.exit("check_acc.py: FAILED")


if __name__ == "__main__":
    main(sys.argv)
