# something other than q(...) after a type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: type_not_q.g:5:17: error: expected 'q(...)' or the end of the type but found 'r'
model m
input x : i8[4] r(scale=1)
