# q(...) without a scale
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_no_scale.g:5:17: error: q(...) needs a scale
model m
input x : i8[4] q(zp=0)
