# Requantizations landing exactly on ties, for every target's kernels: xq
# takes every int8 code; y = (xq - 3)/2 + (xq - 3)/4 - 2 and r = (y + 2)/2
# + 1 are halfway between two integers on a quarter of the codes, negative
# and positive, so a kernel that rounds a negative tie toward +inf instead
# of away from zero (docs/arith.md) differs from the simulator.
model ties
input x : f32[1,8,32]
xq : i8[1,8,32] q(scale=0.5, zp=3) = quantize(x)
y : i8[1,8,32] q(scale=0.5, zp=-2) = qadd(xq, xq, mult=[1073741824, 536870912], shift=[31], act_min=-128, act_max=127)
r : i8[1,8,32] q(scale=1, zp=1) = requantize(y, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
output o = dequantize(r)
