# erf(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_erf.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_erf.out.npy
# the bound: at most 2.06 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_erf.ref.npy --rtol 0 --atol 6.27149512e-05
model lut16_erf

input x : f32[1,8192] q(scale=9.15555283e-05, zp=0, bits=16)

output y : f32[1,8192] q(scale=3.05178364e-05, zp=0, bits=16) = erf(x)
