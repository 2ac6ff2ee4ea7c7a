#!/usr/bin/python3
"""Writes a safetensors file from the command line, independently of qcc,
for tests of qcc's reader:

    make_safetensors.py OUT NAME=DTYPE:DIMS:VALUES ...

DTYPE is a safetensors dtype (F32 F64 I64 I32 I16 I8 U8 ...), DIMS a comma
list (empty for a scalar), VALUES a comma list of numbers (inf, nan ok).
Example: make_safetensors.py w.safetensors conv1.weight=F32:2,2:1,2,3,4
"""
import json
import struct
import sys

FORMATS = {"F64": "d", "F32": "f", "I64": "q", "I32": "i", "I16": "h",
           "I8": "b", "U8": "B", "U16": "H", "BOOL": "?"}


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    header, blobs, offset = {}, [], 0
    for spec in specs:
        name, rest = spec.split("=", 1)
        dtype, dims, values = rest.split(":", 2)
        shape = [int(d) for d in dims.split(",") if d]
        fmt = FORMATS[dtype]
        vals = [float(v) if fmt in "fd" else int(v)
                for v in values.split(",") if v]
        blob = struct.pack("<%d%s" % (len(vals), fmt), *vals)
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(out, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


if __name__ == "__main__":
    main()
