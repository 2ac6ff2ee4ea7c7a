# A binary weight type (bits=1) holds -1 and +1 only.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: weight_bits_binary_zero.g:7:68: error: value 0 in a binary type (bits=1): expected -1 or 1
model weight_bits_binary_zero
input x : i8[1,4] q(scale=0.1, zp=0)
const w : i8[2,4] q(axis=0, scale=[0.1, 0.1], zp=0, bits=1) = [1, -1, 1, 1,
                                                               -1, 0, 1, 1]
const b : i32[2] = [0, 0]
output y : i8[1,2] q(scale=0.1, zp=0) = qdense(x, w, b, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
