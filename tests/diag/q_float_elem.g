# q(...) on a float type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_float_elem.g:5:18: error: q(...) needs an integer element type, not f32
model m
input x : f32[4] q(scale=0.5, zp=0)
