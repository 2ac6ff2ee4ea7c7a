# Channels already equal (ranges 2 and 2 on both sides): nothing changes.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK-NOT: _cle
# CHECK: c1 : f32[1,2,4,4] = conv2d(x, w1, b1, act_min=0, act_max=6)
model balanced

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [2, -2]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [-2, 2]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
r1 = relu6(c1)
output c2 = conv2d(r1, w2, b2)
