# Max and average pooling are positively homogeneous per channel (OPF_POS_HOMOG
# in ops.def): the pair of pair.g still equalizes through them, with no
# activation between.
# RUN: %qcc %s --passes=cle --emit=ir
# CHECK: const w1_cle : f32[2,1,1,1] = [2, 2]
# CHECK: const b1_cle : f32[2] = [1, 1]
# CHECK: const w2_cle : f32[1,2,1,1] = [2, 2]
# CHECK: c1 : f32[1,2,4,4] = conv2d(x, w1_cle, b1_cle)
# CHECK: c2 : f32[1,1,1,1] = conv2d(a, w2_cle, b2)
model pools

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [4, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
m = maxpool2d(c1, kernel=[2,2], stride=[2,2])
a = avgpool2d(m, kernel=[2,2])
output c2 = conv2d(a, w2, b2)
