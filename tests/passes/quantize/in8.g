# qmatmul and qsoftmax take 8-bit inputs only (OPF_IN8 in ops.def): with
# 16-bit activations the matmul and the softmax stay float, with a warning
# each, while the add lowers to a 16-bit qadd.
# RUN: %qcc %s --passes=quantize --act-bits 16 --emit=ir 2>&1
# CHECK:     warning: matmul 'm' cannot be lowered to integer ops and stays in float
# CHECK:     warning: softmax 's' cannot be lowered to integer ops and stays in float
# CHECK:     a : i16[1,2,2] q(scale=0.25, zp=0) = qadd(
# CHECK:     m : f32[1,2,2] = matmul(
# CHECK:     output s : f32[1,2,2] = softmax(
model in8
input x : f32[1,2,2] q(scale=0.125, zp=0, bits=16)
a : f32[1,2,2] q(scale=0.25, zp=0, bits=16) = add(x, x)
m : f32[1,2,2] q(scale=0.5, zp=0, bits=16) = matmul(a, x)
output s : f32[1,2,2] q(scale=0.00390625, zp=-128, bits=8) = softmax(m)
