# qconv2d: 2-bit weights, dilation 2, K = 45, ties
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w2_dilated.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w2_dilated.out.npy
model qconv2d_w2_dilated

input x : i8[1,5,7,7] q(scale=0.05, zp=-90)

const w : i8[3,5,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0, bits=2) = [-1, 0, -2, 0, 0, -1, 0, -1, -1, -1, -2, 0, 1, 1, 1, 1, -1, -2, 0, 0, 0, 1, -1, 1, 0, -1, 0, 1, -2, 1, 0, 0, -1, 0, -1, -1, -1, -2, 0, 1, -1, 0, -2, 0, 0, -1, 0, 0, -1, 1, -1, -1, -1, -2, 1, 0, 1, -2, -2, 0, -1, 0, 1, -2, -2, -1, 1, 1, 1, 1, 1, -1, -1, -1, -2, -1, 1, -1, 1, 0, 0, 0, 1, 1, -2, -1, 0, 0, 1, 0, -2, 1, 0, 0, 0, -1, 1, 0, -2, -2, -2, -2, 0, -1, -1, -1, -2, -2, -1, -2, 0, 1, 0, 0, -2, -1, 1, 1, -1, 1, -1, -2, 0, -1, 0, -1, 1, 1, -2, -1, 0, -2, 1, 1, -2]
const b : i32[3] = [-16, -11, 20]

output y : i8[1,3,7,4] q(scale=0.1, zp=7) = qconv2d(x, w, b, stride=[1,2], pad=[2,2,2,2], dilation=[2,2], groups=1, mult=[1073741824, 1073741824, 1073741824], shift=[31, 32, 33], act_min=-128, act_max=127)
