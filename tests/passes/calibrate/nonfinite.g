# A tensor that becomes NaN or inf on a calibration sample is reported at
# the node that computes it.
# RUN: %python -c "import numpy as np; np.save('%t.npy', np.ones((2,1,4), dtype=np.float32))"
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.npy --emit=ir 2>&1
# CHECK: nonfinite.g:[[@LINE+4]]:1: error: 'd' is NaN or inf on sample 0 of {{.*}}t.npy
model nonfinite
input x : f32[1,4]
const z : f32[4] = [1, 0, 1, 1]
d = div(x, z)
output r = relu(d)
