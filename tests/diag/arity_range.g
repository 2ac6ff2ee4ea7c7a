# too few inputs for an op with optional ones
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: arity_range.g:6:5: error: conv2d expects 2 to 3 inputs, got 1
model m
input x : f32[1,1,4,4]
y = conv2d(x)
output y
