# an op that ops.def does not have
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: unknown_op.g:6:5: error: unknown op 'frobnicate'
model m
input x : f32[1,4]
y = frobnicate(x)
output y
