# --ram-budget chooses each activation's width, 8 or 16 bits, within the
# generated C's arena. x and y are the caller's buffers (not in the arena),
# so 16 bits cost them nothing; the hidden a takes 16 bytes at 8 bits
# (arena 48) and 32 at 16 (arena 64).
# RUN: %qcc %s --calib %S/calib.npy --ram-budget 48 --emit=ir 2>&1
# CHECK:      bitalloc: activations: arena 48 bytes all 8-bit, 64 all 16-bit, budget 48; 3 tensors, 15 sets evaluated
# CHECK:      bitalloc: *         48 {{.*}}  x,y
# CHECK-NEXT: bitalloc:           64 {{.*}}  x,y,a
# CHECK:      x_q : i16[1,8]
# CHECK-NEXT: a : i8[1,16]
# CHECK-NEXT: y_q : i16[1,4]
# RUN: %qcc %s --calib %S/calib.npy --ram-budget 64 --emit=ir 2>&1
# CHECK:      bitalloc: *         64 {{.*}}  x,y,a
# CHECK:      a : i16[1,16]
# A budget below every activation at 8 bits names that arena; no output.
# RUN-FAIL: %qcc %s --calib %S/calib.npy --ram-budget 47 -o %t.c 2>&1
# CHECK: qcc: error: --ram-budget 47 is below the smallest arena: 48 bytes, every activation at 8 bits
# RUN-FAIL: %qcc %s --calib %S/calib.npy --ram-budget 4x -o %t.c 2>&1
# CHECK: qcc: error: --ram-budget expects a positive byte count with an optional K, M or G suffix, got '4x'
# RUN-FAIL: %qcc %s --ram-budget 64 -o %t.c 2>&1
# CHECK: qcc: error: --ram-budget needs --calib: the activations' sensitivity is measured on the calibration samples
# calib.npy: numpy default_rng(0).normal(0, 1, (64, 1, 8)) as float32, after
# normal(0, 0.5) draws of (8, 16) and (16, 4) that are w1 and w2
model two

input x : f32[1,8]

const w1 : f32[16,8] = [0.0629, -0.0661, 0.32, 0.0525, -0.268, 0.181, 0.652, 0.474, -0.352, -0.633, -0.312, 0.0207, -1.16, -0.109, -0.623, -0.366, -0.272, -0.158, 0.206, 0.521, -0.0643, 0.683, -0.333, 0.176, 0.452, 0.047, -0.372, -0.461, -0.229, 0.11, -0.505, -0.105, -0.0796, 0.27, 0.107, 0.178, -0.327, -0.0648, 0.392, 0.747, -0.63, 0.757, 0.673, 0.391, 0.132, -0.157, 0.729, 0.98, 0.901, 0.658, 0.179, -0.604, -0.00223, 0.328, -0.644, 0.198, 0.215, 0.348, -0.592, -0.331, -0.218, -0.585, 0.87, -0.248, 0.164, -0.129, 0.792, 0.66, 0.317, -1.1, 0.026, 0.342, 0.502, -0.309, 0.911, -0.66, -0.331, 0.468, 0.0245, 1, 0.0943, -0.317, -0.189, -0.546, -0.639, 0.315, 0.291, 0.647, -0.377, 0.845, -0.144, 0.787, -0.216, -0.368, 0.125, 0.516, 0.0805, -0.293, -0.671, -0.701, 0.251, 0.495, -0.0821, -0.537, 0.437, -0.64, -0.357, 0.311, -1.13, 0.193, -0.291, 0.0546, -0.0379, 0.101, 0.347, -0.379, 0.71, 0.363, 0.422, 0.582, 0.394, 0.422, 0.0378, -0.713, -0.0675, -0.385, -0.711, 0.129]
const w2 : f32[4,16] = [-0.284, -0.515, -0.522, 0.134, 0.179, 0.661, -0.00696, 0.521, 0.701, 0.575, -1.18, 0.614, 0.17, 0.212, 0.186, 0.191, 0.16, -0.179, -0.951, -0.0545, -0.402, 0.54, -0.144, 0.0417, -0.425, -0.255, -0.00577, -0.743, 0.15, -0.053, -0.593, -1.2, 0.257, -0.149, -0.265, -0.118, 0.908, -0.0249, 0.0433, -0.744, 0.824, 0.459, 0.533, 0.0238, 0.458, 0.185, 0.307, -0.0761, -0.737, 0.514, -0.967, -0.12, -0.102, -0.521, 0.307, -0.1, -0.218, 0.26, -0.238, 0.694, 0.176, -0.237, -0.972, -0.654]

a = dense(x, w1)
h = relu(a)
output y = dense(h, w2)
