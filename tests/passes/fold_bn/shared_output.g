# Negative: the conv2d output is also used elsewhere (here a graph output),
# so folding would change that use; the graph stays as it is.
# RUN: %qcc %s --passes=fold_bn --emit=ir
# CHECK:      c : f32[1,1,2,2] = conv2d(x, w)
# CHECK-NEXT: output y : f32[1,1,2,2] = batchnorm(c, g, beta, m, v)
# CHECK-NEXT: output c
model shared_output
input x : f32[1,1,2,2]
const w : f32[1,1,1,1] = [2]
const g : f32[1] = [1]
const beta : f32[1] = [0]
const m : f32[1] = [0]
const v : f32[1] = [1]
c = conv2d(x, w)
output y = batchnorm(c, g, beta, m, v)
output c
