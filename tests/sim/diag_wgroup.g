# Group-wise weight scales need packed weights (4 bits or fewer).
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: diag_wgroup.g:8:41: error: qdense: wgroup needs constant weights of 4 bits or fewer, got i8[2,16]
model diag_wgroup
input x : i8[1,16] q(scale=0.1, zp=0)
const w : i8[2,16] q(axis=0, scale=[0.1, 0.1], zp=0) = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
const b : i32[2] = [0, 0]
output y : i8[1,2] q(scale=0.1, zp=0) = qdense(x, w, b, mult=[1073741824], shift=[31], act_min=-128, act_max=127, wgroup=8, wgmult=[1, 2, 3, 4])
