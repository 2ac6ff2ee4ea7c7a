# dequantize: every i8 value
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/dequantize_all.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/dequantize_all.out.npy
model dequantize_all

input x : i8[1,256] q(scale=0.0731000006, zp=17)

output y : f32[1,256] = dequantize(x)
