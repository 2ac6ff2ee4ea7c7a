# requantize: ties, rounding double
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/requantize_double_wide.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/requantize_double_wide.out.npy
model requantize_double_wide
rounding double

input x : i8[1,64] q(scale=0.1, zp=5)

output y : i8[1,64] q(scale=0.2, zp=-7) = requantize(x, mult=[1073741824], shift=[36], act_min=-128, act_max=127)
