# qconv2d: per-channel multipliers, zero padding
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_random.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_random.out.npy
model qconv2d_random

input x : i8[1,3,6,5] q(scale=0.05, zp=-3)

const w : i8[4,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [-101, 22, -66, -22, 53, -17, 25, -55, 109, -88, 45, 115, -72, -61, -40, -112, -114, -122, 123, -83, 39, 59, -5, -54, -126, -40, 91, -122, -56, 71, 60, -118, -72, 91, -113, -89, -10, 119, -108, 95, 75, -81, -46, 23, 43, -19, 50, -44, -109, 29, -50, 32, 98, -89, 119, -12, 70, -49, 27, -24, 53, 122, 92, -103, -77, 32, -91, -79, -46, -23, -88, 107, 93, 101, 12, 61, -76, 10, -33, -80, 125, 56, 122, 74, 118, 32, -24, 19, -50, -13, -30, -125, -5, 8, -78, -126, 114, -64, 98, 36, -50, 57, -19, 98, -54, 4, -37, -57]
const b : i32[4] = [2385, -2024, 1742, -2212]

output y : i8[1,4,6,5] q(scale=0.1, zp=4) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1253724746, 1599422684, 1762695791, 1273207745], shift=[38, 41, 41, 39], act_min=-128, act_max=127)
