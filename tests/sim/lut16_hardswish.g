# hardswish(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_hardswish.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_hardswish.out.npy
# the bound: at most 14.58 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_hardswish.ref.npy --rtol 0 --atol 0.00311408945
model lut16_hardswish

input x : f32[1,8192] q(scale=0.000213629566, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.000213629566, zp=0, bits=16) = hardswish(x)
