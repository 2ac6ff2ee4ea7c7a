# Two 1x1 convolutions joined by relu: channel 0 of c1 has range 1 and meets
# weight 4 in c2, channel 1 the reverse. s = [0.5, 2] equalizes both to 2.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: const w1_cle : f32[2,1,1,1] = [2, 2]
# CHECK: const b1_cle : f32[2] = [1, 1]
# CHECK: const w2_cle : f32[1,2,1,1] = [2, 2]
# CHECK: c1 : f32[1,2,4,4] = conv2d(x, w1_cle, b1_cle, act_min=0)
# CHECK: c2 : f32[1,1,4,4] = conv2d(c1, w2_cle, b2)
model pair

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [4, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
r1 = relu(c1)
output c2 = conv2d(r1, w2, b2)
