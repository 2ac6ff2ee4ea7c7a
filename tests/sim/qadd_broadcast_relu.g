# qadd: broadcast per-channel operand, relu clamp
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qadd_broadcast_relu.in0.npy --input %S/data/qadd_broadcast_relu.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qadd_broadcast_relu.out.npy
model qadd_broadcast_relu

input a : i8[1,3,2,4] q(scale=0.1, zp=-20)
input b : i8[1,3,1,1] q(scale=0.1, zp=7)

output y : i8[1,3,2,4] q(scale=0.1, zp=-5) = qadd(a, b, mult=[1518500250, 1300000000], shift=[31], act_min=-5, act_max=127)
