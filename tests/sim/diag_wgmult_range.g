# A group multiplier above 4096 (a 4-bit weight times it leaves int16).
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: diag_wgmult_range.g:8:41: error: qdense: wgmult entry 4097 is out of range (expected 1..4096)
model diag_wgmult_range
input x : i8[1,16] q(scale=0.1, zp=0)
const w : i8[2,16] q(axis=0, scale=[0.1, 0.1], zp=0, bits=4) = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2]
const b : i32[2] = [0, 0]
output y : i8[1,2] q(scale=0.1, zp=0) = qdense(x, w, b, mult=[1073741824], shift=[31], act_min=-128, act_max=127, wgroup=8, wgmult=[1, 2, 4096, 4097])
