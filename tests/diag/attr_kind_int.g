# a float where an int attribute is expected
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_kind_int.g:6:21: error: attribute 'axis' of softmax takes an integer, got a number
model m
input x : f32[1,4]
y = softmax(x, axis=1.5)
output y
