# A 16-bit sum of squares cannot keep the int32 accumulator's bound: the
# error names the node and what would make it lower.
# RUN-FAIL: %qcc %s --passes=quantize --act-bits 16 --emit=ir 2>&1
# CHECK: reduce_wide.g:8:40: error: reduce 'q' (fn sum_square) over 2 elements of a 16-bit input could reach 2147483648 in its int32 accumulator; it needs 8-bit activations (--act-bits 8) or fewer elements a reduction
model reduce_wide
input x : f32[1,2,2,2] q(scale=0.5, zp=0)
r : f32[1,2] q(scale=0.25, zp=-10) = reduce(x, fn=mean, axes=[-1,2], keepdims=0)
q : f32[1,2,2,1] q(scale=2, zp=-128) = reduce(x, fn=sum_square, axes=[3])
output y : f32[1,2,2,1] q(scale=2, zp=-128) = add(q, q)
