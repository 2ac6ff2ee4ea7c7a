# two model statements
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: model_twice.g:5:7: error: the model is named twice
model m
model n
