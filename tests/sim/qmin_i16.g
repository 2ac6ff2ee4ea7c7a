# qmin: 16-bit, ties and saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmin_i16.in0.npy --input %S/data/qmin_i16.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmin_i16.out.npy
model qmin_i16

input a : i16[1,16] q(scale=0.1, zp=0)
input b : i16[1,16] q(scale=0.1, zp=0)

output y : i16[1,16] q(scale=0.1, zp=0) = qmin(a, b, mult=[1073741824, 1300000000], shift=[31, 30])
