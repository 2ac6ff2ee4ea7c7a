# an attribute given twice
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_twice.g:6:20: error: attribute 'min' given twice
model m
input x : f32[1,4]
y = clip(x, min=0, min=1)
output y
