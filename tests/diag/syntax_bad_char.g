# syntax error: a character outside the language
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: syntax_bad_char.g:6:13: error: unexpected character '$'
model m
input x : f32[1,4]
y = relu(x) $
