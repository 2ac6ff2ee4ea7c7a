# Unknown methods and malformed or misdirected --range-for are errors.
# RUN-FAIL: %qcc %s --passes=observe --range=maxx --emit=ir 2>&1
# CHECK: qcc: error: unknown range method 'maxx' (expected minmax, percentile:P, mse, kl, bn[:ALPHA], ce)
# RUN-FAIL: %qcc %s --passes=observe --range=percentile:120 --emit=ir 2>&1
# CHECK: qcc: error: unknown range method 'percentile:120'
# RUN-FAIL: %qcc %s --passes=observe --range-for h --emit=ir 2>&1
# CHECK: qcc: error: --range-for expects NAME=METHOD, got 'h'
# RUN-FAIL: %qcc %s --passes=observe --range-for h=foo --emit=ir 2>&1
# CHECK: qcc: error: --range-for h=foo: unknown range method 'foo'
# RUN-FAIL: %qcc %s --passes=observe --range-for nosuch=kl --emit=ir 2>&1
# CHECK: qcc: error: --range-for nosuch=kl: the model has no value 'nosuch'
# RUN-FAIL: %qcc %s --passes=observe --range-for f=kl --emit=ir 2>&1
# CHECK: qcc: error: --range-for f=kl: 'f' is not an f32 tensor with its own range
# RUN-FAIL: %qcc %s --passes=observe --range-for w=kl --emit=ir 2>&1
# CHECK: qcc: error: --range-for w=kl: 'w' is not an f32 tensor with its own range
model bad_method
input x : f32[1,4]
const w : f32[3,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0]
h = dense(x, w)
output f = flatten(h)
