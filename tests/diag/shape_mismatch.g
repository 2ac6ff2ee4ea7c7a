# a declared type that shape inference contradicts
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: shape_mismatch.g:7:12: error: declared type f32[1,10] does not match inferred f32[1,16]
model m
input x : f32[1,4]
const w : f32[16,4] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
output y : f32[1,10] = dense(x, w)
