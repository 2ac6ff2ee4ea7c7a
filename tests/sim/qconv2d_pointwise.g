# qconv2d: 1x1, 20 input channels
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_pointwise.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_pointwise.out.npy
model qconv2d_pointwise

input x : i8[1,20,5,6] q(scale=0.05, zp=13)

const w : i8[5,20,1,1] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01], zp=0) = [-91, 59, -9, 108, -104, -73, -113, 77, 54, -64, 97, 6, -16, -5, 28, 3, -2, -77, 93, -23, 39, 61, 69, -110, -84, 79, 74, 76, 1, 59, -26, -117, -16, 20, -126, -83, 86, 22, 85, 74, -120, 69, 103, 24, 1, 59, -72, 4, 79, -123, -52, -20, -122, -61, 75, -31, -28, -122, 80, 122, -127, -22, -112, 116, -8, -16, 89, 37, 29, -127, 43, 22, 113, 105, 69, -44, -44, 122, -79, 95, -85, -122, -69, 117, -83, -30, -81, 14, -21, -66, -110, -32, 5, 82, -45, 88, 49, 30, 123, 39]
const b : i32[5] = [-31, -1003, 832, -1061, 445]

output y : i8[1,5,5,6] q(scale=0.1, zp=-9) = qconv2d(x, w, b, stride=[1,1], pad=[0,0,0,0], dilation=[1,1], groups=1, mult=[1737436707, 1175542653, 1692672768, 1278414922, 2132386488], shift=[39, 39, 38, 40, 38], act_min=-128, act_max=127)
