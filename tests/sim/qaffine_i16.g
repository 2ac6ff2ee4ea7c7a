# qaffine: 16-bit (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qaffine_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qaffine_i16.out.npy
model qaffine_i16

input x : i16[1,3,7] q(scale=0.1, zp=0)

output y : i16[1,3,7] q(scale=0.1, zp=0) = qaffine(x, mult=[1073741824, -1073741824, 2000000000], shift=[31, 32, 30], bias=[1099511627776, 3221225472, -35184372088832])
