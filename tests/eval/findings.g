# The findings after the table say where the signal is lost and why. h's
# channels 0 and 1 reach 100 and channels 2 and 3 only 0.01: one
# per-tensor scale (100/255) puts the small ones within half a step
# (0.196) of zero, and y, which reads only them, is left with nothing
# (SQNR 0 dB against 55 dB at its input).
# RUN: %python -c "import numpy as np; r = np.random.default_rng(0); np.save('%t.x.npy', r.uniform(0, 1, (200,1,2)).astype(np.float32)); np.save('%t.y.npy', np.zeros(200, dtype=np.int64))"
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy
# CHECK:      tensor op bits scale clipped SQNR dB local dB
# CHECK:      h qdense 8 0.391{{[0-9]*}} 0.000% {{5[45]\.[0-9]+}} {{5[45]\.[0-9]+}}
# CHECK:      y_q qdense 8 {{[0-9.]+}} 0.000% 0.00 0.00
# CHECK:      findings:
# CHECK-NEXT: 1. the largest loss: y_q (qdense) has SQNR 0.00 dB against {{5[45]\.[0-9]+}} dB at its input h (0.00 dB alone on the float network's values rounded to their grids); 2 channels of h quantize to zero (below)
# CHECK-NEXT: 2. h: 2 of 4 channels stay within half a step (0.196) of zero and quantize to zero; the channels' largest |x| range from 0.00{{[0-9]+}} to {{99\.[0-9]+}}, more than one per-tensor scale can hold. --cle equalizes the channels of the layers around it
# CHECK-NOT:  3.
model findings
input x : f32[1,2]
const w1 : f32[4,2] = [100, 0, 0, 100, 0.01, 0, 0, 0.01]
h = dense(x, w1)
r = relu(h)
const w2 : f32[2,4] = [0, 0, 100, 0, 0, 0, 0, 100]
output y = dense(r, w2)
