# --adaround-iters takes a positive count.
# RUN-FAIL: %qcc %s --adaround --adaround-iters 0 --emit=ir 2>&1
# CHECK: qcc: error: --adaround-iters must be at least 1, got 0
model bad_iters

input x : f32[1,1,4,4]

const w : f32[2,1,1,1] = [1, 4]

output y = conv2d(x, w)
