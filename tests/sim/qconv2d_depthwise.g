# qconv2d: depthwise (groups = channels), stride 2
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_depthwise.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_depthwise.out.npy
model qconv2d_depthwise

input x : i8[1,4,7,7] q(scale=0.05, zp=11)

const w : i8[4,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [-65, 25, 40, -112, -56, 30, 84, 64, 16, 108, -108, 102, -29, 125, -93, 63, 73, -56, 73, 84, -124, 53, -13, 112, 118, -118, -56, 44, 101, 101, 43, -111, 44, -90, -54, 49]
const b : i32[4] = [-844, -595, 1903, 1859]

output y : i8[1,4,4,4] q(scale=0.1, zp=3) = qconv2d(x, w, b, stride=[2,2], pad=[1,1,1,1], dilation=[1,1], groups=4, mult=[1142383688, 1657487402, 1789262440, 1695700850], shift=[40, 40, 42, 40], act_min=-128, act_max=127)
