# Integer-op checks (ir/shape.c, shared with maxpool2d): padding must be
# smaller than the kernel, in the float op's words.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qmaxpool2d: pad [0,2,0,0] must be smaller than the kernel 2, got 2
model diag_pool_pad
input x : i8[1,1,4,4] q(scale=0.1, zp=0)
output y : i8[1,1,3,4] q(scale=0.1, zp=0) = qmaxpool2d(x, kernel=[2,2], pad=[0,2,0,0])
