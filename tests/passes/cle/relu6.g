# relu6 between the pair: after scaling channel c by f = [2, 0.5] its clamp
# would be 6 * f_c per channel, which conv2d cannot carry. cle keeps the
# loosest bound, 6 * max f = 12: values under a channel's own bound are
# unchanged, and nothing the original kept is clipped.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: c1 : f32[1,2,4,4] = conv2d(x, w1_cle, b1_cle, act_min=0, act_max=12)
model relu6

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [4, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
r1 = relu6(c1)
output c2 = conv2d(r1, w2, b2)
