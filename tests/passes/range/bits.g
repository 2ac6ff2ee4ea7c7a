# An observer's bits (8 or 16) sets its tensor's grid; without it the
# tensor takes --act-bits: x on the 16-bit symmetric grid (scale
# 1/32767), r on the 8-bit one (3/255, zp -128), and the other way round.
# RUN: %qcc %s --passes=range --emit=ir
# CHECK: input x : f32[1,4] q(scale=3.05185094e-05, zp=0, bits=16)
# CHECK: output r : f32[1,4] q(scale=0.0117647061, zp=-128, bits=8) = relu(x)
# RUN: %qcc %s --passes=range --act-bits 16 --emit=ir
# CHECK: input x : f32[1,4] q(scale=3.05185094e-05, zp=0, bits=16)
# CHECK: output r : f32[1,4] q(scale=9.15555283e-05, zp=0, bits=16) = relu(x)
model bits
input x : f32[1,4]
xo = observe(x, bits=16, min=-1, max=1, count=4)
output r = relu(xo)
ro = observe(r, min=0, max=3, count=4)
