# A float op left in a C build after --calib: the error names the node, the
# op and what would make it work (the message without --calib is in
# tests/codegen/codegen_diag/float_model.g). No file is written.
# RUN: %python -c "import numpy as np; np.save('%T/c.npy', np.random.RandomState(0).randn(16, 1, 4).astype(np.float32))"
# RUN-FAIL: %qcc %s --calib %T/c.npy -o %t.c 2>&1
# CHECK: float_left.g:[[@LINE+14]]:5: error: node 's' (sum) of 17 inputs stays float: its integer form takes at most 16, so integer-only C cannot compute it; split it into sums of 16 inputs or fewer
# RUN: sed -e 's/^s = sum.*/s = reduce(r, fn=l2, axes=[1])/' %s > %T/l2.g
# RUN-FAIL: %qcc %T/l2.g --calib %T/c.npy -o %t.c 2>&1
# CHECK: l2.g:[[@LINE+11]]:5: error: node 's' (reduce) stays float: quantize could not lower it (see its warning), so integer-only C cannot compute it; docs/arith.md gives the inputs and attributes under which reduce has an integer form
# a model whose only op has no integer form: nothing is lowered, but --calib
# was given
# RUN: sed -e '/^r = /d' -e 's/^s = sum.*/s = reduce(x, fn=l2, axes=[1])/' %s > %T/only.g
# RUN-FAIL: %qcc %T/only.g --calib %T/c.npy -o %t.c 2>&1
# CHECK: only.g:[[@LINE+5]]:5: error: node 's' (reduce) stays float
model float_left

input x : f32[1,4]

r = relu(x)
s = sum(r, r, r, r, r, r, r, r, r, r, r, r, r, r, r, r, r)
output y = relu(s)
