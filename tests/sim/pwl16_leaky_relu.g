# leaky_relu(x, alpha=0.1): 16-bit, piecewise linear (qpwl), every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md): f rounded once, within one code.
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: grep -c qpwl %t.g
# CHECK: {{^}}1{{$}}
# RUN: %qcc run %t.g --input %S/data/pwl16_leaky_relu.in0.npy --output %t.npy
# RUN: %npycheck close %t.npy %S/data/pwl16_leaky_relu.out.npy --rtol 0 --atol 0.000123294778
model pwl16_leaky_relu

input x : f32[1,8197] q(scale=0.000122074038, zp=0, bits=16)

output y : f32[1,8197] q(scale=0.000122074038, zp=0, bits=16) = leaky_relu(x, alpha=0.1)
