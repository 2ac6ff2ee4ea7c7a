# A conv channel whose weights are scaled by 1e-7 (channel 1), and one of
# denormal weights (channel 2), beside normal biases: s_x * s_w is too
# small for the bias in int32, so their weight scales are raised until the
# bias fits (docs/arith.md, section 7) instead of an "accumulator may
# overflow" error. The generated C is bit-exact with `qcc run --calib`, and
# both stay close to the float model; denormal weights quantize to 0. Per
# tensor and with --pow2-scales (the raised scale a power of two) it compiles.
# RUN: %python -c "import numpy as np; r = np.random.default_rng(7); np.save('%T/c.npy', r.uniform(-1, 1, (16, 1, 2, 3, 3)).astype('f4')); np.save('%T/x.npy', r.uniform(-1, 1, (8, 1, 2, 3, 3)).astype('f4'))"
# RUN: %qcc %s --calib %T/c.npy -o %T/m.c
# RUN: cc -std=c99 -I%T -DQCC_MODEL_HEADER='"m.h"' %T/m.c %S/../../runtime_stub/qcc_npy_main.c -o %T/m
# RUN: %T/m %T/x.npy %T/y_c.npy
# RUN: %qcc run %s --calib %T/c.npy --input %T/x.npy --output %T/y_sim.npy
# RUN: %npycheck equal %T/y_c.npy %T/y_sim.npy
# RUN: %qcc run %s --input %T/x.npy --output %T/y_float.npy
# RUN: %npycheck close %T/y_sim.npy %T/y_float.npy --atol 0.02 --rtol 0
# RUN: %qcc %s --calib %T/c.npy --granularity per-tensor -o %T/t.c
# RUN: %qcc %s --calib %T/c.npy --pow2-scales -o %T/p.c
# RUN: %qcc %s --calib %T/c.npy --emit=ir
# CHECK: const w_q : i8[3,2,1,1] q(axis=0, scale=[0.00393700786,{{[^,]*}},{{[^]]*}}], zp=0) = [127, 0, {{-?[0-9]+}}, {{-?[0-9]+}}, 0, 0]
# CHECK-NOT: warning
model tiny
input x : f32[1,2,3,3]
const w : f32[3,2,1,1] = [0.5, 1e-40, 0.5e-7, -0.3e-7, 1e-40, -3e-41]
const b : f32[3] = [0.1, 0.2, -0.3]
c = conv2d(x, w, b)
output y = relu(c)
