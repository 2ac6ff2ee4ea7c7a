# qmul: ties, rounding even
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmul_ties_even.in0.npy --input %S/data/qmul_ties_even.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmul_ties_even.out.npy
model qmul_ties_even
rounding even

input a : i8[1,2,8] q(scale=0.1, zp=3)
input b : i8[1,8] q(scale=0.1, zp=-1)

output y : i8[1,2,8] q(scale=0.1, zp=0) = qmul(a, b, mult=[1073741824], shift=[33], act_min=-128, act_max=127)
