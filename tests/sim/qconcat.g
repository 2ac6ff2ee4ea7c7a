# qconcat: per-input requantization, ties, saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconcat.in0.npy --input %S/data/qconcat.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconcat.out.npy
model qconcat

input a : i8[1,2,3] q(scale=0.1, zp=5)
input b : i8[1,3,3] q(scale=0.2, zp=-100)

output y : i8[1,5,3] q(scale=0.1, zp=0) = qconcat(a, b, axis=1, mult=[1073741824, 1073741824], shift=[31, 30])
