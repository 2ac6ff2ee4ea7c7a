# log(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_log.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_log.out.npy
# the bound: at most 32513.51 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_log.ref.npy --rtol 0 --atol 8.53885274
model lut16_log

input x : f32[1,8192] q(scale=0.000183111057, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.000262624497, zp=0, bits=16) = log(x)
