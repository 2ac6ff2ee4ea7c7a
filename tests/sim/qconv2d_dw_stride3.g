# qconv2d: depthwise 3x5, strides 2 and 3, dilation 2, relu
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_dw_stride3.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_dw_stride3.out.npy
model qconv2d_dw_stride3

input x : i8[1,4,11,13] q(scale=0.05, zp=20)

const w : i8[4,1,3,5] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [101, -96, -119, 23, -99, -105, -1, -14, 92, 114, -35, 127, -124, 19, 116, -45, 78, -82, -122, -9, -38, 75, -105, 119, 107, 122, 20, 108, -76, 50, 121, 46, -11, -44, 44, 112, -29, 103, 30, 44, -91, -92, -96, -73, 36, 97, -57, -11, 46, 70, 58, -5, -58, 92, 1, -64, -116, 53, 122, 25]
const b : i32[4] = [-2185, -784, 71, 2823]

output y : i8[1,4,5,4] q(scale=0.1, zp=-3) = qconv2d(x, w, b, stride=[2,3], pad=[1,2,0,3], dilation=[1,2], groups=4, mult=[1338360725, 1501975909, 1075909956, 1616879974], shift=[40, 41, 39, 40], act_min=-30, act_max=127)
