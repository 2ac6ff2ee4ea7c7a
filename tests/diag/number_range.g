# a number too large for f32
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: number_range.g:6:21: error: value 1e39 is out of range for f32
model m
input x : f32[1,4]
const b : f32[1] = [1e39]
output x
