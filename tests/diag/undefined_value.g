# use of a value that is never defined
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: undefined_value.g:6:12: error: use of undefined value 'z'
model m
input x : f32[1,4]
y = add(x, z)
output y
