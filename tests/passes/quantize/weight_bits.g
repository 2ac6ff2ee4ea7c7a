# --weight-bits 4 and 2: i8 weights with bits=N, restricted range
# [-(2^(N-1)-1), 2^(N-1)-1], s_w = max|w| / (2^(N-1)-1).
# RUN: %qcc %s --passes=quantize --weight-bits 4 --emit=ir
# RUN: %qcc %s --passes=quantize --weight-bits 2 --emit=ir
# CHECK:      const w_q : i8[2,1,1,1] q(axis=0, scale=[0.0714285746,0.285714298], zp=0, bits=4) = [7, -7]
# CHECK-NEXT: const b_q : i32[2] q(axis=0, scale=[0.0357142873,0.142857149], zp=0) = [28, -7]
# CHECK:      qconv2d(x_q, w_q, b_q, mult=[1227133568,1227133568], shift=[33,31], act_min=-10, act_max=14, acc_bound=[924,903])
# CHECK:      const w_q : i8[2,1,1,1] q(axis=0, scale=[0.5,2], zp=0, bits=2) = [1, -1]
# CHECK-NEXT: const b_q : i32[2] q(axis=0, scale=[0.25,1], zp=0) = [4, -1]
# CHECK:      qconv2d(x_q, w_q, b_q, mult=[1073741824,1073741824], shift=[30,28], act_min=-10, act_max=14, acc_bound=[132,129])
model weight_bits
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w, b, act_min=0, act_max=6)
