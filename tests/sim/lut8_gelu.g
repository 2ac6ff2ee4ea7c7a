# gelu(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_gelu.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_gelu.out.npy
model lut8_gelu

input x : f32[1,256] q(scale=0.0627451017, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.0326542519, zp=-123, bits=8) = gelu(x)
