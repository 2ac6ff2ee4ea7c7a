# a scale list without an axis
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: q_list_per_tensor.g:5:25: error: per-tensor q(...) needs one scale, got a list; add axis=N for per-axis scales
model m
input x : i8[2] q(scale=[1,2], zp=0)
