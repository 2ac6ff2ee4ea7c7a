# qmatmul takes 8-bit inputs only (OPF_IN8 in ops.def): with 16-bit
# activations the matmul stays float, with a warning, while the add lowers
# to a 16-bit qadd and the softmax to a qsoftmax of the 16-bit input onto
# the 8-bit grid its output asks for (bits=8).
# RUN: %qcc %s --passes=quantize --act-bits 16 --emit=ir 2>&1
# CHECK:     warning: matmul 'm' cannot be lowered to integer ops and stays in float
# CHECK:     a : i16[1,2,2] q(scale=0.25, zp=0) = qadd(
# CHECK:     m : f32[1,2,2] = matmul(
# CHECK:     m_q : i16[1,2,2] q(scale=0.5, zp=0) = quantize(m)
# CHECK:     s_q : i8[1,2,2] q(scale=0.00390625, zp=-128) = qsoftmax(m_q, table=[65536,39750,
# CHECK-SAME: exp_hi=[65536,0,
model in8
input x : f32[1,2,2] q(scale=0.125, zp=0, bits=16)
a : f32[1,2,2] q(scale=0.25, zp=0, bits=16) = add(x, x)
m : f32[1,2,2] q(scale=0.5, zp=0, bits=16) = matmul(a, x)
output s : f32[1,2,2] q(scale=0.00390625, zp=-128, bits=8) = softmax(m)
