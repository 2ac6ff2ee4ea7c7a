# an attribute value of the wrong kind
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_kind.g:6:25: error: attribute 'kernel' of maxpool2d takes a list of integers, got an integer
model m
input x : f32[1,1,4,4]
y = maxpool2d(x, kernel=2)
output y
