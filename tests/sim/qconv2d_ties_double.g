# qconv2d: ties, rounding double
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_ties_double.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_ties_double.out.npy
model qconv2d_ties_double
rounding double

input x : i8[1,2,5,5] q(scale=0.05, zp=9)

const w : i8[3,2,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0) = [0, -1, -1, -1, 1, 0, -1, 0, -1, -1, -1, 0, 0, 0, 1, -1, 0, -1, 0, 0, 0, -1, 0, 0, -1, -1, -1, 0, 0, 1, 0, -1, -1, -1, -1, -1, -1, -1, 1, -1, 1, -1, 0, 0, 0, -1, 0, 0, -1, -1, 1, -1, -1, 1]
const b : i32[3] = [-8, 10, -16]

output y : i8[1,3,2,4] q(scale=0.1, zp=-2) = qconv2d(x, w, b, stride=[2,1], pad=[1,0,0,1], dilation=[1,1], groups=1, mult=[1073741824, 1073741824, 1073741824], shift=[31, 32, 33], act_min=-128, act_max=127)
