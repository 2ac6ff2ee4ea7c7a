# A 16-bit sum over 65,536 elements cannot keep the int32 accumulator's
# bound (65,536 * 32,768 = 2^31): the error names the node and what would
# make it lower. A 16-bit sum of squares lowers, each square rounded right
# by the fewest bits (pre) that keep its sum in int32.
# RUN-FAIL: %qcc %s --passes=quantize --act-bits 16 --emit=ir 2>&1
# CHECK: reduce_wide.g:10:31: error: reduce 'r' (fn sum) over 65536 elements of a 16-bit input could reach 2147483648 in its int32 accumulator; it needs 8-bit activations (--act-bits 8) or fewer elements a reduction
model reduce_wide
input x : f32[1,65536] q(scale=0.5, zp=0)
q : f32[1,1] q(scale=2, zp=-128) = reduce(x, fn=sum_square, axes=[1])
r : f32[1] q(scale=4, zp=0) = reduce(x, fn=sum, axes=[1], keepdims=0)
output y : f32[1,1] q(scale=2, zp=-128) = add(q, r)
