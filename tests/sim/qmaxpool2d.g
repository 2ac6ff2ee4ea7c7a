# qmaxpool2d: padding never wins, ceil_mode
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmaxpool2d.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmaxpool2d.out.npy
model qmaxpool2d

input x : i8[1,3,7,6] q(scale=0.1, zp=-4)

output y : i8[1,3,4,3] q(scale=0.1, zp=-4) = qmaxpool2d(x, kernel=[3,3], stride=[2,2], pad=[1,1,1,0], ceil_mode=1)
