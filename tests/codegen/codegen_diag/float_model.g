# C generation needs a quantized model: a float model with nothing saying
# how to quantize it is an error naming the options, and no file is left
# behind.
# RUN-FAIL: %qcc %s -o %t.c 2>&1
# CHECK: qcc: error: '{{.*}}float_model.g' is a float model and nothing says how to quantize it: give --calib FILE.npy, name the calibration set in the model (calib "FILE.npy" in .g), or --range bn for data-free ranges (models with BatchNorm)
model float_model

input x : f32[1,4]
const w : f32[2,4] = [1, 2, 3, 4, 5, 6, 7, 8]

y = dense(x, w)
output y
