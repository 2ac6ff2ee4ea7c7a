# syntax error: an unterminated string
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: syntax_unterminated.g:5:9: error: unterminated string
model m
weights "w.safetensors
