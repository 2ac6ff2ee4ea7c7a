# Integer-op checks (ir/shape.c, shared with conv2d): a kernel that does not
# fit the padded input is reported in the float op's words.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qconv2d: output height would be 0: input height 2 plus padding 0+0 is smaller than the kernel 3
model diag_window
input x : i8[1,1,2,4] q(scale=0.1, zp=0)
const w : i8[1,1,3,3] q(scale=0.1, zp=0) = [1,1,1,1,1,1,1,1,1]
output y : i8[1,1,1,2] q(scale=0.1, zp=0) = qconv2d(x, w, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
