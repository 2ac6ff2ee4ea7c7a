# High-bias absorption: channel 0's BatchNorm statistics (beta 5, gamma 1)
# say its pre-activation stays above 5 - 3*1 = 2, so 2 leaves c1's bias and
# enters the dense bias through its weight (0.25 + 2 * 1). Channel 1
# (beta 0) keeps its bias. The ranges are already equal.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: const b1_cle : f32[2] = [3, 0.5]
# CHECK: const b2_cle : f32[1] = [2.25]
# CHECK: c1 : f32[1,2,1,1] = conv2d(x, w1, b1_cle, bn_beta=[3,0], bn_gamma=[1,1], act_min=0)
model absorb

input x : f32[1,1,1,1]

const w1 : f32[2,1,1,1] = [1, 1]
const b1 : f32[2] = [5, 0.5]
const w2 : f32[1,2] = [1, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1, bn_beta=[5,0], bn_gamma=[1,1])
r1 = relu(c1)
f = flatten(r1)
output y = dense(f, w2, b2)
