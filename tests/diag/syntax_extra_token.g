# syntax error: a stray token after a statement
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: syntax_extra_token.g:6:13: error: expected end of line but found 'z'
model m
input x : f32[1,4]
y = relu(x) z
output y
