# qconv2d: 16-bit activations, 4-bit weights
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w4_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w4_i16.out.npy
model qconv2d_w4_i16

input x : i16[1,3,4,4] q(scale=0.05, zp=0)

const w : i8[2,3,3,3] q(axis=0, scale=[0.01, 0.01], zp=0, bits=4) = [6, -1, 1, 5, -1, -3, -2, 3, 6, 3, 3, 3, 0, 7, 4, -2, -5, 3, 1, -8, 4, 4, -8, -8, -6, -3, -4, -7, 3, -4, 0, -1, 6, -3, -3, -1, 3, -8, -7, -4, -5, -7, 4, -8, 1, -2, -1, -5, 0, 3, -4, 3, 1, 1]
const b : i32[2] = [2701, 2118]

output y : i16[1,2,4,4] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1852547175, 1593964223], shift=[38, 38], act_min=-32768, act_max=32767)
