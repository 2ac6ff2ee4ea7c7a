"""Checks the Pareto front the bitalloc pass reports against `qcc run`.

    front_check.py QCC MODEL X.npy Y.npy DIR LIMIT [qcc options...]

Compiles MODEL with --calib X.npy --calib-labels Y.npy and the options
(a --flash-budget), reads the front from stderr, then for every point:
  - `qcc run` of MODEL with the point's widths written into it as
    weight_bits (no bitalloc) gives, on X, the report's top-1 on Y to the
    printed 0.01;
  - with LIMIT > 0 (only that many points: the first, the chosen one, the
    last, then others), `--flash-budget TOTAL` chooses that point, and the
    lowered graph's weight constants, counted at their stored width (1,
    2 and 4 bits packed, 3 bits in 4, else a byte), plus the per-channel
    constants fit in TOTAL.
Exits 1 with a message on the first mismatch.
"""
import math
import os
import re
import subprocess
import sys

import numpy as np

ROW = re.compile(r"^bitalloc: (\*?)\s+(\d+)\s+(\d+)\s+\S+\s+\S+\s+\S+\s+"
                 r"([0-9.]+)\s+\S+\s+([0-9,]+)$")
CONSTS = re.compile(r"with (\d+) bytes of per-channel constants")
CONST = re.compile(r"^const \S+ : i8\[([0-9,]+)\] q\(axis=.*?(?:bits=(\d))?\)"
                   r" = ")


def fail(msg):
    print("front_check: " + msg)
    sys.exit(1)


def compile_front(qcc, model, x, y, opts, extra):
    r = subprocess.run([qcc, model, "--calib", x, "--calib-labels", y]
                       + opts + extra, capture_output=True, text=True)
    if r.returncode != 0:
        fail("qcc failed: " + r.stderr)
    rows = [m.groups() for m in map(ROW.match, r.stderr.splitlines()) if m]
    consts = CONSTS.search(r.stderr)
    if not rows or not consts:
        fail("no front in:\n" + r.stderr)
    return rows, int(consts.group(1))


def stored_bytes(g_path):
    """Bytes of the lowered graph's i8 weight constants as the C stores
    them: per output channel a row of ceil(K * P / 8) bytes (P = 1 for 1
    bit, 2 for 2 bits, 4 for 3 and 4 bits, 8 otherwise), each array whole 32-bit
    words."""
    total = 0
    for line in open(g_path):
        m = CONST.match(line)
        if not m:
            continue
        dims = [int(d) for d in m.group(1).split(",")]
        bits = int(m.group(2) or 8)
        store = bits if bits <= 2 else 4 if bits <= 4 else 8
        rows = dims[0]
        k = math.prod(dims[1:])
        total += (rows * ((k * store + 7) // 8) + 3) // 4 * 4
    return total


def c_weight_bytes(c_path):
    """Bytes of the weight arrays (NAME_w_words) of a generated C file."""
    total = 0
    for line in open(c_path):
        m = re.match(r"static const uint32_t \w+_w_words\[(\d+)\]", line)
        if m:
            total += 4 * int(m.group(1))
    return total


def with_widths(float_g, bits, path):
    """The float .g with the layers' weight_bits set, in node order."""
    widths = bits.split(",")
    lines = open(float_g).read().split("\n")
    k = 0
    for i, line in enumerate(lines):
        if re.search(r" = (conv2d|dense)\(", line):
            lines[i] = line[:-1] + ", weight_bits=%s)" % widths[k]
            k += 1
    if k != len(widths):
        fail("%d layers in %s, %d widths" % (k, float_g, len(widths)))
    open(path, "w").write("\n".join(lines))


def check_budget(qcc, model, x, y, out, consts, weights, total, bits):
    g = os.path.join(out, "p%s.g" % total)
    chosen, _ = compile_front(qcc, model, x, y, ["--flash-budget", total],
                              ["--emit=ir", "-o", g])
    pick = [r for r in chosen if r[0] == "*"]
    if len(pick) != 1 or pick[0][1] != weights or pick[0][4] != bits:
        fail("budget %s chose %s, not the point %s (%s)"
             % (total, pick, weights, bits))
    stored = stored_bytes(g)
    if stored != int(weights) or stored + consts > int(total):
        fail("budget %s: the lowered graph holds %d weight bytes, the "
             "report %s" % (total, stored, weights))
    c = os.path.join(out, "p%s.c" % total)
    subprocess.run([qcc, g, "-o", c], check=True)
    in_c = c_weight_bytes(c)
    if in_c != stored:
        fail("budget %s: the generated C holds %d weight bytes, the report "
             "%s" % (total, in_c, weights))


def main():
    qcc, model, x, y, out, limit = sys.argv[1:7]
    opts = sys.argv[7:]
    os.makedirs(out, exist_ok=True)
    labels = np.load(y).reshape(-1)
    rows, consts = compile_front(qcc, model, x, y, opts, ["--emit=ir"])
    print("front of %d points, %d bytes of per-channel constants"
          % (len(rows), consts))
    if int(limit) > 0:
        star = [i for i, r in enumerate(rows) if r[0]]
        order = [0] + star + [len(rows) - 1] + list(range(len(rows)))
        keep = sorted(set(sorted(set(order), key=order.index)[:int(limit)]))
        rows = [rows[i] for i in keep]
    float_g = os.path.join(out, "float.g")
    subprocess.run([qcc, model, "--emit=ir", "-o", float_g], check=True)
    for star, weights, total, top1, bits in rows:
        if int(limit) > 0:
            check_budget(qcc, model, x, y, out, consts, weights, total, bits)
        point_g = os.path.join(out, "w%s.g" % total)
        with_widths(float_g, bits, point_g)
        res = os.path.join(out, "p%s.npy" % total)
        r = subprocess.run([qcc, "run", point_g, "--calib", x,
                            "--input", x, "--output", res],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail("qcc run failed: " + r.stderr)
        pred = np.load(res).reshape(len(labels), -1).argmax(axis=1)
        acc = 100.0 * np.mean(pred == labels)
        if "%.2f" % acc != top1:
            fail("budget %s (%s): qcc run gives top-1 %.2f, the report %s"
                 % (total, bits, acc, top1))
        print("%s %8s bytes  top-1 %s  bits %s: confirmed"
              % (star or " ", total, top1, bits))


main()
