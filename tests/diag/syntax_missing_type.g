# syntax error: an input needs a type
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: syntax_missing_type.g:5:8: error: expected ':' but found end of line
model m
input x
