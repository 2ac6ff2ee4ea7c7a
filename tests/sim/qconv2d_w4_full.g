# qconv2d: 4-bit weights over [-8, 7], K = 27, ties
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w4_full.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w4_full.out.npy
model qconv2d_w4_full

input x : i8[1,3,6,5] q(scale=0.05, zp=-7)

const w : i8[5,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01], zp=0, bits=4) = [1, -4, 7, -5, -1, -4, -8, 7, -5, -7, -8, -8, -3, 0, 7, 7, -5, -6, 7, -7, -8, -1, 2, -2, 7, 6, -6, 6, -2, 3, 5, -8, 1, 0, -8, -8, 0, -8, -8, -7, -2, -1, 4, 2, 2, 0, -3, 3, -5, 1, 1, -4, -6, 2, -6, -8, -1, 6, -8, -6, 1, 3, -7, -5, -2, 1, 3, 6, -8, 4, 0, 4, 0, -8, 4, 2, -3, 3, 2, -6, -2, -2, 5, 6, 5, 6, -3, -5, -2, 5, 0, 1, 6, -4, -4, -5, -8, 3, -7, 0, -3, -8, 5, -3, 7, 7, -5, 7, 7, 5, 7, -3, 0, 0, 3, 1, 0, -1, -6, 6, 5, -5, 4, 1, -3, -4, -7, 6, 3, -4, 4, 1, -4, -2, 4]
const b : i32[5] = [2852, -1905, -1551, 2605, 2334]

output y : i8[1,5,6,5] q(scale=0.1, zp=3) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1073741824, 1073741824, 1073741824, 1073741824, 1073741824], shift=[33, 34, 35, 36, 37], act_min=-128, act_max=127)
