# an integer literal outside its element type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: literal_range.g:6:23: error: value 200 is out of range [-128, 127] for i8
model m
input x : f32[1,4]
const b : i8[2] = [1, 200]
output x
