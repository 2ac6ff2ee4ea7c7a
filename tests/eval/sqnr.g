# SQNR and clipping on a known distribution. x is uniform on (-1, 1) and the
# test data is the calibration data: minmax clips nothing, and rounding
# noise of a step D = 2/255 (D^2/12) against a signal power of 1/3 gives
# SQNR = 20 log10(255) = 48.13 dB (+-0.08 for 25,600 samples). percentile:90 cuts |x| at 0.9: what lies
# beyond 0.9 plus half a step (0.9035) saturates, 9.65% of the values.
# The labels are arbitrary: only the format of the accuracy lines is checked.
# RUN: %python -c "import numpy as np; r = np.random.default_rng(0); np.save('%t.x.npy', r.uniform(-1, 1, (400,1,64)).astype(np.float32)); np.save('%t.y.npy', np.zeros(400, dtype=np.int64))"
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy
# CHECK:      model sqnr: 400 test samples, calibration {{.*}}t.x.npy
# CHECK-NEXT: range minmax, 8-bit asymmetric activations, 8-bit per-channel weights
# CHECK-NEXT: float accuracy: {{[0-9.]+}}% ({{[0-9]+}}/400)
# CHECK-NEXT: quantized accuracy: {{[0-9.]+}}% ({{[0-9]+}}/400)
# CHECK-NEXT: top-1 agreement: {{[0-9.]+}}% ({{[0-9]+}}/400)
# CHECK:      tensor op bits scale clipped SQNR dB
# CHECK-NEXT: x_q quantize 8 0.00784{{[0-9]*}} 0.000% {{48\.(0[5-9]|1[0-9]|2[01])}}
# CHECK-NEXT: h requantize 8 {{[0-9.]+}} 0.000%
# CHECK:      findings:
# CHECK-NEXT: none: no node falls below 20 dB SQNR, no channel quantizes to zero, no tensor clips more than 1% of its values
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy --range=percentile:90
# CHECK:      range percentile:90,
# CHECK:      x_q quantize 8 0.0070{{[0-9]*}} {{9\.[5-7][0-9]*}}%
# CHECK:      findings:
# CHECK:      x_q: {{9\.[5-7][0-9]*}}% of the values lie beyond the quantized range and saturate; a range estimator that clips less (--range-for x=minmax) keeps them
# RUN: %qcc eval %s --calib %t.x.npy --data %t.x.npy --labels %t.y.npy --range=percentile:90 --range-for x=minmax
# CHECK:      x_q quantize 8 0.00784{{[0-9]*}} 0.000%
model sqnr
input x : f32[1,64]
h = relu(x)
output y = add(h, x)
