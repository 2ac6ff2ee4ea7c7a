#!/usr/bin/python3
"""packcheck.py - the weights of a generated C file take the packed bytes.

    packcheck.py NAME_wB.c NAME.c B [ARMCC ARMSIZE]

NAME_wB.c was generated with --weight-bits B (1 to 4), NAME.c from the same
model at 8 bits. For every qconv2d and qdense of NAME_wB.c, its weight array
(FN_w_words, emit_bytes) must hold exactly the packed rows of
docs/arith.md, "Packed weights": per output channel ceil(K * P / 8) bytes,
P = 4 for 3 or 4 bits, 2 for 2 bits, 1 for binary, counted here from the
weight shape printed in the node's comment (the array is a whole number of
32-bit words). The sizes are printed beside NAME.c's 8-bit arrays.

With ARMCC and ARMSIZE, NAME_wB.c is also compiled for Cortex-M4 (-O2
-mcpu=cortex-m4 -mthumb) and its .rodata must be within 5% of the bytes of
every `static const` array of the file (the packed weights plus the other
constants: folded biases, multipliers, shifts, tables). Standard library
only.
"""
import os
import re
import subprocess
import sys
import tempfile

CTYPE_BYTES = {"int8_t": 1, "uint8_t": 1, "int16_t": 2, "uint16_t": 2,
               "int32_t": 4, "uint32_t": 4, "int64_t": 8, "uint64_t": 8}


def const_bytes(path):
    """The bytes of the static const arrays of a generated C file."""
    total = 0
    with open(path) as f:
        for line in f:
            m = re.match(r"static const (\w+) \w+\[(\d+)\]", line)
            if m:
                total += CTYPE_BYTES[m.group(1)] * int(m.group(2))
    return total


def m4_sizes(path, armcc, armsize):
    """text, rodata, bss of the file compiled for Cortex-M4."""
    with tempfile.TemporaryDirectory() as d:
        obj = os.path.join(d, "m.o")
        subprocess.run([armcc, "-std=c99", "-Wall", "-Wextra", "-Werror",
                        "-O2", "-mcpu=cortex-m4", "-mthumb", "-c", path,
                        "-o", obj], check=True)
        out = subprocess.run([armsize, "-A", obj], check=True,
                             capture_output=True, text=True).stdout
    size = {"text": 0, "rodata": 0, "bss": 0}
    for line in out.splitlines():
        m = re.match(r"\.(text|rodata|bss)\S*\s+(\d+)", line)
        if m:
            size[m.group(1)] += int(m.group(2))
    return size


def layers(path):
    """[(node, op, weight dims, array bytes)] of the qconv2d/qdense nodes."""
    out, cur = [], None
    with open(path) as f:
        for line in f:
            m = re.match(r"/\* (\S+) = (qconv2d|qdense)\((.*)", line)
            if m:
                shapes = re.findall(r"\S+ \w+\[([\d,]+)\]", m.group(3))
                cur = (m.group(1), m.group(2),
                       [int(d) for d in shapes[1].split(",")])
                continue
            m = re.match(r"static const uint32_t \w+_w_words\[(\d+)\]", line)
            if m and cur:
                out.append(cur + (4 * int(m.group(1)),))
                cur = None
            elif line.startswith("static void"):
                cur = None
    return out


def main():
    sub, full, bits = sys.argv[1], sys.argv[2], int(sys.argv[3])
    per = {1: 1, 2: 2, 3: 4, 4: 4}[bits]
    got = layers(sub)
    ref = {name: b for name, _, _, b in layers(full)}
    if not got:
        sys.exit("packcheck: no weighted layer in %s" % sub)
    total = total8 = 0
    bad = 0
    for name, op, dims, nbytes in got:
        M, K = dims[0], 1
        for d in dims[1:]:
            K *= d
        want = M * ((K * per + 7) // 8)
        words = (want + 3) // 4 * 4
        ok = nbytes == words
        print("%-28s %-7s %5d x %-5d %7d bytes (packed %d, 8-bit array %s)%s"
              % (name, op, M, K, nbytes, want, ref.get(name, "?"),
                 "" if ok else "  WRONG"))
        bad += not ok
        total += want
        total8 += M * K
    print("weights: %d bytes packed at %d bits, %d at 8 bits (%.2fx)" %
          (total, per, total8, total8 / total))
    if bad:
        sys.exit("packcheck: %d weight arrays are not packed at %d bits" %
                 (bad, per))
    if len(sys.argv) > 5:
        size = m4_sizes(sub, sys.argv[4], sys.argv[5])
        consts = const_bytes(sub)
        print("Cortex-M4: text %d rodata %d bss %d bytes; constants %d "
              "(packed weights %d)" % (size["text"], size["rodata"],
                                       size["bss"], consts, total))
        if abs(size["rodata"] - consts) > 0.05 * consts:
            sys.exit("packcheck: rodata %d is not within 5%% of the "
                     "constants' %d bytes" % (size["rodata"], consts))


if __name__ == "__main__":
    main()
