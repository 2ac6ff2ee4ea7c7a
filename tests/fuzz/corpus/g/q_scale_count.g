# per-axis scales that do not match the dimension
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_scale_count.g:5:35: error: q(...) has 2 scales but dimension 0 of the type has size 4
model m
input x : i8[4,2] q(axis=0, scale=[1,2], zp=0)
