# qavgpool2d: one multiplier per window count, count_include_pad=1, ceil_mode=1
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qavgpool2d_incpad.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qavgpool2d_incpad.out.npy
model qavgpool2d_incpad

input x : i8[1,3,7,6] q(scale=0.1, zp=-4)

output y : i8[1,3,4,4] q(scale=0.1, zp=6) = qavgpool2d(x, kernel=[3,2], stride=[2,2], pad=[1,1,1,1], ceil_mode=1, count_include_pad=1, mult=[1073741824, 1073741824, 1431655765, 1073741824, 1717986918, 1431655765], shift=[30, 31, 32, 32, 33, 33])
