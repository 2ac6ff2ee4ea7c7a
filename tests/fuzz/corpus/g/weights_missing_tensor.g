# a tensor the weights file does not hold
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_missing_tensor.g:7:22: error: no tensor 'conv1.weight' in weights file '{{.*}}weights.safetensors'
model m
weights "weights.safetensors"
input x : f32[2,3]
const w : f32[2,3] = @conv1.weight
y = add(x, w)
output y
