# '_' cannot name a value
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: reserved_name.g:6:1: error: '_' marks an absent input and cannot name a value
model m
input x : f32[1,4]
_ = relu(x)
