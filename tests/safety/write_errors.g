# Every write is checked to the end, with a message and exit status 1, and
# no partial or temporary file is left: standard output on a full device,
# -o FILE.c whose .c is (a link to) a private full device, and a file size
# limit (ulimit -f: qcc reports EFBIG rather than dying of SIGXFSZ) for
# --emit=ir -o, -o FILE.c and run --output.
# RUN-FAIL: %qcc %s --emit=ir 2>&1 >/dev/full
# CHECK: qcc: error: cannot write to standard output: No space left on device
# RUN-FAIL: %qcc --help 2>&1 >/dev/full
# CHECK: qcc: error: cannot write to standard output: No space left on device
# RUN: mknod %T/full c 1 7 && ln -s full %T/m.c
# RUN: %python -c "import numpy as np; np.save('%T/x.npy', np.ones((200,1,20), np.float32))"
# RUN-FAIL: %qcc %s --calib %T/x.npy -o %T/m.c 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/m.c': No space left on device
# RUN: test -c %T/full && test -L %T/m.c
# RUN-FAIL: (ulimit -f 1 && %qcc %S/../../samples/fashion/fashion_mlp.g --emit=ir -o %T/big.g) 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/big.safetensors': File too large
# RUN-FAIL: (ulimit -f 1 && %qcc %S/../../samples/fashion/fashion_mlp.g --calib %S/../../samples/fashion/calib.npy -o %T/big.c) 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/big.c': File too large
# RUN-FAIL: (ulimit -f 1 && %qcc run %s --input %T/x.npy --output %T/big.npy) 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/big.npy': File too large
model werr

input x : f32[1,20]

const k : f32[1,20] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]

output y : f32[1,20] = mul(x, k)
