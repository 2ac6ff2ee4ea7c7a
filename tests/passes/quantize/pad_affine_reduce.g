# pad keeps its input's q (the declared one is replaced) and its constant
# becomes a code on that grid: 0.25 / 0.5 = 0.5 rounds half to even to 0,
# 100 / 0.5 saturates at 127. A batchnorm with nothing to fold into is a
# qaffine: channel 0 a = 1, b = 0.5 (mult 2 = 2^30 / 2^29, offset 2 codes
# = 2 * 2^29); channel 1 a = -1 (a negative mult), b = 100 + 1 = 101 (404
# codes = 404 * 2^29). The reductions: mean over 4 elements 0.5 / (0.25 *
# 4), sum_square 0.5^2 / 2.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      p1 : i8[1,2,3,2] q(scale=0.5, zp=0) = pad(x_q, pads=[0,0,1,0,0,0,0,0])
# CHECK-NEXT: p2 : i8[1,2,2,3] q(scale=0.5, zp=0) = pad(x_q, pads=[0,0,0,0,0,0,0,1], value=127)
# CHECK-NEXT: b : i8[1,2,2,2] q(scale=0.25, zp=-10) = qaffine(x_q, mult=[1073741824,-1073741824], shift=[29,29], bias=[1073741824,216895848448])
# CHECK-NEXT: r : i8[1,2] q(scale=0.25, zp=-10) = qreduce(x_q, fn=mean, axes=[-1,2], keepdims=0, mult=[1073741824], shift=[31])
# CHECK-NEXT: q : i8[1,2,2,1] q(scale=2, zp=-128) = qreduce(x_q, fn=sum_square, axes=[3], mult=[1073741824], shift=[33])
model pad_affine_reduce
input x : f32[1,2,2,2] q(scale=0.5, zp=0)
const s : f32[2] = [1, -2]
const o : f32[2] = [0.5, 100]
const m : f32[2] = [0, 1]
const v : f32[2] = [1, 4]
p1 : f32[1,2,3,2] q(scale=0.1, zp=3) = pad(x, pads=[0,0,1,0,0,0,0,0], value=0.25)
p2 : f32[1,2,2,3] q(scale=0.1, zp=3) = pad(x, pads=[0,0,0,0,0,0,0,1], value=100)
b : f32[1,2,2,2] q(scale=0.25, zp=-10) = batchnorm(x, s, o, m, v, epsilon=0)
r : f32[1,2] q(scale=0.25, zp=-10) = reduce(x, fn=mean, axes=[-1,2], keepdims=0)
q : f32[1,2,2,1] q(scale=2, zp=-128) = reduce(x, fn=sum_square, axes=[3])
output y : f32[1,2,2,2] q(scale=0.25, zp=-10) = add(b, x)
