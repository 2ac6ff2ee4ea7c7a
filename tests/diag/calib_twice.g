# two calibration sets
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: calib_twice.g:6:7: error: a second calibration file; a model has at most one
model m
calib "a.npy"
calib "b.npy"
input x : f32[2,3]
output y = relu(x)
