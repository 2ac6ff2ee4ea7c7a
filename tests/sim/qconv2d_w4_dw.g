# qconv2d: depthwise, 4-bit weights, stride 2
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w4_dw.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w4_dw.out.npy
model qconv2d_w4_dw

input x : i8[1,6,9,8] q(scale=0.05, zp=12)

const w : i8[6,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01, 0.01], zp=0, bits=4) = [-2, 2, -1, 7, 3, 4, -8, -6, 3, 2, -1, -5, 5, 0, -3, -4, 5, -6, -3, 7, 7, 5, 1, -3, 5, -6, -3, -8, 0, 2, 4, -4, 6, 6, 5, -5, 3, -8, 6, -8, 6, -4, 7, 6, -5, -3, 1, 5, -7, -6, -6, 1, 2, 0]
const b : i32[6] = [-1365, 1063, 542, 1474, 2255, 1757]

output y : i8[1,6,5,4] q(scale=0.1, zp=-5) = qconv2d(x, w, b, stride=[2,2], pad=[1,1,1,1], dilation=[1,1], groups=6, mult=[1164800464, 1581295797, 1374218891, 1450149694, 1239231760, 1917139639], shift=[36, 37, 37, 36, 37, 36], act_min=-128, act_max=127)
