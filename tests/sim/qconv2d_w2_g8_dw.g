# qconv2d: depthwise, 2-bit weights, group-wise scales (G = 8, K = 9)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w2_g8_dw.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w2_g8_dw.out.npy
model qconv2d_w2_g8_dw

input x : i8[1,4,7,6] q(scale=0.05, zp=7)

const w : i8[4,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0, bits=2) = [-1, 1, 0, 0, 0, -1, -1, -2, 1, -2, -2, -1, -1, 0, -1, 0, 0, -1, 1, -1, 1, -1, -1, -1, 1, -2, 0, -1, -2, -1, -2, -1, 1, 0, 0, 1]
const b : i32[4] = [939, -1413, -2007, 2172]

output y : i8[1,4,4,6] q(scale=0.1, zp=-9) = qconv2d(x, w, b, stride=[2,1], pad=[1,1,1,1], dilation=[1,1], groups=4, mult=[2105806310, 1199500744, 1622617528, 1325588380], shift=[40, 39, 38, 40], act_min=-128, act_max=127, wgroup=8, wgmult=[225, 9, 179, 45, 161, 68, 67, 169])
