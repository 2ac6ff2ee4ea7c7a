# A float op left in a C build after --calib: the error names the node, the
# op and what would make it work (the message without --calib is in
# tests/codegen/codegen_diag/float_model.g). No file is written.
# RUN: %python -c "import numpy as np; np.save('%T/c.npy', np.random.RandomState(0).randn(16, 1, 4).astype(np.float32))"
# RUN-FAIL: %qcc %s --calib %T/c.npy -o %t.c 2>&1
# CHECK: float_left.g:[[@LINE+14]]:5: error: node 's' (sum) of 17 inputs stays float: its integer form takes at most 16, so integer-only C cannot compute it; split it into sums of 16 inputs or fewer
# RUN: sed -e 's/^s = sum.*/s = pad(r, pads=[0,1,0,1])/' %s > %T/pad.g
# RUN-FAIL: %qcc %T/pad.g --calib %T/c.npy -o %t.c 2>&1
# CHECK: pad.g:[[@LINE+11]]:5: error: node 's' (pad): qcc has no integer form of pad, so it stays float and integer-only C cannot compute it; replace it in the model with ops docs/arith.md lists, or end the model before it and compute it in the caller
# a model whose only op has no integer form: nothing is lowered, but --calib
# was given
# RUN: sed -e '/^r = /d' -e 's/^s = sum.*/s = pad(x, pads=[0,1,0,1])/' %s > %T/only.g
# RUN-FAIL: %qcc %T/only.g --calib %T/c.npy -o %t.c 2>&1
# CHECK: only.g:[[@LINE+5]]:5: error: node 's' (pad): qcc has no integer form of pad
model float_left

input x : f32[1,4]

r = relu(x)
s = sum(r, r, r, r, r, r, r, r, r, r, r, r, r, r, r, r, r)
output y = relu(s)
