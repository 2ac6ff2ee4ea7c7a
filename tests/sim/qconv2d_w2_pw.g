# qconv2d: 1x1, two groups, 2-bit weights over [-2, 1], K = 3, saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w2_pw.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w2_pw.out.npy
model qconv2d_w2_pw

input x : i8[1,6,4,5] q(scale=0.05, zp=20)

const w : i8[6,3,1,1] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01, 0.01], zp=0, bits=2) = [-2, -1, 1, -1, -1, 1, 1, 0, -1, -2, 0, -1, 0, -1, 0, 1, 0, 0]
const b : i32[6] = [99, 8, 14, 2, -227, 19]

output y : i8[1,6,4,5] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[0,0,0,0], dilation=[1,1], groups=2, mult=[1073741824], shift=[32], act_min=-128, act_max=127)
