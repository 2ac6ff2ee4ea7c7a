# Integer-op checks (ir/shape_q.c): weights must be symmetric.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: diag_weights_zp.g:[[@LINE+5]]:{{[0-9]+}}: error: qconv2d: weights 'w' must be symmetric (zp=0), channel 1 has zp=3
model diag_weights_zp
input x : i8[1,1,2,2] q(scale=0.1, zp=0)
const w : i8[2,1,1,1] q(axis=0, scale=[0.1,0.1], zp=[0,3]) = [1, 2]
const b : i32[2] = [0, 0]
output y : i8[1,2,2,2] q(scale=0.1, zp=0) = qconv2d(x, w, b, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
