# a literal outside the range that q(bits=4) allows
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: literal_bits_range.g:6:48: error: value 8 is out of range [-8, 7] for i8
model m
input x : f32[1,4]
const b : i8[2] q(scale=1, zp=0, bits=4) = [7, 8]
output x
