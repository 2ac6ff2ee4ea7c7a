# qcc run feeds sample i of each --input file to the graph: X [3,2,2] feeds
# x : f32[1,4] (same element count per sample), integer .npy data is
# converted to float, and the output file is [N] + the output's dims after
# their leading 1. Expected values are computed by hand:
#   y = W x + b, W = [[1,0,0,0],[0,1,1,-1]], b = [0.5,-1]
#   [1,2,3,4] -> [1.5, 0]   [0,0,0,0] -> [0.5, -1]   [-1,5,-2,0.25] -> [-0.5, 1.75]
# RUN: %python %S/../tools/mknpy.py %T/x.npy float32 3,2,2 1,2,3,4,0,0,0,0,-1,5,-2,0.25
# RUN: %python %S/../tools/mknpy.py %T/want.npy float32 3,2 1.5,0,0.5,-1,-0.5,1.75
# RUN: %qcc run %s --input %T/x.npy --output %T/y.npy && %npycheck equal %T/y.npy %T/want.npy
# Integer samples: [1,2,3,4] and [-1,0,0,1] as int8 [2,4].
# RUN: %python %S/../tools/mknpy.py %T/xi.npy int8 2,4 1,2,3,4,-1,0,0,1
# RUN: %python %S/../tools/mknpy.py %T/wanti.npy float32 2,2 1.5,0,-0.5,-2
# RUN: %qcc run %s --input %T/xi.npy --output %T/yi.npy && %npycheck equal %T/yi.npy %T/wanti.npy
# A sample of the wrong size, a missing --output, and a scalar input fail
# without writing anything.
# RUN: %python %S/../tools/mknpy.py %T/x5.npy float32 2,5 1,2,3,4,5,6,7,8,9,10
# RUN-FAIL: %qcc run %s --input %T/x5.npy --output %T/bad.npy 2>&1
# CHECK: qcc: error: {{.*}}x5.npy: a sample has 5 elements but input 'x' is f32[1,4] (4 elements)
# RUN-FAIL: %qcc run %s --input %T/x.npy 2>&1
# CHECK: qcc: error: the model has 1 input and 1 output, but 1 --input and 0 --output were given
# RUN: %python %S/../tools/mknpy.py %T/s.npy float32 "" 1
# RUN-FAIL: %qcc run %s --input %T/s.npy --output %T/bad.npy 2>&1
# CHECK: qcc: error: {{.*}}s.npy: expected a batch of samples, got a scalar
model tiny
input x : f32[1,4]
const w : f32[2,4] = [1, 0, 0, 0, 0, 1, 1, -1]
const b : f32[2] = [0.5, -1]
output y : f32[1,2] = dense(x, w, b)
