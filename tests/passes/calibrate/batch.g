# Images in step (--batch, exec_run_batch) give the bits of images one at a
# time: `qcc run` at --batch 1, 5 (13 samples: a short last batch), 8 and
# 16 writes identical outputs, within 1e-5 of a float64 numpy reference
# (batch_data.py); calibration at --batch 1 --jobs 1, --batch 8 --jobs 2
# and --batch 3 --jobs 3 observes the same statistics and generates the
# same C. The model has convolutions over 16 positions (fgemm's GEMM),
# over 4 (K = 135: a tail after the 8-lane sums) and 1 (fgemm's columns
# path, which batching takes over), 1x1 ones, depthwise ones at stride 1
# and 2, and a dense layer.
# RUN: %python %S/batch_data.py %T
# RUN: for b in 1 5 8 16; do %qcc run %T/m.g --input %T/x.npy --output %T/y$b.npy --batch $b || exit 1; done
# RUN: for b in 5 8 16; do cmp %T/y1.npy %T/y$b.npy || exit 1; done
# RUN: %qcc run %T/m.g --input %T/x.npy --output %T/yd.npy && cmp %T/y1.npy %T/yd.npy
# RUN: %npycheck close %T/y1.npy %T/y_ref.npy --atol 0 --rtol 1e-5
# CHECK: close: 130 elements
# RUN: for bj in 1,1 8,2 3,3; do %qcc %T/m.g --passes=observe,calibrate --calib %T/x.npy --batch ${bj%%,*} --jobs ${bj##*,} --emit=ir -o %T/c$bj.g || exit 1; grep -v '^weights ' %T/c$bj.g > %T/c$bj.txt; done
# RUN: cmp %T/c1,1.txt %T/c8,2.txt && cmp %T/c1,1.txt %T/c3,3.txt && cmp %T/c1,1.safetensors %T/c8,2.safetensors && cmp %T/c1,1.safetensors %T/c3,3.safetensors
# RUN: grep -c 'observe(.*hist=\[' %T/c1,1.txt
# CHECK-NEXT: 13
# RUN: mkdir %T/a %T/b && %qcc %T/m.g --calib %T/x.npy --batch 1 --jobs 1 -o %T/a/m.c && %qcc %T/m.g --calib %T/x.npy --batch 8 --jobs 2 -o %T/b/m.c
# RUN: cmp %T/a/m.c %T/b/m.c && cmp %T/a/m.h %T/b/m.h
# A bad batch is refused before anything runs.
# RUN-FAIL: %qcc run %T/m.g --input %T/x.npy --output %T/bad.npy --batch 0 2>&1
# CHECK: qcc: error: --batch must be at least 1, got 0
# RUN-FAIL: %qcc %T/m.g --calib %T/x.npy --batch 17 -o %T/bad.c 2>&1
# CHECK: qcc: error: --batch must be between 1 and 16, got 17
