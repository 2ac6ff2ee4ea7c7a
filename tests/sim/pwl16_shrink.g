# shrink(x, bias=0.25, lambd=0.5): 16-bit, piecewise linear (qpwl), every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md): f rounded once, within one code.
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: grep -c qpwl %t.g
# CHECK: {{^}}1{{$}}
# RUN: %qcc run %t.g --input %S/data/pwl16_shrink.in0.npy --output %t.npy
# RUN: %npycheck close %t.npy %S/data/pwl16_shrink.out.npy --rtol 0 --atol 8.47679819e-05
model pwl16_shrink

input x : f32[1,8205] q(scale=9.15555283e-05, zp=0, bits=16)

output y : f32[1,8205] q(scale=8.39286949e-05, zp=0, bits=16) = shrink(x, bias=0.25, lambd=0.5)
