# zero weights, denormal weights, zero variance and non-finite values in a
# constant no node uses are legal
# RUN: %qcc %s --emit=ir 2>&1
# CHECK: const w : f32[2,2,1,1] = [0, 0, 1.40129846e-45, -0]
# CHECK-NOT: error
model m
input x : f32[1,2,2,2]
const w : f32[2,2,1,1] = [0, 0, 1.40129846e-45, -0]
const g : f32[2] = [1, 1]
const be : f32[2] = [0, 0]
const mu : f32[2] = [0, 0]
const var : f32[2] = [0, 0]
const unused : f32[2] = [nan, inf]
c = conv2d(x, w)
output y = batchnorm(c, g, be, mu, var)
