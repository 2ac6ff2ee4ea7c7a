# qconv2d: random multipliers, rounding double
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_random_double.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_random_double.out.npy
model qconv2d_random_double
rounding double

input x : i8[1,3,6,5] q(scale=0.05, zp=-3)

const w : i8[4,3,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01], zp=0) = [-120, 87, 23, -46, -62, 11, -56, -27, -86, 72, -13, 80, 49, -13, -87, 18, -80, 71, -51, -29, -6, -74, 7, -115, 111, -119, -55, 83, 113, -119, -71, 85, -40, -90, -80, 119, 32, 104, 56, -49, 20, -57, -54, 2, -63, -63, -30, -99, -103, 8, 73, -5, -16, -24, 122, -71, 119, 115, 52, -112, 6, -99, 91, 94, 13, 8, -94, 29, 83, -95, -26, 63, -55, -61, -127, 20, -89, -79, 73, -32, 64, 55, -90, -114, -60, 15, -55, -96, -24, -22, -62, 0, -70, 11, 87, -103, -28, -65, -99, -94, -16, 36, 25, -60, 2, -68, 117, 106]
const b : i32[4] = [-1995, -1681, 2638, 1609]

output y : i8[1,4,6,5] q(scale=0.1, zp=4) = qconv2d(x, w, b, stride=[1,1], pad=[1,1,1,1], dilation=[1,1], groups=1, mult=[1937615936, 1228999847, 1863802319, 1340658603], shift=[41, 40, 39, 39], act_min=-128, act_max=127)
