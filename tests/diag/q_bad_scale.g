# a non-positive scale
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_bad_scale.g:5:25: error: q(...) scale must be positive and finite, got -0.5
model m
input x : i8[4] q(scale=-0.5, zp=0)
