# A transpose moves channels: it is not channelwise homogeneous (not
# OPF_POS_HOMOG), so the convolutions around it are no pair and nothing
# changes.
# RUN: %qcc %s --passes=cle --emit=ir
# CHECK-NOT: _cle
# CHECK: output c2 : f32[1,1,4,4] = conv2d(t, w2, b2)
model transpose

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [4, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
t = transpose(c1, perm=[0,1,3,2])
output c2 = conv2d(t, w2, b2)
