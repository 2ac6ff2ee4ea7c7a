# A sigmoid is not positively homogeneous (sigmoid(x / s) != sigmoid(x) / s),
# and neither is a clamp with a nonzero lower bound: no pair, no change.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK-NOT: _cle
# CHECK: s1 : f32[1,2,4,4] = sigmoid(c1)
# CHECK: c3 : f32[1,2,4,4] = conv2d(s1, w2, b2, act_min=-1, act_max=1)
model not_homogeneous

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[2,2,1,1] = [4, 1, 2, 3]
const b2 : f32[2] = [0.25, 0]
const w3 : f32[1,2,1,1] = [4, 1]

c1 = conv2d(x, w1, b1)
s1 = sigmoid(c1)
c3 = conv2d(s1, w2, b2)
r3 = clip(c3, min=-1, max=1)
output c4 = conv2d(r3, w3)
