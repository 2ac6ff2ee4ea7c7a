#!/usr/bin/python3
"""packcheck.py - the weights of a generated C file take the packed bytes.

    packcheck.py NAME_wB.c NAME.c B

NAME_wB.c was generated with --weight-bits B (1 to 4), NAME.c from the same
model at 8 bits. For every qconv2d and qdense of NAME_wB.c, its weight array
(FN_w_words, emit_bytes) must hold exactly the packed rows of
docs/arith.md, "Packed weights": per output channel ceil(K * P / 8) bytes,
P = 4 for 3 or 4 bits, 2 for 2 bits, 1 for binary, counted here from the
weight shape printed in the node's comment (the array is a whole number of
32-bit words). The sizes are printed beside NAME.c's 8-bit arrays.
Standard library only.
"""
import re
import sys


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


if __name__ == "__main__":
    main()
