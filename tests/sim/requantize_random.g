# requantize: random multiplier, narrow clamp
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/requantize_random.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/requantize_random.out.npy
model requantize_random

input x : i8[1,64] q(scale=0.1, zp=5)

output y : i8[1,64] q(scale=0.2, zp=-7) = requantize(x, mult=[1234567890], shift=[33], act_min=-100, act_max=90)
