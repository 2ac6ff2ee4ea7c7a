# qsum: 16-bit mean of two
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qsum_i16.in0.npy --input %S/data/qsum_i16.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qsum_i16.out.npy
model qsum_i16

input a : i16[1,10] q(scale=0.1, zp=0)
input b : i16[1,10] q(scale=0.1, zp=0)

output y : i16[1,10] q(scale=0.1, zp=0) = qsum(a, b, mult=[1073741824, 1073741824], shift=[31])
