# qpwl: five pieces of degree 2, an empty one, knots hit exactly (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qpwl.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qpwl.out.npy
model qpwl

input x : i16[1,128] q(scale=0.01, zp=0)

output y : i16[1,128] q(scale=0.01, zp=0) = qpwl(x, knots=[-3000, 0, 0, 5000], mult=[0, 1073741824, -536870912, 0, 268435456], bias=[-35184372088832, 0, 1099511627776, 52776558133248, -1152921504606846976], shift=31, square=[0, 3, 0, -65536, 1073741824])
