# neg(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_neg.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_neg.out.npy
model lut8_neg

input x : f32[1,256] q(scale=0.0392156877, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.0392156877, zp=2, bits=8) = neg(x)
