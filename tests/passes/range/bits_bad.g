# An observer's bits other than 8 or 16 is an error at its node.
# RUN-FAIL: %qcc %s --passes=range --emit=ir 2>&1
# CHECK: bits_bad.g:[[@LINE+3]]:6: error: observe 'xo': bits must be 8 or 16, got 12
model bits_bad
input x : f32[1,4]
xo = observe(x, bits=12, min=-1, max=1, count=4)
output r = relu(xo)
