# Integer-op checks (ir/shape_q.c): a multiplier of 2^31 is out of range.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: requantize: mult entry 2147483648 is out of range (expected 0 <= mult < 2^31)
model diag_mult
input x : i8[1,4] q(scale=0.1, zp=0)
output y : i8[1,4] q(scale=0.1, zp=0) = requantize(x, mult=[2147483648], shift=[31], act_min=-128, act_max=127)
