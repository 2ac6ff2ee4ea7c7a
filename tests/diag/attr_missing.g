# a required attribute left out
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: attr_missing.g:6:5: error: maxpool2d needs attribute 'kernel'
model m
input x : f32[1,1,4,4]
y = maxpool2d(x, stride=[2,2])
output y
