# syntax error: a call without its closing parenthesis
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: syntax_missing_paren.g:6:11: error: expected '=', ')' or ',' but found end of line
model m
input x : f32[1,4]
y = relu(x
output y
