# abs(x): 16-bit, piecewise linear (qpwl), every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md): f rounded once, within one code.
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: grep -c qpwl %t.g
# CHECK: {{^}}1{{$}}
# RUN: %qcc run %t.g --input %S/data/pwl16_abs.in0.npy --output %t.npy
# RUN: %npycheck close %t.npy %S/data/pwl16_abs.out.npy --rtol 0 --atol 0.000154123176
model pwl16_abs

input x : f32[1,8197] q(scale=0.000152592547, zp=0, bits=16)

output y : f32[1,8197] q(scale=0.000152597204, zp=0, bits=16) = abs(x)
