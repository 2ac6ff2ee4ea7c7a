# a weights tensor whose dtype differs from the declaration
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_dtype.g:7:20: error: '@q' in 'weights.safetensors' is i8[4], but the declaration says f32[4]
model m
weights "weights.safetensors"
input x : f32[4]
const q : f32[4] = @q
y = add(x, q)
output y
