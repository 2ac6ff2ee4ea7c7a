# Each activation has its own width (its q's bits): an integer op reads
# inputs of either width and writes its output's, the requantization
# between them in its multipliers: the 8-bit dense writes 16 bits, the
# relu requantizes 16 bits to 8, the add takes one of each.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      x_q : i8[1,4] q(scale=0.25, zp=0) = quantize(x)
# CHECK-NEXT: h : i16[1,3] q(scale=0.00100000005, zp=0) = qdense(x_q, w_q, w_q_bias, mult=[2113664900,2113664900,2113664900], shift=[30,30,30], act_min=-32768, act_max=32767,
# CHECK-NEXT: r : i8[1,3] q(scale=0.125, zp=-128) = requantize(h, mult=[1099511680], shift=[37], act_min=-128, act_max=127)
# CHECK-NEXT: y_q : i16[1,3] q(scale=9.99999975e-05, zp=0) = qadd(r, h, mult=[1310720033,10485761], shift=[20], act_min=-32768, act_max=32767)
model act_mixed
input x : f32[1,4] q(scale=0.25, zp=0, bits=8)
const w : f32[3,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0]
h : f32[1,3] q(scale=0.001, zp=0, bits=16) = dense(x, w)
r : f32[1,3] q(scale=0.125, zp=-128, bits=8) = relu(h)
output y : f32[1,3] q(scale=0.0001, zp=0, bits=16) = add(r, h)
