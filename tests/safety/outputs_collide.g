# Two outputs of one command naming one file are refused, even by different
# paths or when the second is the .h that -o FILE.c writes (here a link to
# the .c); a device such as /dev/null may take several outputs.
# RUN: %python -c "import numpy as np; np.save('%T/x.npy', np.ones((3,1,2), np.float32))"
# RUN-FAIL: %qcc run %s --input %T/x.npy --output %T/p.npy --output %T/./p.npy 2>&1
# CHECK: qcc: error: output '{{.*}}/./p.npy' is the same file as output '{{.*}}/p.npy'
# RUN: ln -s m.c %T/m.h
# RUN-FAIL: %qcc %s --calib %T/x.npy -o %T/m.c 2>&1
# CHECK: qcc: error: output '{{.*}}/m.h' is the same file as output '{{.*}}/m.c'
# RUN: test -L %T/m.h && test ! -e %T/m.c
# RUN: %qcc run %s --input %T/x.npy --output /dev/null --output /dev/null
model two
input a : f32[1,2]
output p : f32[1,2] = relu(a)
output q : f32[1,2] = sigmoid(a)
