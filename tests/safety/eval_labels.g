# qcc eval takes labels that are class indices of the output: integers
# from 0 to (output elements - 1); 99, -1 and 0.5 are refused, naming the
# label, before anything runs.
# RUN: %python -c "import numpy as np; np.save('%t.x.npy', np.ones((3,1,4), np.float32)); np.save('%t.ok.npy', np.array([0,3,2])); np.save('%t.big.npy', np.array([0,99,1])); np.save('%t.neg.npy', np.array([0,1,-1])); np.save('%t.half.npy', np.array([0.5,1,2], np.float32)); np.save('%t.fok.npy', np.array([3,1,2], np.float32))"
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.big.npy 2>&1
# CHECK: qcc: error: {{.*}}t.big.npy: label 1 is 99; labels are class indices, integers from 0 to 3
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.neg.npy 2>&1
# CHECK-NEXT: qcc: error: {{.*}}t.neg.npy: label 2 is -1; labels are class indices, integers from 0 to 3
# RUN-FAIL: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.half.npy 2>&1
# CHECK-NEXT: qcc: error: {{.*}}t.half.npy: label 0 is 0.5; labels are class indices, integers from 0 to 3
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.ok.npy
# CHECK: float accuracy:
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.fok.npy
# CHECK: float accuracy:
model labels
input x : f32[1,4]
output r = relu(x)
