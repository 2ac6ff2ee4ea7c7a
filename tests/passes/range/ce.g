# ce on the logits feeding a softmax: 300 rows of logits uniform in [-2, 2]
# and one logit of 60. minmax (and mse, for which the outlier's squared
# error dominates) keep [-2, 60], scale 0.24; ce cuts the outlier where the
# softmax no longer changes (near 10), for a scale below 0.1.
# RUN: %python -c "import numpy as np; r = np.random.default_rng(1); a = r.uniform(-2, 2, (300,1,4)).astype(np.float32); a[17,0,2] = 60; np.save('%t.npy', a)"
# RUN: %qcc %s --passes=observe,calibrate,range --calib %t.npy --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.24{{[0-9]+}}, zp=-120, bits=8)
# RUN: %qcc %s --passes=observe,calibrate,range --calib %t.npy --range=mse --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.24{{[0-9]+}}, zp=-120, bits=8)
# RUN: %qcc %s --passes=observe,calibrate,range --calib %t.npy --range=ce --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.0{{[0-9]+}}, zp={{-?[0-9]+}}, bits=8)
model ce
input x : f32[1,4]
output y = softmax(x)
