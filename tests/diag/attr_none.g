# an attribute on an op without attributes
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_none.g:6:13: error: relu has no attributes, got 'alpha'
model m
input x : f32[1,4]
y = relu(x, alpha=1)
output y
