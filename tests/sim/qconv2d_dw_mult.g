# qconv2d: two outputs per input channel (ties)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_dw_mult.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_dw_mult.out.npy
model qconv2d_dw_mult

input x : i8[1,2,6,6] q(scale=0.05, zp=-1)

const w : i8[4,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [1, -1, 0, -1, -3, 1, -1, 3, 2, 1, 0, -1, 0, 2, 3, -2, 2, 3, 1, 2, -3, 0, -2, -2, -1, 1, 2, -1, 3, -2, -1, 0, 3, 2, -2, 3]
const b : i32[4] = [-36, -3, -19, -22]

output y : i8[1,4,6,6] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=2, mult=[1073741824, 1073741824, 1073741824, 1073741824], shift=[33, 34, 35, 36], act_min=-128, act_max=127)
