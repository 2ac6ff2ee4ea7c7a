# qconv2d: depthwise, binary weights (K = 9)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_binary_dw.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_binary_dw.out.npy
model qconv2d_binary_dw

input x : i8[1,5,6,7] q(scale=0.05, zp=40)

const w : i8[5,1,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01], zp=0, bits=1) = [1, -1, 1, -1, 1, -1, -1, 1, 1, 1, 1, 1, -1, 1, 1, -1, 1, -1, 1, 1, -1, -1, -1, -1, -1, 1, -1, 1, 1, -1, -1, -1, 1, 1, 1, 1, -1, 1, -1, -1, 1, -1, 1, 1, 1]
const b : i32[5] = [-99, 90, -91, -17, -46]

output y : i8[1,5,6,7] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=5, mult=[1970665222, 1567144701, 1276214308, 1453470120, 1876097183], shift=[33, 33, 33, 32, 33], act_min=-128, act_max=127)
