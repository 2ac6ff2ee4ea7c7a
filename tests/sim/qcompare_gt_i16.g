# qcompare: 16-bit, ratio 2/3
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qcompare_gt_i16.in0.npy --input %S/data/qcompare_gt_i16.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qcompare_gt_i16.out.npy
model qcompare_gt_i16

input a : i16[1,40] q(scale=0.1, zp=0)
input b : i16[1,40] q(scale=0.1, zp=0)

output y : u8[1,40] = qcompare(a, b, cmp=gt, mult=[1073741824, 715827883])
