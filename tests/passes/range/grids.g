# The grid follows the options: --symmetric-acts gives zp 0 and
# scale max|x| / 127; --pow2-scales rounds the scale up to a power of two
# (4/255 -> 1/32, zp round(-128 + 32) = -96; 3/255 -> 1/64); 16-bit
# activations are symmetric: scale 3/32767.
# RUN: %qcc %s --passes=range --symmetric-acts --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.0236220472, zp=0, bits=8)
# CHECK: output r : f32[1,4] q(scale=0.0236220472, zp=0, bits=8) = relu(x)
# RUN: %qcc %s --passes=range --pow2-scales --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.03125, zp=-96, bits=8)
# CHECK: output r : f32[1,4] q(scale=0.015625, zp=-128, bits=8) = relu(x)
# RUN: %qcc %s --passes=range --act-bits 16 --emit=ir
# CHECK: input x : f32[1,4] q(scale=9.15555283e-05, zp=0, bits=16)
# CHECK: output r : f32[1,4] q(scale=9.15555283e-05, zp=0, bits=16) = relu(x)
model grids
input x : f32[1,4]
xo = observe(x, min=-1, max=3, count=4)
output r = relu(xo)
ro = observe(r, min=0, max=3, count=4)
