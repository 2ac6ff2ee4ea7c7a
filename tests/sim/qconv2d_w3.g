# qconv2d: 3-bit weights over [-4, 3] (packed as 4 bits)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qconv2d_w3.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qconv2d_w3.out.npy
model qconv2d_w3

input x : i8[1,2,5,5] q(scale=0.05, zp=0)

const w : i8[3,2,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0, bits=3) = [-2, -4, -1, 1, 3, 2, 1, -3, -3, 3, -1, -1, -1, 0, 2, -3, 1, -4, -3, 1, 1, 0, -1, 2, -4, -3, 0, 1, -2, -2, -4, -4, 3, -2, -2, 1, 2, -2, -4, 0, 3, -1, -1, 0, -1, -2, -4, -2, 3, -1, 0, 0, 3, 0]
const b : i32[3] = [-576, -964, -1570]

output y : i8[1,3,5,5] q(scale=0.1, zp=0) = qconv2d(x, w, b, stride=[1,1], pad=[1,0,1,2], dilation=[1,1], groups=1, mult=[1723096767, 1986834849, 1983045257], shift=[34, 34, 36], act_min=-128, act_max=127)
