# too many inputs for a unary op
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: arity_exact.g:6:5: error: relu expects 1 input, got 2
model m
input x : f32[1,4]
y = relu(x, x)
output y
