# a rank above the maximum
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: type_rank.g:5:31: error: rank 9 exceeds the maximum of 8
model m
input x : f32[1,1,1,1,1,1,1,1,1]
