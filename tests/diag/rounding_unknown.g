# a rounding mode that does not exist
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: rounding_unknown.g:5:10: error: unknown rounding 'nearest'; expected away, even or double
model m
rounding nearest
input x : f32[2,3]
output y = relu(x)
