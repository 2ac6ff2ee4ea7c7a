#!/usr/bin/python3
"""Prints a safetensors file, read independently of qcc (json + NumPy), one
tensor a line in file order: `NAME DTYPE [DIMS] v v v ...`."""
import json
import struct
import sys

import numpy as np

DTYPES = {"F64": "<f8", "F32": "<f4", "I64": "<i8", "I32": "<i4",
          "I16": "<i2", "I8": "i1", "U8": "u1"}


def main():
    data = open(sys.argv[1], "rb").read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = data[8 + n:]
    for name, e in header.items():
        if name == "__metadata__":
            continue
        b, end = e["data_offsets"]
        a = np.frombuffer(body[b:end], dtype=DTYPES[e["dtype"]])
        assert a.size == int(np.prod(e["shape"])), name
        fmt = "%.9g" if e["dtype"].startswith("F") else "%d"
        vals = " ".join(fmt % v for v in a.tolist())
        print("%s %s %s %s" % (name, e["dtype"], e["shape"], vals))


if __name__ == "__main__":
    main()
