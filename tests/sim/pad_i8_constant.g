# pad: 8-bit, constant code -7
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/pad_i8_constant.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/pad_i8_constant.out.npy
model pad_i8_constant

input x : i8[1,3,3] q(scale=0.1, zp=3)

output y : i8[1,6,5] q(scale=0.1, zp=3) = pad(x, pads=[0, 1, 2, 0, 2, 0], mode=constant, value=-7)
