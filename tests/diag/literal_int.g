# a fractional value in an integer literal
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: literal_int.g:6:23: error: expected an integer for i8 but found 2.5
model m
input x : f32[1,4]
const b : i8[2] = [1, 2.5]
output x
