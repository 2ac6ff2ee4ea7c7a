# --passes=memplan prints the arena plan of a lowered graph: a and b are
# live together at step 1 (b is computed from a), c reuses a's bytes, and
# the output y is the caller's.
# RUN: %qcc %s --passes=memplan --emit=ir 2>&1
# CHECK: # arena 32 bytes, peak live 32 bytes, 3 buffers
# CHECK: #          0         16     0     1  a
# CHECK: #         16         16     1     2  b
# CHECK: #          0         16     2     3  c
model memplan_pass

input x : i8[1,16] q(scale=0.5, zp=0)
a : i8[1,16] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
b : i8[1,16] q(scale=0.5, zp=0) = requantize(a, mult=[1073741824], shift=[30], act_min=0, act_max=127)
c : i8[1,16] q(scale=0.5, zp=0) = requantize(b, mult=[1073741824], shift=[30], act_min=-128, act_max=100)
output y : i8[1,16] q(scale=0.5, zp=0) = requantize(c, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
