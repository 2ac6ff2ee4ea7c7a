# reciprocal(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_reciprocal.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_reciprocal.out.npy
# the bound: at most 65277.52 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_reciprocal.ref.npy --rtol 0 --atol 10879.5967
model lut16_reciprocal

input x : f32[1,8192] q(scale=0.000183111057, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.166666657, zp=0, bits=16) = reciprocal(x)
