# a declared element type that shape inference contradicts
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: elem_mismatch.g:6:5: error: declared type i8[1,4] does not match inferred f32[1,4]
model m
input x : f32[1,4]
y : i8[1,4] = relu(x)
output y
