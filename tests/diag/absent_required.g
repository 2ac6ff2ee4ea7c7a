# '_' in place of a required input
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: absent_required.g:7:12: error: input 1 of conv2d is required and cannot be '_'
model m
input x : f32[1,1,4,4]
const w : f32[1,1,1,1] = [1]
y = conv2d(_, w)
output y
