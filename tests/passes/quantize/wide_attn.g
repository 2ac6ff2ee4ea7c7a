# 16-bit activations through matmul and softmax: the matmul lowers to a
# qmatmul whose int64 accumulator is rounded by pre bits into int32
# (K = 2 terms of at most 2^15 * 2^15: pre 1), the multiplier 2^pre
# larger; the softmax of the 16-bit input writes the 8-bit grid its
# output asks for (bits=8).
# RUN: %qcc %s --passes=quantize --act-bits 16 --emit=ir 2>&1
# CHECK-NOT: warning
# CHECK:     a : i16[1,2,2] q(scale=0.25, zp=0) = qadd(
# CHECK:     m : i16[1,2,2] q(scale=0.5, zp=0) = qmatmul(a, x_q, mult=[1073741824], shift=[33], act_min=-32768, act_max=32767, pre=1)
# CHECK:     s_q : i8[1,2,2] q(scale=0.00390625, zp=-128) = qsoftmax(m, table=[65536,39750,
# CHECK-SAME: exp_hi=[65536,0,
model wide_attn
input x : f32[1,2,2] q(scale=0.125, zp=0, bits=16)
a : f32[1,2,2] q(scale=0.25, zp=0, bits=16) = add(x, x)
m : f32[1,2,2] q(scale=0.5, zp=0, bits=16) = matmul(a, x)
output s : f32[1,2,2] q(scale=0.00390625, zp=-128, bits=8) = softmax(m)
