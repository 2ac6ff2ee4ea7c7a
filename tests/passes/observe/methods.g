# --range sets every observer's method; --range-for NAME=METHOD overrides
# it for one tensor (the last one naming it wins).
# RUN: %qcc %s --passes=observe --range=kl --range-for r=percentile:99.9 --range-for h=mse --range-for h=bn:3 --emit=ir
# CHECK: x_obs : f32[1,4] = observe(x, method=kl)
# CHECK: h_obs : f32[1,3] = observe(h, method="bn:3")
# CHECK: r_obs : f32[1,3] = observe(r, method="percentile:99.9")
# RUN: %qcc %s --passes=observe --range-for h=ce --emit=ir
# CHECK: x_obs : f32[1,4] = observe(x)
# CHECK: h_obs : f32[1,3] = observe(h, method=ce)
# CHECK: r_obs : f32[1,3] = observe(r)
model methods
input x : f32[1,4]
const w : f32[3,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0]
h = dense(x, w)
output r = relu(h)
