# A relu6 between the pair cannot stay a clamp at 6 once channels are
# rescaled (the bound would differ per channel): cle relaxes it to relu.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: c1 : f32[1,2,4,4] = conv2d(x, w1_cle, b1_cle, act_min=0)
# CHECK-NOT: act_max
model relu6

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,2,1,1] = [4, 1]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1)
r1 = relu6(c1)
output c2 = conv2d(r1, w2, b2)
