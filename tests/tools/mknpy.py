#!/usr/bin/python3
"""Writes a small .npy file for tests, with NumPy only:

    mknpy.py OUT DTYPE DIMS VALUES [--fortran] [--version 2]

DTYPE is a NumPy dtype string (float32, <f8, >f4, int8, uint8, int64, ...),
DIMS a comma list (empty for a scalar), VALUES a comma list of numbers
(reshaped to DIMS); DTYPE object writes a pickled object array. --fortran stores the array in Fortran order, --version 2
writes a version 2.0 header.
"""
import sys

import numpy as np


def main():
    args = sys.argv[1:]
    fortran = "--fortran" in args
    version = (1, 0)
    if "--version" in args:
        i = args.index("--version")
        version = (int(args[i + 1]), 0)
        del args[i:i + 2]
    args = [a for a in args if a != "--fortran"]
    out, dtype, dims, values = args
    shape = tuple(int(d) for d in dims.split(",") if d)
    vals = [float(v) for v in values.split(",") if v]
    a = np.array(vals, dtype=np.float64).astype(dtype).reshape(shape)
    if fortran:
        a = np.asfortranarray(a)
    with open(out, "wb") as f:
        np.lib.format.write_array(f, a, version=version,
                                  allow_pickle=dtype == "object")


if __name__ == "__main__":
    main()
