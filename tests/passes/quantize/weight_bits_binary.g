# --weight-bits 1: binary weights, w_q = sign(w) (+1 for 0) with bits=1,
# and per channel the scale mean |w| that minimises sum (w - s w_q)^2
# (channel 0: (0.5 + 0.25 + 0 + 1) / 4; channel 1: 2).
# RUN: %qcc %s --passes=quantize --weight-bits 1 --emit=ir
# CHECK:      const w_q : i8[2,1,2,2] q(axis=0, scale=[0.4375,2], zp=0, bits=1) = [1, -1, 1, -1, 1, -1, -1, 1]
# CHECK:      qconv2d(x_q, w_q, b_q,
model weight_bits_binary
input x : f32[1,1,3,3] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,2,2] = [0.5, -0.25, 0, -1, 2, -2, -2, 2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w, b)
