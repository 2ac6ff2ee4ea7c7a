# Integer-op checks (ir/shape_reduce.c): a 16-bit sum of squares over two
# elements could reach 2 * 32768^2 = 2^31, outside the int32 accumulator.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qreduce: the int32 accumulator could reach 2147483648 over 2 elements of i16[1,2] (at most 2^31 - 1)
model diag_qreduce_bound
input x : i16[1,2] q(scale=0.1, zp=0)
output y : i16[1,1] q(scale=0.1, zp=0) = qreduce(x, fn=sum_square, axes=[1], mult=[1073741824], shift=[30])
