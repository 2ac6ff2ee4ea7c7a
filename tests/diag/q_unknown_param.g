# an unknown q(...) parameter
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_unknown_param.g:5:28: error: unknown q(...) parameter 'zero'; expected axis, scale, zp or bits
model m
input x : i8[4] q(scale=1, zero=0)
