# pow(x, exponent=3): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_pow3.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_pow3.out.npy
model lut8_pow3

input x : f32[1,256] q(scale=0.0235294122, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.212008953, zp=-8, bits=8) = pow(x, exponent=3)
