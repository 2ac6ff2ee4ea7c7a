# The analytic correction reads the BatchNorm statistics of c1 through ops
# that keep each channel's mean (OPF_KEEPS_MEAN in ops.def: global_avgpool,
# flatten): the dense gets a bias, corrected.
# RUN: %qcc %s --passes=bias_correction --emit=ir
# CHECK: const w2_b_bc : f32[1] =
# CHECK: output y : f32[1,1] = dense(f, w2, w2_b_bc)
model through_pool

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [0.5, -0.25]
const w2 : f32[1,2] = [0.3, 0.7]

c1 : f32[1,2,4,4] = conv2d(x, w1, bn_beta=[1,2], bn_gamma=[0.5,1], act_min=0)
g : f32[1,2,1,1] = global_avgpool(c1)
f : f32[1,2] = flatten(g)
output y : f32[1,1] = dense(f, w2)
