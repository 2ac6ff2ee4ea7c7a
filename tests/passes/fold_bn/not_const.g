# Negative: the batchnorm scale is a graph input, not a constant, and the
# second batchnorm follows a relu: neither folds.
# RUN: %qcc %s --passes=fold_bn --emit=ir
# CHECK:      c : f32[1,1,2,2] = conv2d(x, w)
# CHECK-NEXT: n : f32[1,1,2,2] = batchnorm(c, g, beta, m, v)
# CHECK-NEXT: r : f32[1,1,2,2] = relu(n)
# CHECK-NEXT: output y : f32[1,1,2,2] = batchnorm(r, beta, beta, m, v)
model not_const
input x : f32[1,1,2,2]
input g : f32[1]
const w : f32[1,1,1,1] = [2]
const beta : f32[1] = [0.5]
const m : f32[1] = [0]
const v : f32[1] = [1]
c = conv2d(x, w)
n = batchnorm(c, g, beta, m, v)
r = relu(n)
output y = batchnorm(r, beta, beta, m, v)
