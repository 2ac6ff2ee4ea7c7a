# No absorption into a zero-padded conv: at the borders the padding zeros
# would not carry the moved bias. The ranges are equal: nothing changes.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK-NOT: _cle
model absorb_padded

input x : f32[1,1,3,3]

const w1 : f32[2,1,1,1] = [1, 1]
const b1 : f32[2] = [5, 0.5]
const w2 : f32[1,2,3,3] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
const b2 : f32[1] = [0.25]

c1 = conv2d(x, w1, b1, bn_beta=[5,0], bn_gamma=[1,1])
r1 = relu(c1)
output y = conv2d(r1, w2, b2, pad=[1,1,1,1])
