# qcompare: a constant mapped onto the input's grid (i32)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qcompare_eq_const.in0.npy --input %S/data/qcompare_eq_const.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qcompare_eq_const.out.npy
model qcompare_eq_const

input a : i8[1,6,5] q(scale=0.1, zp=-2)
input b : i32[6,1] q(scale=0.1, zp=-2)

output y : u8[1,6,5] = qcompare(a, b, cmp=eq, mult=[1, 1])
