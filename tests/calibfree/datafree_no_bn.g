# --range bn without data on a model without BatchNorm
# RUN-FAIL: %qcc %s --range bn -o %t.c 2>&1
# CHECK: qcc: error: --range bn without calibration data needs BatchNorm statistics, and 'm' has none: give --calib FILE.npy
model m
input x : f32[1,4]
const w : f32[2,4] = [1, 2, 3, 4, 5, 6, 7, 8]
output y = dense(x, w)
