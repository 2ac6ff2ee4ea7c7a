# A 16-bit sum of squares: each square rounded right by the fewest bits
# (pre) that keep the sum of n of them in int32: 2 elements of at most
# 32768^2 = 2^30 need 1 (2 * 2^29 < 2^31), 100 need 6 (100 * 2^24 <
# 2^31); the multiplier takes the 2^pre back: 1 / 2 * 2^1 = 2^30 / 2^30,
# 1 / 2 * 2^6 = 2^30 / 2^25.
# RUN: %qcc %s --passes=quantize --act-bits 16 --emit=ir
# CHECK: q2 : i16[1,1] q(scale=2, zp=0) = qreduce(x_q, fn=sum_square, axes=[1], mult=[1073741824], shift=[30], pre=1)
# CHECK: q100 : i16[1,1] q(scale=2, zp=0) = qreduce(y_q, fn=sum_square, axes=[1], mult=[1073741824], shift=[25], pre=6)
model reduce_pre
input x : f32[1,2] q(scale=1, zp=0)
input y : f32[1,100] q(scale=1, zp=0)
q2 : f32[1,1] q(scale=2, zp=0) = reduce(x, fn=sum_square, axes=[1])
q100 : f32[1,1] q(scale=2, zp=0) = reduce(y, fn=sum_square, axes=[1])
output z : f32[1,1] q(scale=2, zp=0) = add(q2, q100)
