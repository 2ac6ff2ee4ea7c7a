# Integer-op checks (ir/shape_q.c): qmax needs one multiplier per input.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qmax: mult must have 2 entries, got 1
model diag_qmax_mult
input a : i8[1,4] q(scale=0.1, zp=0)
input b : i8[1,4] q(scale=0.2, zp=3)
output y : i8[1,4] q(scale=0.1, zp=0) = qmax(a, b, mult=[1073741824], shift=[30])
