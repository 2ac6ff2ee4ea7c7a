# a variadic op with no input
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: arity_variadic.g:6:5: error: concat expects at least 1 input, got 0
model m
input x : f32[1,4]
y = concat(axis=0)
output y
