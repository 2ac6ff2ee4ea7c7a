# A sign whose every use reaches a weighted layer's input (here through
# max pooling and flatten) is a binary activation: q(scale=1, zp=0,
# bits=1), no observer. A sign with another use (s2, also added to c2)
# keeps its range to observe.
# RUN: %qcc %s --passes=observe --emit=ir
# CHECK:      s1 : f32[1,2,4,4] q(scale=1, zp=0, bits=1) = sign(c1_obs)
# CHECK-NEXT: p1 : f32[1,2,2,2] = maxpool2d(s1, kernel=[2,2], stride=[2,2])
# CHECK-NEXT: f1 : f32[1,8] = flatten(p1)
# CHECK-NEXT: c2 : f32[1,3] = dense(f1, w2)
# CHECK-NEXT: c2_obs : f32[1,3] = observe(c2)
# CHECK-NEXT: s2 : f32[1,3] = sign(c2_obs)
# CHECK-NEXT: s2_obs : f32[1,3] = observe(s2)
model binary_sign
input x : f32[1,1,4,4]
const w1 : f32[2,1,3,3] = [1,0,0, 0,1,0, 0,0,1, 0,0,0, 0,2,0, 0,0,0]
const b1 : f32[2] = [0.5, -0.5]
const w2 : f32[3,8] = [1,-1,1,1,1,1,1,1, 1,1,-1,1,1,1,1,1, 1,1,1,-1,1,1,1,1]
const w3 : f32[3,3] = [1,2,3, 4,5,6, 7,8,9]
c1 = conv2d(x, w1, b1, pad=[1,1,1,1])
s1 = sign(c1)
p1 = maxpool2d(s1, kernel=[2,2], stride=[2,2])
f1 = flatten(p1)
c2 = dense(f1, w2)
s2 = sign(c2)
d3 = dense(s2, w3)
output y = add(d3, s2)
