# an integer too large to read
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: int_overflow.g:6:21: error: integer '99999999999999999999' is out of range
model m
input x : f32[1,4]
const b : i32[1] = [99999999999999999999]
output x
