# a name where a number is expected
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: not_a_number.g:6:21: error: expected a number but found 'one'
model m
input x : f32[1,4]
const b : f32[1] = [one]
output x
