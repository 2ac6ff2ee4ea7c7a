# Values that only move or select elements take their input's q.
# RUN: %qcc %s --passes=range --emit=ir
# CHECK: input x : f32[1,1,2,2] q(scale=0.0156862754, zp=-64, bits=8)
# CHECK: p : f32[1,1,1,1] q(scale=0.0156862754, zp=-64, bits=8) = maxpool2d(x, kernel=[2,2])
# CHECK: f : f32[1,1] q(scale=0.0156862754, zp=-64, bits=8) = flatten(p)
# CHECK: output y : f32[1,1] q(scale=0.0117647061, zp=-128, bits=8) = relu(f)
model views
input x : f32[1,1,2,2]
xo = observe(x, min=-1, max=3, count=4)
p = maxpool2d(xo, kernel=[2,2])
f = flatten(p)
output y = relu(f)
yo = observe(y, min=0, max=3, count=1)
