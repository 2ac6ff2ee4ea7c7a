# Where bias_correction does not apply the graph stays unchanged: without
# calibration data it needs the BatchNorm statistics (bn_beta/bn_gamma) of
# the layer feeding a layer, and c1 has none.
# RUN: grep -v "^#" %s > %t.want && %qcc %s --passes=bias_correction --emit=ir > %t.g && diff -u %t.want %t.g
model no_stats

input x : f32[1,1,4,4]

const w1 : f32[2,1,1,1] = [0.5, -0.25]
const w2 : f32[1,2,1,1] = [0.375, 0.75]

c1 : f32[1,2,4,4] = conv2d(x, w1, act_min=0)
output y : f32[1,1,4,4] = conv2d(c1, w2)
