# sign(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_sign.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_sign.out.npy
model lut8_sign

input x : f32[1,256] q(scale=0.0235294122, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.00784313772, zp=-1, bits=8) = sign(x)
