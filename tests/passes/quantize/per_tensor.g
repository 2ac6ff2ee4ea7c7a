# --granularity per-tensor: one weight scale max|w|/127 for the tensor
# (0.5 -> 31.75 -> 32), one multiplier; relu6 becomes act_max = zp + 6/s_y.
# The graph output keeps its name through dequantize.
# RUN: %qcc %s --passes=quantize --granularity per-tensor --emit=ir
# CHECK:      const w_q : i8[2,1,1,1] q(scale=0.0157480314, zp=0) = [32, -127]
# CHECK-NEXT: const b_q : i32[2] q(scale=0.00787401572, zp=0) = [127, -127]
# CHECK:      c_q : i8[1,2,2,2] q(scale=0.25, zp=-10) = qconv2d(x_q, w_q, b_q, mult=[1082196480], shift=[35], act_min=-10, act_max=14, acc_bound=[4223,16383])
# CHECK-NEXT: output c : f32[1,2,2,2] = dequantize(c_q)
model per_tensor
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w, b, act_min=0, act_max=6)
