# observe, calibrate and range together: data [[1,-2,0,3],[0.5,0,0,-4]]
# gives x in [-4, 3] (scale 7/255, zp round(-128 + 145.71) = 18) and r in
# [0, 3] (3/255, -128); no observer is left.
# RUN: %python -c "import numpy as np; np.save('%t.npy', np.array([[[1,-2,0,3]],[[0.5,0,0,-4]]], dtype=np.float32))"
# RUN: %qcc %s --passes=observe,calibrate,range --calib %t.npy --emit=ir
# CHECK: input x : f32[1,4] q(scale=0.0274509806, zp=18, bits=8)
# CHECK: output r : f32[1,4] q(scale=0.0117647061, zp=-128, bits=8) = relu(x)
# CHECK-NOT: observe
model pipeline
input x : f32[1,4]
output r = relu(x)
