# requantize: clamp at the zero point (relu)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/requantize_relu.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/requantize_relu.out.npy
model requantize_relu

input x : i8[1,64] q(scale=0.1, zp=5)

output y : i8[1,64] q(scale=0.2, zp=-7) = requantize(x, mult=[1518500250], shift=[30], act_min=-7, act_max=127)
