# a weights file that does not exist
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_missing_file.g:7:22: error: cannot open weights file '{{.*}}no_such_file.safetensors': No such file or directory
model m
weights "no_such_file.safetensors"
input x : f32[2,3]
const w : f32[2,3] = @w
y = add(x, w)
output y
