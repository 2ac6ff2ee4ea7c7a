# A dense with trans_w=0 keeps its float weights as [K, M]; quantize
# stores them per output channel as [M, K]. The weight row compares each
# integer with its own float: the columns here differ by 10x in
# magnitude, so comparing [M, K] with [K, M] element by element would show
# clipping and a negative SQNR. Per-channel 8-bit rounding of these values
# loses little: nothing clips and the SQNR is above 40 dB.
# RUN: %python -c "import numpy as np; r = np.random.default_rng(0); np.save('%t.x.npy', r.uniform(-1, 1, (64,4)).astype(np.float32)); np.save('%t.y.npy', np.zeros(64, dtype=np.int64))"
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy
# CHECK:      tensor op bits scale clipped SQNR dB
# CHECK:      w_q weight 8 per-channel 0.000% {{(4[0-9]|5[0-9])\.[0-9]+}}
model weights_kxm
input x : f32[4]
const w : f32[4,4] = [0.3, 3, -30, 0.003, -0.2, 2.5, 20, -0.001, 0.1, -1, 11, 0.002, -0.05, 0.7, -25, 0.0025]
x2 = reshape(x, shape=[1,4])
output y = dense(x2, w, trans_w=0)
