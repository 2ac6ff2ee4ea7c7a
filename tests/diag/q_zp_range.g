# a zero point outside the element type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_zp_range.g:5:31: error: zero point -1 is out of range [0, 255] for u8
model m
input x : u8[4] q(scale=1, zp=-1)
