# sigmoid(x): 16-bit interpolated table, 16 codes an interval
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut16_sigmoid.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut16_sigmoid.out.npy
# the bound: at most 1.90 codes from f rounded once
# RUN: %npycheck close %t.npy %S/data/lut16_sigmoid.ref.npy --rtol 0 --atol 5.78394717e-05
model lut16_sigmoid

input x : f32[1,8192] q(scale=0.000244148076, zp=0, bits=16)

output y : f32[1,8192] q(scale=3.05082758e-05, zp=0, bits=16) = sigmoid(x)
