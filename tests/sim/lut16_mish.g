# mish(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_mish.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_mish.out.npy
# the bound: at most 2.50 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_mish.ref.npy --rtol 0 --atol 0.000610904786
model lut16_mish

input x : f32[1,8192] q(scale=0.000244148076, zp=0, bits=16)

output y : f32[1,8192] q(scale=0.000244148017, zp=0, bits=16) = mish(x)
