# Integer-op checks (ir/shape_q.c): qlayernorm has one mult, shift and
# bias per element of the normalized slice, and eps in 0..2^60.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qlayernorm: bias must have 3 entries, got 2
model diag_layernorm
input x : i8[2,3] q(scale=0.1, zp=0)
output y : i8[2,3] q(scale=0.1, zp=0) = qlayernorm(x, eps=0, mult=[1, 2, 3], shift=[1, 1, 1], bias=[0, 0])
