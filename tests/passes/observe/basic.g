# Observers go on the input and on every node output with its own range;
# consumers read the observer; the graph output keeps its name.
# RUN: %qcc %s --passes=observe --emit=ir
# CHECK:      x_obs : f32[1,1,4,4] = observe(x)
# CHECK-NEXT: c1 : f32[1,2,4,4] = conv2d(x_obs, w1, b1, pad=[1,1,1,1])
# CHECK-NEXT: c1_obs : f32[1,2,4,4] = observe(c1)
# CHECK-NEXT: r1 : f32[1,2,4,4] = relu(c1_obs)
# CHECK-NEXT: r1_obs : f32[1,2,4,4] = observe(r1)
# CHECK-NEXT: p1 : f32[1,2,2,2] = maxpool2d(r1_obs, kernel=[2,2], stride=[2,2])
# CHECK-NEXT: f1 : f32[1,8] = flatten(p1)
# CHECK-NEXT: output y : f32[1,3] = dense(f1, w2)
# CHECK-NEXT: y_obs : f32[1,3] = observe(y)
# CHECK-NOT:  observe
model basic
input x : f32[1,1,4,4]
const w1 : f32[2,1,3,3] = [1,0,0, 0,1,0, 0,0,1, 0,0,0, 0,2,0, 0,0,0]
const b1 : f32[2] = [0.5, -0.5]
const w2 : f32[3,8] = [1,0,0,0,0,0,0,0, 0,1,0,0,0,0,0,0, 0,0,1,0,0,0,0,1]
c1 = conv2d(x, w1, b1, pad=[1,1,1,1])
r1 = relu(c1)
p1 = maxpool2d(r1, kernel=[2,2], stride=[2,2])
f1 = flatten(p1)
output y = dense(f1, w2)
