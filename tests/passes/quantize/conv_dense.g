# conv2d and dense lower to qconv2d/qdense: symmetric per-channel weights
# (s_w = max|w|/127), i32 bias at s_x*s_w, Q31 multipliers
# s_x*s_w/s_y = mult/2^shift (1/127 = 1082196480/2^37), the fused relu as
# act_min = zp; flatten keeps its input's q; quantize/dequantize at the
# boundary; dense with trans_w=0 gets its weights transposed to [M,K].
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      input x : f32[1,1,2,2]{{$}}
# CHECK:      const w_q : i8[2,1,1,1] q(axis=0, scale=[0.00393700786,0.0157480314], zp=0) = [127, -127]
# CHECK-NEXT: const b_q : i32[2] q(axis=0, scale=[0.00196850393,0.00787401572], zp=0) = [508, -127]
# CHECK-NEXT: const w2_q : i8[3,8] q(axis=0, scale=[0.00787401572,0.00787401572,0.00787401572], zp=0) = [127, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 0, 0, 32]
# CHECK-NEXT: const w2_q_bias : i32[3] q(axis=0, scale=[0.00196850393,0.00196850393,0.00196850393], zp=0) = [0, 0, 0]
# CHECK:      x_q : i8[1,1,2,2] q(scale=0.5, zp=0) = quantize(x)
# CHECK-NEXT: c : i8[1,2,2,2] q(scale=0.25, zp=-10) = qconv2d(x_q, w_q, b_q, mult=[1082196480,1082196480], shift=[37,35], act_min=-10, act_max=127, acc_bound=[16764,16383])
# CHECK-NEXT: f : i8[1,8] q(scale=0.25, zp=-10) = flatten(c)
# CHECK-NEXT: y_q : i8[1,3] q(scale=0.125, zp=3) = qdense(f, w2_q, w2_q_bias, mult=[1082196480,1082196480,1082196480], shift=[36,36,36], act_min=-128, act_max=127, acc_bound=[17399,17399,21783])
# CHECK-NEXT: output y : f32[1,3] = dequantize(y_q)
# CHECK-NOT:  f32{{.*}}q(
model conv_dense
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
const w2 : f32[8,3] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25]
c : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w, b, act_min=0)
f : f32[1,8] q(scale=0.25, zp=-10, bits=8) = flatten(c)
output y : f32[1,3] q(scale=0.125, zp=3, bits=8) = dense(f, w2, trans_w=0)
