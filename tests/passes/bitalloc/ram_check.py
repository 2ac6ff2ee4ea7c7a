"""Checks --ram-budget on a model against the generated C and qcc run.

    ram_check.py QCC MODEL CALIB.npy X.npy Y.npy DIR BUDGET

Compiles MODEL with --calib CALIB --ram-budget BUDGET to C and requires:
  - the budget lies strictly between the all-8 and all-16 arenas the pass
    reports (else the check could not fail);
  - the C's NAME_ARENA_SIZE is within BUDGET and equals the chosen point's
    arena in the printed front;
  - `qcc run` with the budget is at least as accurate on X (labels Y) as
    `qcc run` with every activation at 8 bits.
Exits 1 with a message on the first mismatch.
"""
import os
import re
import subprocess
import sys

import numpy as np


def fail(msg):
    print("ram_check: " + msg)
    sys.exit(1)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail("failed: %s\n%s" % (" ".join(cmd), r.stderr))
    return r.stderr


def top1(qcc, model, calib, x, y, out, extra):
    run([qcc, "run", model, "--calib", calib, "--input", x, "--output", out]
        + extra)
    pred = np.load(out).reshape(len(np.load(y)), -1).argmax(axis=1)
    return 100.0 * float(np.mean(pred == np.load(y)))


def main():
    qcc, model, calib, x, y, out, budget = sys.argv[1:8]
    budget = int(budget)
    os.makedirs(out, exist_ok=True)
    c = os.path.join(out, "m.c")
    err = run([qcc, model, "--calib", calib, "--ram-budget", str(budget),
               "-o", c, "--name", "m"])
    m = re.search(r"arena (\d+) bytes all 8-bit, (\d+) all 16-bit", err)
    chosen = re.search(r"^bitalloc: \*\s+(\d+)", err, re.M)
    if not m or not chosen:
        fail("no activation front in:\n" + err)
    all8, all16 = int(m.group(1)), int(m.group(2))
    if not all8 < budget < all16:
        fail("budget %d is not between the all-8 arena %d and the all-16 %d"
             % (budget, all8, all16))
    h = open(os.path.join(out, "m.h")).read()
    size = re.search(r"#define m_ARENA_SIZE (\d+)", h)
    if not size:
        fail("no m_ARENA_SIZE in m.h")
    size = int(size.group(1))
    if size > budget or size != int(chosen.group(1)):
        fail("the C's arena is %d bytes; budget %d, chosen point %s"
             % (size, budget, chosen.group(1)))
    acc8 = top1(qcc, model, calib, x, y, os.path.join(out, "a8.npy"), [])
    acc = top1(qcc, model, calib, x, y, os.path.join(out, "mix.npy"),
               ["--ram-budget", str(budget)])
    if acc < acc8:
        fail("top-1 %.2f within the budget, below all-8's %.2f" % (acc, acc8))
    print("arena %d (all-8 %d, all-16 %d, budget %d); top-1 %.2f, all-8 %.2f"
          % (size, all8, all16, budget, acc, acc8))


main()
