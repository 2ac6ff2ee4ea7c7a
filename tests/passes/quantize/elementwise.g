# The other integer ops: add/sub share one shift (sub negates mult[1]), mul,
# a constant operand quantized min-max per tensor ([-1, 3] -> s = 4/255,
# zp = -64), maxpool keeping its input's q, avgpool with one multiplier per
# window count (2/c), global pool (2/4), concat requantizing each input,
# softmax to the fixed q(1/256, -128) with its exp table (65536 e^{-2d}), and
# sigmoid as a 256-entry table (sigmoid(2q) on the grid 1/128 - 1: -64 at q=0).
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      const k_q : i8[1,2,1,1] q(scale=0.0156862754, zp=-64) = [-128, 127]
# CHECK:      s : i8[1,2,2,2] q(scale=1, zp=-128) = qadd(a_q, b_q, mult=[1073741824,536870912], shift=[31], act_min=-128, act_max=127)
# CHECK-NEXT: d : i8[1,2,2,2] q(scale=0.5, zp=0) = qadd(s, b_q, mult=[1073741824,-268435456], shift=[29], act_min=-128, act_max=127)
# CHECK-NEXT: m : i8[1,2,2,2] q(scale=2, zp=0) = qmul(d, k_q, mult=[1077952640], shift=[38], act_min=-128, act_max=127)
# CHECK-NEXT: p : i8[1,2,1,1] q(scale=2, zp=0) = qmaxpool2d(m, kernel=[2,2])
# CHECK-NEXT: v : i8[1,2,1,1] q(scale=1, zp=0) = qavgpool2d(m, kernel=[2,2], stride=[2,2], pad=[0,0,1,1], mult=[1073741824,1073741824,1431655765,1073741824], shift=[29,30,31,31])
# CHECK-NEXT: g : i8[1,2,1,1] q(scale=1, zp=0) = qglobal_avgpool(m, mult=[1073741824], shift=[31])
# CHECK-NEXT: c : i8[1,6,1,1] q(scale=2, zp=0) = qconcat(p, v, g, axis=1, mult=[1073741824,1073741824,1073741824], shift=[30,31,31])
# CHECK-NEXT: f : i8[1,6] q(scale=2, zp=0) = flatten(c)
# CHECK-NEXT: y_q : i8[1,6] q(scale=0.00390625, zp=-128) = qsoftmax(f, table=[65536,8869,1200,162,22,3,0,
# CHECK-NEXT: output y : f32[1,6] = dequantize(y_q)
# CHECK-NEXT: z_q : i8[1,6] q(scale=0.0078125, zp=-128) = qlut(f, table=[-128,
# CHECK-SAME: -128,-126,-113,-64,-15,-2,0,0,
# CHECK-NEXT: output z : f32[1,6] = dequantize(z_q)
model elementwise
input a : f32[1,2,2,2] q(scale=0.5, zp=0, bits=8)
input b : f32[1,2,2,2] q(scale=0.25, zp=4, bits=8)
const k : f32[1,2,1,1] = [-1, 3]
s : f32[1,2,2,2] q(scale=1, zp=-128, bits=8) = add(a, b, act_min=0)
d : f32[1,2,2,2] q(scale=0.5, zp=0, bits=8) = sub(s, b)
m : f32[1,2,2,2] q(scale=2, zp=0, bits=8) = mul(d, k)
p : f32[1,2,1,1] q(scale=2, zp=0, bits=8) = maxpool2d(m, kernel=[2,2])
v : f32[1,2,1,1] q(scale=1, zp=0, bits=8) = avgpool2d(m, kernel=[2,2], stride=[2,2], pad=[0,0,1,1])
g : f32[1,2,1,1] q(scale=1, zp=0, bits=8) = global_avgpool(m)
c : f32[1,6,1,1] q(scale=2, zp=0, bits=8) = concat(p, v, g, axis=1)
f : f32[1,6] q(scale=2, zp=0, bits=8) = flatten(c)
output y : f32[1,6] q(scale=0.0078125, zp=-128, bits=8) = softmax(f)
output z : f32[1,6] q(scale=0.0078125, zp=-128, bits=8) = sigmoid(f)
