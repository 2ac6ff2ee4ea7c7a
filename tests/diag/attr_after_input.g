# a positional input after an attribute
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_after_input.g:6:20: error: input 'x' after an attribute; inputs come first
model m
input x : f32[1,4]
y = clip(x, min=0, x)
output y
