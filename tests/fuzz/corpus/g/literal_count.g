# a literal with fewer values than the type holds
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: literal_count.g:6:22: error: 3 values given but f32[2,2] needs 4
model m
input x : f32[1,4]
const b : f32[2,2] = [1, 2, 3]
output x
