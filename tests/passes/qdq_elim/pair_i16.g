# An int16 pair with zero point 0: x takes a 16-bit q (quantize makes it
# an i16 activation).
# RUN: %qcc %s --passes=qdq_elim --emit=ir
# CHECK:      input x : f32[1,4] q(scale=0.00100000005, zp=0, bits=16)
# CHECK-NOT:  quantize
# CHECK:      output y : f32[1,4] = relu(x)
model pair_i16
input x : f32[1,4]
xq : i16[1,4] q(scale=0.001, zp=0) = quantize(x)
xd = dequantize(xq)
output y = relu(xd)
