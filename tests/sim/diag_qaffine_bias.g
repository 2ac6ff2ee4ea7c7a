# Integer-op checks (ir/shape_reduce.c): qaffine takes one offset per
# channel, each within 2^60 so that the product plus it stays below 2^62.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qaffine: bias entry 1152921504606846977 is out of range (expected |bias| <= 2^60)
model diag_qaffine_bias
input x : i8[1,2,3] q(scale=0.1, zp=0)
output y : i8[1,2,3] q(scale=0.1, zp=0) = qaffine(x, mult=[1073741824,-5], shift=[30,2], bias=[0,1152921504606846977])
