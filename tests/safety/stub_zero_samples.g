# The installed harness runtime_stub/qcc_npy_main.c runs a batch of zero
# samples to an empty output of shape (0, ...) instead of dividing by zero,
# reports a write error on a (private) full device, and leaves the device
# in place.
# RUN: %python -c "import numpy as np; np.save('%T/c.npy', np.ones((4,1,3), np.float32)); np.save('%T/z.npy', np.ones((0,1,3), np.float32))"
# RUN: %qcc %s --calib %T/c.npy -o %T/m.c
# RUN: cc -std=c99 -I%T -DQCC_MODEL_HEADER='"m.h"' %T/m.c %S/../../runtime_stub/qcc_npy_main.c -o %T/m
# RUN: %T/m %T/z.npy %T/y.npy && %python -c "import numpy as np; a = np.load('%T/y.npy'); print('shape', a.shape, a.dtype)"
# CHECK: shape (0, 3) float32
# RUN: mknod %T/full c 1 7
# RUN-FAIL: %T/m %T/c.npy %T/full 2>&1
# CHECK-NEXT: qcc_npy_main: {{.*}}/full: cannot write
# RUN: test -c %T/full
model zero
input x : f32[1,3]
output y : f32[1,3] = relu(x)
