#!/usr/bin/python3
"""Writes a malformed safetensors file for reader tests:

    bad_safetensors.py OUT KIND

Every KIND damages one thing in a file that would otherwise hold the tensor
`w`, F32 [2,2] = 1, 2, 3, 4.
"""
import json
import struct
import sys

DATA = struct.pack("<4f", 1, 2, 3, 4)


def good_header(**change):
    e = {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}
    e.update(change)
    return {"w": e}


def file_with(header, data=DATA, hlen=None):
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    n = len(text) if hlen is None else hlen
    return struct.pack("<Q", n) + text + data


KINDS = {
    "short": lambda: b"\x10\x00\x00",
    "hlen_past_end": lambda: file_with(good_header(), hlen=4096),
    "hlen_huge": lambda: file_with(good_header(), hlen=2**63 + 5),
    "not_json": lambda: file_with(b'{"w": {"dtype": "F32", '),
    "not_object": lambda: file_with(b"[1, 2, 3]"),
    "no_dtype": lambda: file_with({"w": {"shape": [2, 2],
                                         "data_offsets": [0, 16]}}),
    "bad_dtype": lambda: file_with(good_header(dtype="X9")),
    "negative_dim": lambda: file_with(good_header(shape=[-2, -2])),
    "fractional_dim": lambda: file_with(good_header(shape=[2.5, 2])),
    "rank_9": lambda: file_with(good_header(shape=[1] * 7 + [2, 2])),
    "offsets_past_end": lambda: file_with(good_header(data_offsets=[0, 32])),
    "offsets_reversed": lambda: file_with(good_header(data_offsets=[16, 0])),
    "length_mismatch": lambda: file_with(good_header(shape=[2, 3])),
    "one_offset": lambda: file_with(good_header(data_offsets=[0])),
    "f16": lambda: file_with(good_header(dtype="F16", data_offsets=[0, 8])),
    "other_entry_bad": lambda: file_with(dict(good_header(), v={
        "dtype": "F32", "shape": [100], "data_offsets": [0, 400]})),
}


def main():
    with open(sys.argv[1], "wb") as f:
        f.write(KINDS[sys.argv[2]]())


if __name__ == "__main__":
    main()
