# bn: beta +- alpha*|gamma| over the channels of the conv2d/dense that
# produced the tensor, through its fused clamp; no calibration needed.
# bn (alpha 6) with relu fused: [max(0, -5.5), 6.5] -> scale 6.5/255;
# bn:2 on the relu output of an unfused dense: [-1.5, 2.5] cut to [0, 2.5];
# without BatchNorm statistics bn falls back to minmax ([-1, 3]).
# RUN: %qcc %s --passes=range --emit=ir
# CHECK: input x : f32[1,2] q(scale=0.0156862754, zp=-64, bits=8)
# CHECK: h : f32[1,2] q(scale=0.0254901964, zp=-128, bits=8) = dense(x, w, bn_beta=[0.5,-1], bn_gamma=[1,0.25], act_min=0)
# CHECK: r : f32[1,2] q(scale=0.00980392192, zp=-128, bits=8) = relu(g)
# CHECK-NOT: observe
model bn
input x : f32[1,2]
const w : f32[2,2] = [1, 0, 0, 1]
xo = observe(x, method=bn, min=-1, max=3, count=4)
h = dense(xo, w, bn_beta=[0.5, -1], bn_gamma=[1, 0.25], act_min=0)
ho = observe(h, method=bn)
g = dense(ho, w, bn_beta=[0.5, -1], bn_gamma=[1, -0.25])
output r = relu(g)
ro = observe(r, method="bn:2")
