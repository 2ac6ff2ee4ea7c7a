# qconv2d: 16-bit activations
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_i16.out.npy
model qconv2d_i16

input x : i16[1,2,4,4] q(scale=0.05, zp=0)

const w : i8[3,2,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0) = [-116, 11, 121, -4, -115, -87, 49, -36, 74, -89, 80, 51, 32, -33, 44, 106, -41, 109, -72, -60, -48, 60, 79, -12, 82, -70, 21, -101, -67, 64, 33, 108, -27, 99, -71, 16, -51, -115, 61, -20, -97, 32, -126, -70, -94, 13, 119, 29, 39, 62, -42, 127, -39, -115]
const b : i32[3] = [-1537, -2392, 2660]

output y : i16[1,3,4,4] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1655375803, 1682643619, 1979817247], shift=[38, 40, 38], act_min=-32768, act_max=32767)
