# depthwise 3x3 -> pointwise: output channel c of the depthwise conv meets
# input channel c of the pointwise. Ranges 8 | 2 and 0.5 | 2 give
# s = [0.5, 2]: both channels end at range 4 and 1.
# RUN: %qcc %s --passes=fuse,cle --emit=ir
# CHECK: const dw_cle : f32[2,1,3,3] = [4, 0, 0, 0, 0, 0, 0, 0, 1, 0.25, 0, 0, 0, 0, 0, 0, 0, -1]
# CHECK: const db_cle : f32[2] = [2, 0.125]
# CHECK: const pw_cle : f32[1,2,1,1] = [4, 1]
# CHECK: d : f32[1,2,4,4] = conv2d(x, dw_cle, db_cle, pad=[1,1,1,1], groups=2, act_min=0)
model depthwise

input x : f32[1,2,4,4]

const dw : f32[2,1,3,3] = [8, 0, 0, 0, 0, 0, 0, 0, 2, 0.5, 0, 0, 0, 0, 0, 0, 0, -2]
const db : f32[2] = [4, 0.25]
const pw : f32[1,2,1,1] = [2, 0.5]

d = conv2d(x, dw, db, pad=[1,1,1,1], groups=2)
r = relu(d)
output p = conv2d(r, pw)
