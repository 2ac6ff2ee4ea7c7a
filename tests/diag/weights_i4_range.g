# I8 data outside the range of a declared i4 tensor
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_i4_range.g:7:22: error: weights tensor element 0 is 100, out of range [-8, 7] for i4
model m
weights "weights.safetensors"
input x : f32[2]
const wide : i4[2] = @wide
output x
