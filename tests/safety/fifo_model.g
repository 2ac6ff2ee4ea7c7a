# Only regular files are read as models and data: a FIFO given as the
# model, the --calib or the --input file is refused at once, where opening
# it would block.
# RUN: mkfifo %T/m.g %T/c.npy
# RUN-FAIL: timeout 10 %qcc %T/m.g --emit=ir 2>&1
# CHECK: qcc: error: cannot read '{{.*}}/m.g': not a regular file
# RUN-FAIL: timeout 10 %qcc %s --calib %T/c.npy --emit=ir 2>&1
# CHECK: qcc: error: cannot read '{{.*}}/c.npy': not a regular file
# RUN-FAIL: timeout 10 %qcc run %s --input %T/c.npy --output %T/y.npy 2>&1
# CHECK: qcc: error: cannot read '{{.*}}/c.npy': not a regular file
model f
input x : f32[1,2]
output y : f32[1,2] = relu(x)
