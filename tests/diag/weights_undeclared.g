# a tensor reference without a weights statement
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: weights_undeclared.g:6:22: error: '@w' needs a weights file; declare one with weights "FILE" before it
model m
input x : f32[2,3]
const w : f32[2,3] = @w
y = add(x, w)
output y
