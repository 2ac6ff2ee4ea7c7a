# Calibration on several threads observes exactly what one thread does:
# extremes, counts, zeros and histograms of 37 samples, split unevenly over
# 2, 3 and 8 threads or as QCC_JOBS says, equal --jobs 1's; with --range=ce
# the reservoir of softmax rows too (that sweep runs on one thread).
# RUN: %python -c "import numpy as np; r = np.random.RandomState(1); a = r.randn(37, 4, 6).astype(np.float32); a[5] = 0; a[30, 1] = -0.0; np.save('%t.npy', a)"
# RUN: for j in 1 2 3 8; do %qcc %s --passes=observe,calibrate --calib %t.npy --jobs $j --emit=ir -o %t.$j.g || exit 1; done
# RUN: QCC_JOBS=2 %qcc %s --passes=observe,calibrate --calib %t.npy --emit=ir -o %t.e.g
# RUN: %qcc %s --passes=observe,calibrate --calib %t.npy --emit=ir -o %t.d.g
# RUN: grep -v '^weights ' %t.1.g > %t.one; for j in 2 3 8 e d; do grep -v '^weights ' %t.$j.g | cmp %t.one - && cmp %t.1.safetensors %t.$j.safetensors || exit 1; done
# RUN: for j in 1 3; do %qcc %s --passes=observe,calibrate --range=ce --calib %t.npy --jobs $j --emit=ir -o %t.ce$j.g || exit 1; done
# RUN: grep -v '^weights ' %t.ce1.g > %t.ce; grep -v '^weights ' %t.ce3.g | cmp %t.ce - && cmp %t.ce1.safetensors %t.ce3.safetensors
# RUN: grep -o 'observe(r, min=[^,]*, max=[^,]*, count=[0-9]*, zeros=[0-9]*' %t.1.g; grep -c 'hist=\[' %t.1.g; grep -c 'rows=\[' %t.ce1.g
# CHECK: observe(r, min=0, max=7.93039274, count=740, zeros=394
# CHECK-NEXT: 4
# CHECK-NEXT: 1
# A bad thread count is refused before anything runs.
# RUN-FAIL: %qcc %s --calib %t.npy --jobs 0 -o %t.c 2>&1
# CHECK: qcc: error: --jobs must be at least 1, got 0
# RUN-FAIL: QCC_JOBS=many %qcc %s --calib %t.npy -o %t.c 2>&1
# CHECK: qcc: error: QCC_JOBS expects an integer, got 'many'
# RUN-FAIL: %qcc %s --calib %t.npy --jobs 100000 -o %t.c 2>&1
# CHECK: qcc: error: --jobs must be between 1 and 256, got 100000
model jobs
input x : f32[4,6]
const w : f32[6,5] = [0.5, -1, 0.25, 2, -0.75, 1, 0.5, -0.5, 0.125, 1.5, -1.25, 0.75, 0.3, -0.2, 0.9, 1.1, -0.4, 0.6, -0.8, 0.05, 0.7, -1.5, 0.35, -0.65, 1.25, -0.1, 0.45, 0.2, -0.9, 0.15]
h = matmul(x, w)
r = relu(h)
output y = softmax(r, axis=1)
