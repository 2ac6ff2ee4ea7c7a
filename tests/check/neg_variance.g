# a negative batchnorm variance is an error at the constant
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: neg_variance.g:11:7: error: constant 'var' element 1 is -0.5; a batchnorm variance cannot be negative
model m
input x : f32[1,2,2,2]
const w : f32[2,2,1,1] = [1, 0, 0, 1]
const g : f32[2] = [1, 1]
const be : f32[2] = [0, 0]
const mu : f32[2] = [0, 0]
# zero is a legal variance (epsilon keeps it apart from 0)
const var : f32[2] = [0, -0.5]
c = conv2d(x, w)
output y = batchnorm(c, g, be, mu, var)
