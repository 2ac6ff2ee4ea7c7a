# Integer-op checks (ir/shape_q.c): the clamp must lie in the output range.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qadd: act_min/act_max [-200, 127] must be an interval inside the output range [-128, 127]
model diag_clamp
input a : i8[1,4] q(scale=0.1, zp=0)
input b : i8[1,4] q(scale=0.1, zp=0)
output y : i8[1,4] q(scale=0.1, zp=0) = qadd(a, b, mult=[1073741824,1073741824], shift=[31], act_min=-200, act_max=127)
