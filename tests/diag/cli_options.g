# The command line: --version, and each bad option or value refused with a
# `qcc: error:` message, exit status 1 and no output file.
# RUN: %qcc --version
# CHECK: qcc 0.1.0
# RUN-FAIL: %qcc %s --foo 2>&1
# CHECK-NEXT: qcc: error: unknown option '--foo'; see qcc --help
# RUN-FAIL: %qcc %s --weight-bits 9 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits must be between 1 and 8, got 9
# RUN-FAIL: %qcc %s --weight-bits=0 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits must be at least 1, got 0
# RUN-FAIL: %qcc %s --weight-bits eight --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits expects an integer, got 'eight'
# RUN-FAIL: %qcc %s --act-bits=12 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --act-bits must be 8 or 16, got 12
# RUN-FAIL: %qcc %s --granularity per-row --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --granularity must be per-channel or per-tensor, got 'per-row'
# RUN-FAIL: %qcc %s --emit=c 2>&1
# CHECK-NEXT: qcc: error: unknown --emit kind 'c'; expected ir
# RUN-FAIL: %qcc %s --calib 2>&1
# CHECK-NEXT: qcc: error: option '--calib' needs a value
# RUN-FAIL: %qcc %s --passes=no_such_pass --emit=ir 2>&1
# CHECK-NEXT: qcc: error: unknown pass 'no_such_pass'; see qcc --list-passes
# RUN-FAIL: %qcc --emit=ir 2>&1
# CHECK-NEXT: qcc: error: no model given; see qcc --help
# RUN-FAIL: %qcc %s %s --emit=ir 2>&1
# CHECK-NEXT: qcc: error: more than one model given
# RUN-FAIL: %qcc %S/model.txt --emit=ir 2>&1
# CHECK-NEXT: qcc: error: {{.*}}model.txt: unknown model format; expected a .g or .onnx file
# RUN-FAIL: %qcc %T/missing.g --emit=ir 2>&1
# CHECK-NEXT: qcc: error: cannot open '{{.*}}missing.g': No such file or directory
# RUN-FAIL: %qcc %s --input x.npy 2>&1
# CHECK-NEXT: qcc: error: --input is an option of `qcc run`
# RUN-FAIL: %qcc run %s --emit=ir 2>&1
# CHECK-NEXT: qcc: error: `qcc run` does not take --emit
model m
input x : f32[2]
output y : f32[2] = relu(x)
