# A lowered graph with a tensor nothing reads (u): the C still computes it,
# so the memory plan gives it a buffer for its own step, and arenacheck
# must expect that step alone (codegen/dead_output/arena).
model dead_output
input x : f32[1,8,32]
xq : i8[1,8,32] q(scale=0.5, zp=3) = quantize(x)
u : i8[1,8,32] q(scale=0.5, zp=-2) = requantize(xq, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
y : i8[1,8,32] q(scale=0.5, zp=-2) = qadd(xq, xq, mult=[1073741824, 536870912], shift=[31], act_min=-128, act_max=127)
r : i8[1,8,32] q(scale=1, zp=1) = requantize(y, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
output o = dequantize(r)
