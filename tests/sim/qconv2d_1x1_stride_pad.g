# qconv2d: 1x1 with stride 2 and padding
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_1x1_stride_pad.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_1x1_stride_pad.out.npy
model qconv2d_1x1_stride_pad

input x : i8[1,5,7,6] q(scale=0.05, zp=2)

const w : i8[3,5,1,1] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0) = [-18, -119, -36, 67, -70, -9, 119, 66, 116, -123, 15, 12, 76, 5, -19]
const b : i32[3] = [-287, 2021, -1610]

output y : i8[1,3,4,4] q(scale=0.1, zp=2) = qconv2d(x, w, b, stride=[2,2], pad=[1,0,0,1], dilation=[1,1], groups=1, mult=[1824287441, 1611213087, 1407867933], shift=[38, 39, 37], act_min=-128, act_max=127)
