# A quantize -> dequantize pair: x takes the pair's q (uint8 zp 131 is int8
# zp 3), the relu reads x, and both nodes go.
# RUN: %qcc %s --passes=qdq_elim --emit=ir
# CHECK:      input x : f32[1,4] q(scale=0.5, zp=3, bits=8)
# CHECK-NOT:  quantize
# CHECK:      output y : f32[1,4] = relu(x)
model pair
input x : f32[1,4]
xq : u8[1,4] q(scale=0.5, zp=131) = quantize(x)
xd = dequantize(xq)
output y = relu(xd)
