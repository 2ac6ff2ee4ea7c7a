# RUN-FAIL: %qcc %s --passes=range --emit=ir 2>&1
# CHECK: bad_method.g:[[@LINE+3]]:6: error: unknown range method 'maxx' (expected minmax, percentile:P, mse, kl, bn[:ALPHA], ce)
model bad_method
input x : f32[1,4]
xo = observe(x, method=maxx, min=0, max=1, count=4)
output r = relu(xo)
