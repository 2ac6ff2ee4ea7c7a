# An observer without observations is an error at its node.
# RUN-FAIL: %qcc %s --passes=range --emit=ir 2>&1
# CHECK: errors.g:[[@LINE+3]]:6: error: 'x' has no observations: run calibrate before range
model errors
input x : f32[1,4]
xo = observe(x)
output r = relu(xo)
