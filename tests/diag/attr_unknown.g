# an attribute the op does not have
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_unknown.g:6:32: error: maxpool2d has no attribute 'strides'; it has kernel, stride, pad, dilation, ceil_mode
model m
input x : f32[1,1,4,4]
y = maxpool2d(x, kernel=[2,2], strides=[2,2])
output y
