# a weights tensor whose shape differs from the declaration
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_shape.g:7:22: error: '@w' in 'weights.safetensors' is f32[2,3], but the declaration says f32[3,2]
model m
weights "weights.safetensors"
input x : f32[3,2]
const w : f32[3,2] = @w
y = add(x, w)
output y
