# a float inside an int list attribute
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_kind_ints.g:6:28: error: attribute 'kernel' of maxpool2d takes integers, got 2.5
model m
input x : f32[1,1,4,4]
y = maxpool2d(x, kernel=[2,2.5])
output y
