# relu after conv2d becomes the conv's clamp act_min=0; relu6 after dense
# becomes [0, 6]; the fused node keeps its name, except that a graph output
# keeps the output's name.
# RUN: %qcc %s --passes=fuse --emit=ir
# CHECK:      c : f32[1,2,2,2] = conv2d(x, w, act_min=0)
# CHECK-NEXT: f : f32[1,8] = flatten(c)
# CHECK-NEXT: output y : f32[1,3] = dense(f, w2, act_min=0, act_max=6)
# CHECK-NOT:  relu
model conv_relu
input x : f32[1,1,3,3]
const w : f32[2,1,2,2] = [1, -1, 0.5, 2, -1, 1, 1, -2]
const w2 : f32[3,8] = [1,0,0,0,0,0,0,0, 0,1,0,0,0,0,0,0, 0,0,1,0,0,0,0,1]
c = conv2d(x, w)
r = relu(c)
f = flatten(r)
d = dense(f, w2)
output y = relu6(d)
