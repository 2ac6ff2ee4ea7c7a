# qconv2d: random multipliers, rounding even
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_random_even.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_random_even.out.npy
model qconv2d_random_even
rounding even

input x : i8[1,3,6,5] q(scale=0.05, zp=-3)

const w : i8[4,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [57, -15, -38, -60, 34, -113, 90, -49, 78, -39, 68, 3, -29, -47, -50, -53, -11, 3, 50, -104, 67, -47, 91, -15, 102, -123, 124, 20, 108, 38, -48, -111, -114, 23, -84, -24, 24, 106, 69, -60, -33, -69, -105, 14, -120, -103, -62, 83, 33, 103, 77, 27, 33, 68, 122, -92, 68, 8, -58, -44, 43, -20, 74, -67, -62, -55, -16, 73, 56, 12, 21, -122, -56, -51, -116, -86, 0, 113, 63, 80, 51, -30, 95, -94, 65, -107, 126, 52, -73, 93, 106, 96, 63, 89, 89, -34, 8, 76, 116, -99, -85, -111, 28, -25, 119, -98, 23, -67]
const b : i32[4] = [2319, -1390, -318, -266]

output y : i8[1,4,6,5] q(scale=0.1, zp=4) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1193963808, 1933784815, 1091387147, 1903223482], shift=[40, 39, 40, 39], act_min=-128, act_max=127)
