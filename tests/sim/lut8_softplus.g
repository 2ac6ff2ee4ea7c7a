# softplus(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_softplus.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_softplus.out.npy
model lut8_softplus

input x : f32[1,256] q(scale=0.0627451017, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.0319888256, zp=-128, bits=8) = softplus(x)
