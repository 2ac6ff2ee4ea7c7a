# qcompare: i8 against i16, ratio 2^-7
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qcompare_lt_mixed.in0.npy --input %S/data/qcompare_lt_mixed.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qcompare_lt_mixed.out.npy
model qcompare_lt_mixed

input a : i8[1,30] q(scale=0.1, zp=100)
input b : i16[1,30] q(scale=0.1, zp=0)

output y : u8[1,30] = qcompare(a, b, cmp=lt, mult=[1073741824, 8388608])
