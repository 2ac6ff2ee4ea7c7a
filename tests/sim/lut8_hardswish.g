# hardswish(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_hardswish.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_hardswish.out.npy
model lut8_hardswish

input x : f32[1,256] q(scale=0.0549019612, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.0294596199, zp=-115, bits=8) = hardswish(x)
