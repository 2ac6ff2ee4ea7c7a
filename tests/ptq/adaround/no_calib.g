# adaround learns from calibration data: without --calib it says so.
# RUN-FAIL: %qcc %s --passes=fuse,adaround --emit=ir 2>&1
# CHECK: qcc: error: adaround needs calibration data (--calib)
model no_calib

input x : f32[1,1,4,4]

const w : f32[2,1,1,1] = [1, 4]

output y = conv2d(x, w)
