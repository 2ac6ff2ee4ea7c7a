# --pow2-scales: weight scales rounded up to powers of two (0.5/127 -> 2^-7),
# activation scales too (0.3 -> 0.5, zp recomputed from the range's low end:
# -128 - (0.3 * (-128 - -10)) / 0.5 = -57.2 -> -57), so every multiplier
# is 2^30 / 2^shift: a plain rounding shift.
# RUN: %qcc %s --passes=quantize --pow2-scales --emit=ir
# CHECK:      const w_q : i8[2,1,1,1] q(axis=0, scale=[0.0078125,0.03125], zp=0) = [64, -64]
# CHECK-NEXT: const b_q : i32[2] q(axis=0, scale=[0.00390625,0.015625], zp=0) = [256, -64]
# CHECK:      c_q : i8[1,2,2,2] q(scale=0.5, zp=-57) = qconv2d(x_q, w_q, b_q, mult=[1073741824,1073741824], shift=[37,35], act_min=-57, act_max=-45, acc_bound=[8448,8256])
model pow2
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.3, zp=-10, bits=8) = conv2d(x, w, b, act_min=0, act_max=6)
