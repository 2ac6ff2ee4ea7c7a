# qconv2d: dilation 2, two groups
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_dilated_groups.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_dilated_groups.out.npy
model qconv2d_dilated_groups

input x : i8[1,4,8,8] q(scale=0.05, zp=-60)

const w : i8[6,2,3,3] q(axis=0, scale=[0.01, 0.01, 0.01, 0.01, 0.01, 0.01], zp=0) = [-2, -93, -106, -86, -70, -114, 54, 79, -67, -18, 126, 5, -10, 71, -112, 51, 40, 94, -12, -38, -57, 65, -82, 108, 21, -21, 84, 22, 45, -26, -15, -59, 100, -41, 36, -101, -123, 87, -25, -83, 37, 95, -53, 68, 123, -40, -33, -125, 15, -55, -44, -6, 30, -52, -125, 104, -84, 126, 106, -48, -16, -30, 88, -98, 120, -59, -1, 75, -53, 68, 105, -82, -78, 31, 8, 113, -40, 110, 49, -83, 15, -78, 62, -31, 71, 20, -77, 86, 59, 0, -26, -85, 78, -84, -116, 29, 0, -109, 5, -58, -60, -47, -32, 91, 83, -104, -24, 125]
const b : i32[6] = [2554, -70, -2671, 2403, -2260, 1607]

output y : i8[1,6,8,8] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[2,2,2,2], dilation=[2,2], groups=2, mult=[1713770022, 1288872265, 2083068303, 1955496372, 1076381581, 1807241385], shift=[42, 41, 42, 42, 42, 43], act_min=-128, act_max=127)
