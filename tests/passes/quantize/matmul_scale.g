# Q K^T scaled by 1/sqrt(d): a mul (or a division) by a positive scalar
# constant that is the only use of a matmul's output is folded into the
# qmatmul's multiplier, 0.25 * 0.125 * 0.5 / 0.0625 = 2^-2 (and with the
# division by 4, 2^-3): one requantization, no qmul. A scaling of a
# matmul whose output has another use stays a qmul.
# RUN: %qcc %s --passes=quantize --emit=ir 2>&1
# CHECK-NOT: warning
# CHECK:      s_q : i8[1,2,2] q(scale=0.0625, zp=0) = qmatmul(a_q, b_q, mult=[1073741824], shift=[32], act_min=-128, act_max=127)
# CHECK-NEXT: output s : f32[1,2,2] = dequantize(s_q)
# CHECK-NEXT: t_q : i8[1,2,2] q(scale=0.0625, zp=0) = qmatmul(a_q, b_q, mult=[1073741824], shift=[33], act_min=-128, act_max=127)
# CHECK-NEXT: output t : f32[1,2,2] = dequantize(t_q)
# CHECK-NEXT: m2 : i8[1,2,2] q(scale=0.125, zp=0) = qmatmul(a_q, b_q,
# CHECK:      u_q : i8[1,2,2] q(scale=0.0625, zp=0) = qmul(h_q, m2,
# CHECK-NOT: qmul
model matmul_scale
input a : f32[1,2,2] q(scale=0.25, zp=0, bits=8)
input b : f32[1,2,2] q(scale=0.125, zp=0, bits=8)
const h : f32[1] = [0.5]
const four : f32[1] = [4]
m : f32[1,2,2] q(scale=0.125, zp=0, bits=8) = matmul(a, b)
output s : f32[1,2,2] q(scale=0.0625, zp=0, bits=8) = mul(m, h)
m1 : f32[1,2,2] q(scale=0.125, zp=0, bits=8) = matmul(a, b)
output t : f32[1,2,2] q(scale=0.0625, zp=0, bits=8) = div(m1, four)
m2 : f32[1,2,2] q(scale=0.125, zp=0, bits=8) = matmul(a, b)
output u : f32[1,2,2] q(scale=0.0625, zp=0, bits=8) = mul(h, m2)
output v = relu(m2)
