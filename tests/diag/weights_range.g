# an I64 weights value that does not fit i32
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_range.g:7:22: error: tensor 'big' in '{{.*}}weights.safetensors': I64 value 5000000000 does not fit in i32
model m
weights "weights.safetensors"
input x : f32[2]
const big : i32[2] = @big
output x
