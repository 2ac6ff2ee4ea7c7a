# bits above the width of the element type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_bits.g:5:39: error: q(...) bits must be between 1 and 8, got 9
model m
input x : i8[4] q(scale=1, zp=0, bits=9)
