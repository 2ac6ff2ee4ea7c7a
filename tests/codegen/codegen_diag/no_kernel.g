# An integer op without a kernel row for the target is an error naming the
# op and the target, reported before any file is written.
# RUN-FAIL: %qcc %s -o %t.c 2>&1
# CHECK: no_kernel.g:[[@LINE+4]]:34: error: C generation has no kernel for concat ('c') on target 'generic'
model no_kernel

input x : i8[1,4] q(scale=0.5, zp=0)
c : i8[1,8] q(scale=0.5, zp=0) = concat(x, x, axis=1)
output y : i8[1,8] q(scale=0.5, zp=0) = requantize(c, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
