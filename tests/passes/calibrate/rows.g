# For method=ce, the observer of a tensor feeding a softmax keeps the rows
# along the softmax axis (all of them while they fit); others keep none.
# RUN: %python -c "import numpy as np; np.save('%t.npy', np.array([[[1,2,3],[4,5,6]],[[-1,0,0.5],[7,8,9]]], dtype=np.float32))"
# RUN: %qcc %s --passes=observe,calibrate --range=ce --calib %t.npy --emit=ir
# CHECK: x_obs : f32[2,3] = observe(x, method=ce, {{.*}}, row_len=2, rows=[1,4,2,5,3,6,-1,7,0,8,0.5,9])
# CHECK: y_obs : f32[2,3] = observe(y, method=ce, min={{[^)]*}}])
# CHECK-NOT: rows=
model rows
input x : f32[2,3]
output y = softmax(x, axis=0)
