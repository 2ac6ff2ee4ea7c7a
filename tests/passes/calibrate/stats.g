# Calibration records extremes, counts, exact zeros and a 2048-bin
# histogram whose span has 0 on a bin edge: [-4, 4] holds -4 in bin 0, -2 in
# bin 512, the zeros in bin 1024, 0.5 in 1152, 1 in 1280, 3 in 1792; ReLU's
# [0, 3] holds the zeros in bin 0, 0.5 in 341, 1 in 682 and 3 in the last.
# The non-empty bins are listed below as `bin+1:count`.
# RUN: %python -c "import numpy as np; np.save('%t.npy', np.array([[[1,-2,0,3]],[[0.5,0,0,-4]]], dtype=np.float32))"
# RUN: %qcc %s --passes=observe,calibrate --calib %t.npy --emit=ir -o %t.g
# RUN: grep -o 'observe(.*hist_hi=[^,]*' %t.g
# CHECK: observe(x, min=-4, max=3, count=8, zeros=3, hist_lo=-4, hist_hi=4
# CHECK: observe(r, min=0, max=3, count=8, zeros=5, hist_hi=3
# RUN: echo bins of x; grep '^x_obs' %t.g | sed 's/.*hist=\[//; s/\].*//' | tr , '\n' | grep -c .
# RUN: grep '^x_obs' %t.g | sed 's/.*hist=\[//; s/\].*//' | tr , '\n' | grep -n -v '^0$'
# CHECK-LABEL: bins of x
# CHECK-NEXT: 2048
# CHECK-NEXT: 1:1
# CHECK-NEXT: 513:1
# CHECK-NEXT: 1025:3
# CHECK-NEXT: 1153:1
# CHECK-NEXT: 1281:1
# CHECK-NEXT: 1793:1
# RUN: echo bins of r; grep '^r_obs' %t.g | sed 's/.*hist=\[//; s/\].*//' | tr , '\n' | grep -n -v '^0$'
# CHECK-LABEL: bins of r
# CHECK-NEXT: 1:5
# CHECK-NEXT: 342:1
# CHECK-NEXT: 683:1
# CHECK-NEXT: 2048:1
model stats
input x : f32[1,4]
output r = relu(x)
