# qconv2d: 1x1, two groups, saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_pointwise_groups.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_pointwise_groups.out.npy
model qconv2d_pointwise_groups

input x : i8[1,8,3,7] q(scale=0.05, zp=-128)

const w : i8[6,4,1,1] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01, 0.01], zp=0) = [47, -120, -107, 83, -13, 54, 65, 76, 116, 12, -96, 42, -94, 3, -74, -94, -11, -122, -76, -67, -79, 104, -91, 105]
const b : i32[6] = [-2824, 757, 1042, -397, 774, -2701]

output y : i8[1,6,3,7] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[0,0,0,0], dilation=[1,1], groups=2, mult=[1900000000], shift=[36], act_min=-128, act_max=127)
