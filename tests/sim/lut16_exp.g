# exp(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_exp.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_exp.out.npy
# the bound: at most 5.45 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_exp.ref.npy --rtol 0 --atol 0.00907722519
model lut16_exp

input x : f32[1,8192] q(scale=0.000122074038, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.00166625413, zp=0, bits=16) = exp(x)
