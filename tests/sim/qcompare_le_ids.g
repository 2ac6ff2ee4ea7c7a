# qcompare: plain integers (ids) against 0
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qcompare_le_ids.in0.npy --input %S/data/qcompare_le_ids.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qcompare_le_ids.out.npy
model qcompare_le_ids

input a : i32[1,20]
input b : i32[1]

output y : u8[1,20] = qcompare(a, b, cmp=le, mult=[1, 1])
