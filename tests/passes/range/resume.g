# Observations saved as .g text and read back give the same ranges as the
# pipeline run in one go (histogram-based kl and mse, percentile).
# RUN: %python -c "import numpy as np; r = np.random.default_rng(2); np.save('%t.npy', r.laplace(0, 1, (200,1,8)).astype(np.float32))"
# RUN: %qcc %s --passes=observe,calibrate --range=kl --range-for h=mse --range-for y=percentile:99 --calib %t.npy --emit=ir -o %t.cal.g
# RUN: %qcc %t.cal.g --passes=range --emit=ir > %t.a
# RUN: %qcc %s --passes=observe,calibrate,range --range=kl --range-for h=mse --range-for y=percentile:99 --calib %t.npy --emit=ir > %t.b
# RUN: diff %t.a %t.b
# RUN: cat %t.a
# CHECK: input x : f32[1,8] q(
# CHECK: h : f32[1,2] q(
# CHECK: output y : f32[1,2] q(
model resume
input x : f32[1,8]
const w : f32[2,8] = [1,1,0,0,0,0,0,0, 0,0,0,0,0,0,-1,2]
h = dense(x, w)
output y = relu(h)
