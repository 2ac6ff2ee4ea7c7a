# qadd: a/2 + b/4 (ties), rounding double
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qadd_ties_double.in0.npy --input %S/data/qadd_ties_double.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qadd_ties_double.out.npy
model qadd_ties_double
rounding double

input a : i8[1,3,4] q(scale=0.1, zp=4)
input b : i8[1,3,4] q(scale=0.1, zp=-6)

output y : i8[1,3,4] q(scale=0.1, zp=2) = qadd(a, b, mult=[1073741824, 536870912], shift=[31], act_min=-128, act_max=127)
