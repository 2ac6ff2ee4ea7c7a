# C generation needs a quantized model: a float op is an error, and no file
# is left behind.
# RUN-FAIL: %qcc %s -o %t.c 2>&1
# CHECK: float_model.g:[[@LINE+6]]:5: error: integer-only C cannot compute the float dense 'y'; quantize the model with --calib (an op that cannot be lowered stays float)
model float_model

input x : f32[1,4]
const w : f32[2,4] = [1, 2, 3, 4, 5, 6, 7, 8]

y = dense(x, w)
output y
