# qcompare: two grids (ratio 1/2), broadcast, equal products
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qcompare_ge_bcast.in0.npy --input %S/data/qcompare_ge_bcast.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qcompare_ge_bcast.out.npy
model qcompare_ge_bcast

input a : i8[1,2,3,4] q(scale=0.1, zp=3)
input b : i8[1,1,4] q(scale=0.1, zp=-9)

output y : u8[1,2,3,4] = qcompare(a, b, cmp=ge, mult=[536870912, 1073741824])
