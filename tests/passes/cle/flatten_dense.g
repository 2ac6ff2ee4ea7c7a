# conv -> relu -> flatten -> dense: channel c of the conv is the run of
# columns [c*4, c*4+4) of the dense weights. Ranges 1 | 4 and 4 | 1.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: const w1_cle : f32[2,1,1,1] = [2, 2]
# CHECK: const w2_cle : f32[1,8] = [2, -1, 0, 0, 1, 0.5, 0, -2]
# CHECK: c1 : f32[1,2,2,2] = conv2d(x, w1_cle, b1_cle, act_min=0)
model flatten_dense

input x : f32[1,1,2,2]

const w1 : f32[2,1,1,1] = [1, 4]
const b1 : f32[2] = [0.5, 2]
const w2 : f32[1,8] = [4, -2, 0, 0, 0.5, 0.25, 0, -1]

c1 = conv2d(x, w1, b1)
r1 = relu(c1)
f = flatten(r1)
output y = dense(f, w2)
