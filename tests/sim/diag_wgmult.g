# One group multiplier per channel and group, each in 1..4096.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: diag_wgmult.g:8:41: error: qdense: wgmult must have 4 entries (2 channels x 2 groups), got 3
model diag_wgmult
input x : i8[1,16] q(scale=0.1, zp=0)
const w : i8[2,16] q(axis=0, scale=[0.1, 0.1], zp=0, bits=4) = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2]
const b : i32[2] = [0, 0]
output y : i8[1,2] q(scale=0.1, zp=0) = qdense(x, w, b, mult=[1073741824], shift=[31], act_min=-128, act_max=127, wgroup=8, wgmult=[1, 2, 3])
