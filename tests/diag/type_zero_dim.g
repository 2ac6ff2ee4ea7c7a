# a zero dimension
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: type_zero_dim.g:5:17: error: dimension must be a positive integer, got 0
model m
input x : f32[1,0]
