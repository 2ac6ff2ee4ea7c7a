# Negative: a conv output used twice, a relu after an op that has no clamp
# (maxpool2d), a mul, and clips whose interval would not meet the one already
# fused ([0, 6] then [7, 9]): nothing changes but the first relu6.
# RUN: %qcc %s --passes=fuse --emit=ir
# CHECK:      c : f32[1,1,2,2] = conv2d(x, w)
# CHECK-NEXT: r : f32[1,1,2,2] = relu(c)
# CHECK-NEXT: p : f32[1,1,1,1] = maxpool2d(c, kernel=[2,2])
# CHECK-NEXT: q : f32[1,1,1,1] = relu(p)
# CHECK-NEXT: m : f32[1,1,2,2] = mul(r, x)
# CHECK-NEXT: n : f32[1,1,2,2] = relu(m)
# CHECK-NEXT: d : f32[1,4] = dense(f, w2, act_min=0, act_max=6)
# CHECK-NEXT: output y : f32[1,4] = clip(d, min=7, max=9)
# CHECK-NEXT: output q
# CHECK-NEXT: output n
model not_fused
input x : f32[1,1,2,2]
input f : f32[1,4]
const w : f32[1,1,1,1] = [2]
const w2 : f32[4,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1]
c = conv2d(x, w)
r = relu(c)
p = maxpool2d(c, kernel=[2,2])
q = relu(p)
m = mul(r, x)
n = relu(m)
d = dense(f, w2)
e = relu6(d)
output y = clip(e, min=7, max=9)
output q
output n
