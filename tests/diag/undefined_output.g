# marking an undefined value as output
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: undefined_output.g:6:8: error: use of undefined value 'nothing'
model m
input x : f32[1,4]
output nothing
