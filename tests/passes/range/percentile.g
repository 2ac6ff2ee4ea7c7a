# percentile:P cuts |x| at its P-th percentile, interpolating inside a
# bin: 95% of [50, 30, 15, 5] over [0, 4] is reached at the end of bin 2,
# so the range is [0, 3] (scale 3/255); percentile:100 keeps [0, 4].
# RUN: %qcc %s --passes=range --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.0117647061, zp=-128, bits=8)
# CHECK: output r : f32[1,4] q(scale=0.0156862754, zp=-128, bits=8) = relu(x)
model percentile
input x : f32[1,4]
xo = observe(x, method="percentile:95", min=0, max=4, count=100, hist_hi=4, hist=[50,30,15,5])
output r = relu(xo)
ro = observe(r, method="percentile:100", min=0, max=4, count=100, hist_hi=4, hist=[50,30,15,5])
