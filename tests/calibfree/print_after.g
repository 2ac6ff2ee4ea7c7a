# --print-after works wherever the pipeline runs: on a .g that names its
# calibration set (no --calib), and it is refused with the options that
# would make a pipeline run when none does (here a float model alone).
# RUN: %qcc %S/models/fashion_mlp.g --print-after=range --emit=ir -o %t.g
# RUN-FAIL: %qcc %s --print-after=fuse --emit=ir -o %t.g 2>&1
# CHECK:      # after range
# CHECK-NEXT: model fashion_mlp
# CHECK:      : f32[1,128] q(
# CHECK-NOT:  # after
# CHECK:      qcc: error: --print-after: no pass runs on '{{.*}}print_after.g': give --calib, --passes or --range bn, or name the calibration set in the model (calib "FILE.npy" in .g)
model m
input x : f32[1,4]
const w : f32[2,4] = [1, 2, 3, 4, 5, 6, 7, 8]
output y = dense(x, w)
