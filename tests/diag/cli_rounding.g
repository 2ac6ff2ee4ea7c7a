# --rounding takes one of the three modes
# RUN-FAIL: %qcc %s --rounding=half --emit=ir 2>&1
# CHECK: qcc: error: --rounding must be away, even or double, got 'half'
model m
input x : f32[2,3]
output y = relu(x)
