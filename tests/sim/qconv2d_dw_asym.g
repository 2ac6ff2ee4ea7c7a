# qconv2d: depthwise, stride 1, asymmetric padding, wide rows
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_dw_asym.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_dw_asym.out.npy
model qconv2d_dw_asym

input x : i8[1,3,9,19] q(scale=0.05, zp=-7)

const w : i8[3,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0) = [-81, 21, -56, 90, -114, -105, 32, -90, -90, -95, 23, -119, -25, -98, 26, -125, 106, -3, 111, 49, 14, -44, -73, 58, 91, 55, 118]
const b : i32[3] = [700, -2671, 857]

output y : i8[1,3,10,18] q(scale=0.1, zp=5) = qconv2d(x, w, b, stride=[1,1], pad=[2,0,1,1], dilation=[1,1], groups=3, mult=[1356198220, 2066096860, 1404104955], shift=[40, 40, 39], act_min=-128, act_max=127)
