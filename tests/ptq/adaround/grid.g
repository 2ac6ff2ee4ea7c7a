# After adaround every weight lies on quantize's 4-bit grid: one weight per
# channel is the channel's max |w| (scale = max / 7), and the lowered graph
# holds the integers. The largest weight of each channel keeps +-7.
# RUN: %qcc %s --calib %S/grid_calib.npy --weight-bits 4 --adaround --adaround-iters 20 --emit=ir
# CHECK: const w_ada_q : i8[2,1,3,3] q(axis=0, scale=[0.142857149,0.285714298], zp=0, bits=4) = [7,
# CHECK-SAME: , -7,
# CHECK: qconv2d(x_q, w_ada_q,
# grid_calib.npy: numpy default_rng(0).uniform(-1, 1, (16,1,4,4)) as float32
model grid

input x : f32[1,1,4,4]

const w : f32[2,1,3,3] = [1, 0.31, -0.52, 0.27, 0.66, -0.13, 0.05, 0.93, -0.4, -2, 0.7, 1.1, -0.35, 0.2, 0.9, -1.3, 0.45, 0.01]

output y = conv2d(x, w, pad=[1,1,1,1])
