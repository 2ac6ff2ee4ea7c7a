# pad: 8-bit, reflect
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/pad_i8_reflect.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/pad_i8_reflect.out.npy
model pad_i8_reflect

input x : i8[1,2,4,5] q(scale=0.1, zp=3)

output y : i8[1,2,9,10] q(scale=0.1, zp=3) = pad(x, pads=[0, 0, 3, 1, 0, 0, 2, 4], mode=reflect, value=3)
