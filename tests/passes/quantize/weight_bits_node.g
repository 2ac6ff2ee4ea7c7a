# weight_bits on a layer overrides --weight-bits for that layer only: c1
# gets 4-bit weights (bits=4, max|w| / 7), c2 the option's 8 bits, d 2 bits
# (max|w| / 1). The attribute ends with the float layer.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      const w1_q : i8[2,1,1,1] q(axis=0, scale=[0.0714285746,0.285714298], zp=0, bits=4) = [7, -7]
# CHECK:      const w2_q : i8[1,2,1,1] q(axis=0, scale=[0.00787401572], zp=0) = [127, -64]
# CHECK:      const w3_q : i8[2,4] q(axis=0, scale=[2,2], zp=0, bits=2) = [0, 0, 0, -1, 0, 0, 1, 0]
# CHECK-NOT:  weight_bits
model weight_bits_node
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w1 : f32[2,1,1,1] = [0.5, -2]
const w2 : f32[1,2,1,1] = [1, -0.5]
const w3 : f32[4,2] = [1, -1, 0.5, 0.25, 1, 2, -2, 0]
c1 : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w1, weight_bits=4)
c2 : f32[1,1,2,2] q(scale=0.25, zp=0, bits=8) = conv2d(c1, w2)
f : f32[1,4] q(scale=0.25, zp=0, bits=8) = flatten(c2)
output d : f32[1,2] q(scale=0.5, zp=0, bits=8) = dense(f, w3, trans_w=0, weight_bits=2)
