# qconv2d: binary weights, K = 27, ties, saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_binary.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_binary.out.npy
model qconv2d_binary

input x : i8[1,3,7,6] q(scale=0.05, zp=-10)

const w : i8[4,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0, bits=1) = [-1, 1, -1, 1, 1, 1, -1, -1, 1, -1, -1, 1, -1, -1, -1, 1, -1, -1, -1, 1, -1, -1, 1, 1, 1, -1, 1, 1, 1, -1, 1, -1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, 1, -1, -1, 1, -1, 1, -1, 1, 1, -1, 1, -1, -1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, 1, 1, 1, 1, 1, 1, -1, 1, 1, -1, -1, 1, 1, 1, 1, -1, 1, 1, -1, 1, 1, 1, 1, -1, -1, 1, -1, -1, 1, -1, -1]
const b : i32[4] = [16, 7, 1, 9]

output y : i8[1,4,4,6] q(scale=0.1, zp=3) = qconv2d(x, w, b, stride=[2,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1073741824, 1073741824, 1073741824, 1073741824], shift=[31, 32, 33, 34], act_min=-128, act_max=127)
