# quantize to i16: ties and saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/quantize_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/quantize_i16.out.npy
model quantize_i16

input x : f32[1,64]

output y : i16[1,64] q(scale=1, zp=0) = quantize(x)
