# A float tensor annotated with the q(...) it will be quantized with, as the
# range pass leaves it (f32 with bits=8 and bits=16): a fixed point.
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g && %qcc %t.g --emit=ir | diff -u %t.g -
model float_annotated

input x : f32[1,4] q(scale=0.0313725509, zp=-128, bits=8)

const w : f32[3,4] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

h : f32[1,3] q(scale=0.5, zp=3, bits=8) = dense(x, w, act_min=0)
output y : f32[1,3] q(scale=3.05175781e-05, zp=0, bits=16) = relu(h)
