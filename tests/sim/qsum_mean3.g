# qsum: three inputs, broadcasting, one shift (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qsum_mean3.in0.npy --input %S/data/qsum_mean3.in1.npy --input %S/data/qsum_mean3.in2.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qsum_mean3.out.npy
model qsum_mean3

input a : i8[1,2,3,4] q(scale=0.1, zp=5)
input b : i8[1,1,3,1] q(scale=0.1, zp=-100)
input c : i8[4] q(scale=0.1, zp=0)

output y : i8[1,2,3,4] q(scale=0.1, zp=-3) = qsum(a, b, c, mult=[1073741824, 536870912, 268435456], shift=[30])
