# qconv2d: 4-bit weights (i8 bits=4), ties
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w4.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w4.out.npy
model qconv2d_w4

input x : i8[1,3,5,5] q(scale=0.05, zp=-128)

const w : i8[4,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0, bits=4) = [4, 7, -4, 3, 3, 1, 2, 0, -1, -3, 4, 6, -2, -3, 6, 5, 7, -1, -6, -7, 0, -7, -7, 2, -7, 4, -4, -3, 0, -7, 0, 0, 3, 1, 1, 3, -1, 0, 3, 2, -5, -2, 7, -1, -6, -5, -1, 7, 4, -5, -6, 0, 2, 3, 1, 3, -6, -4, 4, -5, -4, -5, 6, 4, 0, 2, 1, 7, 5, -2, -6, 3, 3, 1, 3, -1, 4, 0, 7, -4, 0, -7, -2, 1, -4, 1, -3, 3, -5, 5, -4, 5, -6, -7, 0, 2, 1, -7, -2, -4, 3, 4, -7, -4, -2, 1, 3, -7]
const b : i32[4] = [1446, -828, 1230, -2380]

output y : i8[1,4,5,5] q(scale=0.1, zp=-128) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1073741824, 1073741824, 1073741824, 1073741824], shift=[34, 35, 36, 37], act_min=-128, act_max=127)
