# a q(...) parameter given twice
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_twice.g:5:28: error: q(...) parameter 'scale' given twice
model m
input x : i8[4] q(scale=1, scale=2)
