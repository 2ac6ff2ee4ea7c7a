# a calibration set the model names but that is not there
# RUN-FAIL: %qcc %s -o %t.c 2>&1
# CHECK: error: {{.*}}no_such_calib.npy{{.*}}
model m
calib "no_such_calib.npy"
input x : f32[1,4]
const w : f32[2,4] = [1, 2, 3, 4, 5, 6, 7, 8]
output y = dense(x, w)
