# 16-bit activations are i16 and symmetric: a range with a zero point is
# widened to max(|lo|, |hi|) / 32767 with zp 0 (here [lo, hi] =
# 0.001 * [-32768 + 100, 32767 + 100], so the scale is 0.001 * 32867 / 32767).
# RUN: %qcc %s --passes=quantize --act-bits 16 --emit=ir
# CHECK:      x_q : i16[1,1,2,2] q(scale=0.5, zp=0) = quantize(x)
# CHECK-NEXT: c_q : i16[1,2,2,2] q(scale=0.00100305188, zp=0) = qconv2d(x_q, w_q, b_q,
# CHECK-SAME: act_min=0, act_max=5982, acc_bound=[4162044,4161663])
# CHECK-NEXT: output c : f32[1,2,2,2] = dequantize(c_q)
model act16
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=16)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.001, zp=-100, bits=16) = conv2d(x, w, b, act_min=0, act_max=6)
