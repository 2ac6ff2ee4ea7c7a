# qcc eval checks its data before it runs anything.
# RUN: %python -c "import numpy as np; np.save('%t.x.npy', np.zeros((5,1,4), dtype=np.float32)); np.save('%t.y.npy', np.zeros(4, dtype=np.int64)); np.save('%t.bad.npy', np.zeros((5,3), dtype=np.float32))"
# RUN-FAIL: %qcc eval %s --data %t.x.npy --labels %t.y.npy 2>&1
# CHECK: qcc: error: qcc eval needs --calib FILE.npy
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --labels %t.y.npy 2>&1
# CHECK: qcc: error: qcc eval needs --data FILE.npy
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.x.npy 2>&1
# CHECK: qcc: error: qcc eval needs --labels FILE.npy
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy 2>&1
# CHECK: qcc: error: {{.*}}t.y.npy: expected 5 labels (one per sample), found shape with 4 elements
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.bad.npy --labels %t.y.npy 2>&1
# CHECK: qcc: error: {{.*}}t.bad.npy: each sample has 3 elements, input 'x' : f32[1,4] has 4
# RUN-FAIL: %qcc eval %s --calib %t.bad.npy --data %t.x.npy --labels %t.y.npy 2>&1
# CHECK: qcc: error: {{.*}}t.y.npy: expected 5 labels
model errors
input x : f32[1,4]
output r = relu(x)
