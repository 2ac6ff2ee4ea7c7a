# --weight-group 8 with 4-bit weights: per channel S = max|w| / 7, per
# group of 8 taps the multiplier r = round(256 * (max|w| of the group / 7)
# / S) in 1..256 and the weights rounded on the grid S r / 256; the
# weights' scale is S / 256 (that of w * r). Channel 0: groups of max 2
# and 0.5: S = 2/7, r = 256 and 64. Channel 1: one group of max 1.4.
# RUN: %qcc %s --passes=quantize --weight-bits 4 --weight-group 8 --emit=ir
# CHECK:      const w_q : i8[2,16] q(axis=0, scale=[0.00111607148,0.000781250012], zp=0, bits=4) = [7, -7, 4, 2, 0, 0, 0, 1, 7, -7, 4, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 5, -2, 0, 0, 0, 0, 0]
# CHECK:      qdense(x_q, w_q, w_q_bias, mult={{.*}}, wgroup=8, wgmult=[256,64,1,256])
model weight_group
input x : f32[1,16] q(scale=0.5, zp=0, bits=8)
const w : f32[2,16] = [2, -2, 1.2, 0.5, 0, 0, 0, 0.3, 0.5, -0.5, 0.3, 0.125, 0, 0, 0, 0.07, 0, 0, 0, 0, 0, 0, 0, 0, 1.4, 1, -0.4, 0, 0, 0, 0, 0]
output d : f32[1,2] q(scale=0.5, zp=0, bits=8) = dense(x, w)
