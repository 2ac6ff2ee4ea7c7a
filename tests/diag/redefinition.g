# a name defined twice
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: redefinition.g:7:1: error: redefinition of 'y'
model m
input x : f32[1,4]
y = relu(x)
y = relu(y)
output y
