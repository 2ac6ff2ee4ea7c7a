# sqrt(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_sqrt.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_sqrt.out.npy
# the bound: at most 513.50 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_sqrt.ref.npy --rtol 0 --atol 0.0383867779
model lut16_sqrt

input x : f32[1,8192] q(scale=0.000183111057, zp=0, bits=16)

output y : f32[1,8192] q(scale=7.4754782e-05, zp=0, bits=16) = sqrt(x)
