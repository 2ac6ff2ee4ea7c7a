# SIGTERM while outputs are being written removes every temporary and ends
# qcc by the signal (status 128+15 from the shell). The second --output is
# a FIFO no one reads, so qcc blocks opening it (a FIFO is written in
# place) while the first output's temporary is on disk, waiting to be
# published with the rest.
# RUN: %python -c "import numpy as np; np.save('%T/x.npy', np.ones((3,1,2), np.float32))"
# RUN: mkfifo %T/fifo
# RUN: %qcc run %s --input %T/x.npy --output %T/p.npy --output %T/fifo & pid=$! ; i=0 ; while ! ls %T | grep -q 'p.npy.tmp' && test $i -lt 200 ; do sleep 0.05 ; i=$((i+1)) ; done ; ls %T | grep -c tmp ; kill -TERM $pid ; wait $pid ; echo status $?
# CHECK: 1
# CHECK-NEXT: status 143
# RUN: ls %T
# CHECK-NEXT: fifo
# CHECK-NEXT: x.npy
# CHECK-EMPTY:
model two
input a : f32[1,2]
output p : f32[1,2] = relu(a)
output q : f32[1,2] = sigmoid(a)
