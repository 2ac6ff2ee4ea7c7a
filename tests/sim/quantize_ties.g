# quantize: round half to even (44 ties), saturation (6)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/quantize_ties.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/quantize_ties.out.npy
model quantize_ties

input x : f32[1,100]

output y : i8[1,100] q(scale=0.5, zp=-3) = quantize(x)
