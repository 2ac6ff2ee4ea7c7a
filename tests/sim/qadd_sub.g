# qadd as sub: negative multiplier, saturation both ways
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qadd_sub.in0.npy --input %S/data/qadd_sub.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qadd_sub.out.npy
model qadd_sub

input a : i8[1,8] q(scale=0.1, zp=0)
input b : i8[1,8] q(scale=0.1, zp=0)

output y : i8[1,8] q(scale=0.1, zp=0) = qadd(a, b, mult=[1073741824, -1073741824], shift=[30], act_min=-128, act_max=127)
