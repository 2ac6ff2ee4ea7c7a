# a q(...) axis beyond the rank
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_axis_range.g:5:26: error: q(...) axis must be between 0 and 1, got 2
model m
input x : i8[4,2] q(axis=2, scale=[1,2], zp=0)
