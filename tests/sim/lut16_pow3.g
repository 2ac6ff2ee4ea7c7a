# pow(x, exponent=3): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_pow3.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_pow3.out.npy
# the bound: at most 1.89 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_pow3.ref.npy --rtol 0 --atol 0.00155429925
model lut16_pow3

input x : f32[1,8192] q(scale=9.15555283e-05, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.000824075192, zp=0, bits=16) = pow(x, exponent=3)
