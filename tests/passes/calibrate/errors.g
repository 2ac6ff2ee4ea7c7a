# Calibration data that does not fit the model is reported, not run.
# RUN-FAIL: %qcc %s --passes=observe,calibrate --emit=ir 2>&1
# CHECK: qcc: error: calibrate needs calibration data: --calib FILE.npy
# RUN: %python -c "import numpy as np; np.save('%t.shape.npy', np.zeros((3,5), dtype=np.float32))"
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.shape.npy --emit=ir 2>&1
# CHECK: qcc: error: {{.*}}t.shape.npy: samples of shape [5] (5 elements) do not match input 'x' : f32[1,4] (4 elements)
# RUN: %python -c "import numpy as np; a = np.zeros((3,1,4), dtype=np.float32); a[1,0,2] = np.nan; np.save('%t.nan.npy', a)"
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.nan.npy --emit=ir 2>&1
# CHECK: qcc: error: {{.*}}t.nan.npy: sample 1 contains NaN
# RUN: %python -c "import numpy as np; a = np.zeros((3,4), dtype=np.float32); a[2,3] = -np.inf; np.save('%t.inf.npy', a)"
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.inf.npy --emit=ir 2>&1
# CHECK: qcc: error: {{.*}}t.inf.npy: sample 2 contains inf
# RUN: %python -c "import numpy as np; np.save('%t.none.npy', np.zeros((0,4), dtype=np.float32))"
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.none.npy --emit=ir 2>&1
# CHECK: qcc: error: {{.*}}t.none.npy: no samples (shape [0,4]), expected samples along the first axis
# RUN: : > %t.empty.npy
# RUN-FAIL: %qcc %s --passes=observe,calibrate --calib %t.empty.npy --emit=ir 2>&1
# CHECK: qcc: error: {{.*}}t.empty.npy: empty file, expected a .npy array of samples
model errors
input x : f32[1,4]
output r = relu(x)
