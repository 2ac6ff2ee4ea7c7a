# An output that is a device node is written in place, never replaced: a
# private null device takes the output, a private full device reports the
# write error (exit 1, a message); both are still character devices after.
# --emit=ir to a device prints every constant inline (no weights file).
# The harness never touches a system node.
# RUN: mknod %T/null c 1 3 && mknod %T/full c 1 7
# RUN: %qcc %s --emit=ir -o %T/null
# RUN: test -c %T/null && test ! -e %T/null.safetensors
# RUN-FAIL: %qcc %s --emit=ir -o %T/full 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/full': No space left on device
# RUN: test -c %T/full
# RUN: %python -c "import numpy as np; np.save('%T/x.npy', np.ones((3,1,20), np.float32))"
# RUN-FAIL: %qcc run %s --input %T/x.npy --output %T/full 2>&1
# CHECK: qcc: error: cannot write '{{.*}}/full': No space left on device
# RUN: test -c %T/full && test -c %T/null
model dev

input x : f32[1,20]

const k : f32[1,20] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]

output y : f32[1,20] = mul(x, k)
