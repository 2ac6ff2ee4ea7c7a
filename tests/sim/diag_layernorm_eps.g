# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qlayernorm: eps -1 is out of range (0..2^60)
model diag_layernorm_eps
input x : i8[2,3] q(scale=0.1, zp=0)
output y : i8[2,3] q(scale=0.1, zp=0) = qlayernorm(x, eps=-1, mult=[1, 2, 3], shift=[1, 1, 1], bias=[0, 0, 0])
