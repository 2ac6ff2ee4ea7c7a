# a NaN conv weight is an error naming the constant and the element
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: nan_weight.g:7:7: error: constant 'w1' element 13 is nan
# CHECK-NOT: error
model m
input x : f32[1,2,3,3]
const w1 : f32[2,2,2,2] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, nan, 15, 16]
const b1 : f32[2] = [0, 0]
output y = conv2d(x, w1, b1)
