#!/usr/bin/python3
"""float_left.py - which imported ops stay float in an integer build.

    /usr/bin/python3 tests/tools/float_left.py QCC [NODE_DIR] [--list]
        [--allow FILE] [--cases CONFORMANCE]

For every libonnx-testdata node test (NODE_DIR, default
/usr/share/libonnx-testdata/data/node) whose model imports (`qcc MODEL
--emit=ir`), takes its float inputs as the calibration set (one .npy per
input, each input_K.pb with a leading sample axis), runs `qcc MODEL --calib
... -o m.c` and records the outcome: `c` (integer C written), or the float
ops the quantize pass left (its warnings "OP 'X' cannot be lowered"), or
the first error. Prints one line per outcome with the count and the
tests, then the ops that stayed float with their counts; --list prints
one line per test instead. With --allow FILE (lines "TEST  reason"), exits
1 if a test not listed there leaves a float op (a listed one that does
not is only noted: it may fail earlier, e.g. on several inputs before
they can all be calibrated); tests/onnx/float_left.txt, the CTest test
onnx/float_left. --cases tests/onnx/conformance.txt takes only the tests
it says pass (they import), without trying the others. Needs
numpy only: the serialized tensors are decoded here.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

# TensorProto's data types: FLOAT is read, the others only named.
DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 5: np.int16, 6: np.int32,
          7: np.int64, 9: np.bool_, 11: np.float64}


def varint(b, i):
    v = s = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7f) << s
        s += 7
        if c < 0x80:
            return v, i


def load_pb(path):
    """A float TensorProto: dims (1), data_type (2), float_data (4),
    raw_data (9); other fields skipped. Another type, or data that does
    not match the dims: an empty array of that type (np.void if unknown
    or wrong)."""
    b = open(path, "rb").read()
    i, dims, dt, raw, floats = 0, [], 1, None, []
    while i < len(b):
        key, i = varint(b, i)
        f, wt = key >> 3, key & 7
        if wt == 0:
            v, i = varint(b, i)
            if f == 1:
                dims.append(v)
            elif f == 2:
                dt = v
        elif wt == 2:
            n, i = varint(b, i)
            chunk = b[i:i + n]
            i += n
            if f == 1:
                j = 0
                while j < len(chunk):
                    v, j = varint(chunk, j)
                    dims.append(v)
            elif f == 4:
                floats.append(np.frombuffer(chunk, "<f4"))
            elif f == 9:
                raw = chunk
        elif wt == 5:
            if f == 4:
                floats.append(np.frombuffer(b[i:i + 4], "<f4"))
            i += 4
        elif wt == 1:
            i += 8
        else:
            raise ValueError("%s: wire type %d" % (path, wt))
    if dt != 1:
        return np.zeros(0, DTYPES.get(dt, np.void))
    if raw is not None:
        a = np.frombuffer(raw, "<f4")
    else:
        a = np.concatenate(floats) if floats else np.zeros(0, np.float32)
    if a.size != int(np.prod(dims)):
        return np.zeros(0, np.void)
    return a.astype(np.float32).reshape(dims)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, timeout=120)
    return p.returncode, p.stderr


def outcome(qcc, d, tmp, check_import=True):
    """None if the model does not import (checked only when asked: the
    float ops left are the same either way)."""
    model = os.path.join(d, "model.onnx")
    if check_import:
        rc, err = run([qcc, model, "--emit=ir", "-o",
                       os.path.join(tmp, "f.g")])
        if rc:
            return None
    data = os.path.join(d, "test_data_set_0")
    ins = sorted(f for f in os.listdir(data) if f.startswith("input_"))
    calib = []
    for i, f in enumerate(ins):
        a = load_pb(os.path.join(data, f))
        if a.dtype != np.float32:
            return "input not float (%s)" % a.dtype
        p = os.path.join(tmp, "c%d.npy" % i)
        np.save(p, a[None])
        calib += ["--calib", p]
    rc, err = run([qcc, model] + calib + ["-o", os.path.join(tmp, "m.c")])
    left = sorted(set(re.findall(r"warning: (\w+) '[^']*' cannot be lowered",
                                 err)))
    if rc == 0:
        return "c"
    if left:
        return "float: " + " ".join(left)
    first = [l for l in err.splitlines() if "error:" in l]
    msg = first[0] if first else err.strip()[:120]
    return "error: " + re.sub(r"^.*?error: ", "", msg)[:100]


def main():
    qcc = sys.argv[1]
    args = sys.argv[2:]
    allow = None
    if "--allow" in args:
        k = args.index("--allow")
        allow = {l.split()[0] for l in open(args[k + 1])
                 if l.strip() and not l.startswith("#")}
        del args[k:k + 2]
    cases = None
    if "--cases" in args:
        k = args.index("--cases")
        cases = {l.split()[0] for l in open(args[k + 1])
                 if l.strip().endswith(" pass")}
        del args[k:k + 2]
    rest = [a for a in args if a != "--list"]
    node = rest[0] if rest else "/usr/share/libonnx-testdata/data/node"
    by = collections.OrderedDict()
    ops = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(node)):
            if cases is not None and name not in cases:
                continue
            o = outcome(qcc, os.path.join(node, name), tmp, cases is None)
            if o is None:
                continue
            if "--list" in sys.argv:
                print("%s\t%s" % (name, o))
            by.setdefault(o, []).append(name)
            if o.startswith("float: "):
                ops.update(o[7:].split())
    if "--list" in sys.argv:
        return
    if allow is not None:
        left = {n for o, names in by.items() if o.startswith("float: ")
                for n in names}
        for n in sorted(left - allow):
            print("%s leaves a float op (not in the allowed list)" % n)
        for n in sorted(allow - left):
            print("note: %s is allowed float but is not (it gives C or fails "
                  "earlier)" % n)
        sys.exit(1 if left - allow else 0)
    for o, names in sorted(by.items(), key=lambda kv: -len(kv[1])):
        print("%4d  %s: %s" % (len(names), o, " ".join(names)))
    print("\nops left float (tests):", ", ".join(
        "%s %d" % kv for kv in ops.most_common()))


if __name__ == "__main__":
    main()
