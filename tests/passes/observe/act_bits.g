# --act-bits BITS=NAME,... gives the named tensors' observers that width
# (the last one naming a tensor wins); the others keep --act-bits.
# RUN: %qcc %s --passes=observe --act-bits 16=h,r --act-bits 8=r --emit=ir
# CHECK: x_obs : f32[1,4] = observe(x)
# CHECK: h_obs : f32[1,3] = observe(h, bits=16)
# CHECK: r_obs : f32[1,3] = observe(r, bits=8)
# RUN: %qcc %s --passes=observe --act-bits 16 --act-bits 8=x --emit=ir
# CHECK: x_obs : f32[1,4] = observe(x, bits=8)
# CHECK: h_obs : f32[1,3] = observe(h)
model act_bits
input x : f32[1,4]
const w : f32[3,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0]
h = dense(x, w)
output r = relu(h)
