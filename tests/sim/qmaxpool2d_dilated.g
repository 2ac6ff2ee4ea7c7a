# qmaxpool2d: dilation, asymmetric padding
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmaxpool2d_dilated.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmaxpool2d_dilated.out.npy
model qmaxpool2d_dilated

input x : i8[1,2,8,9] q(scale=0.1, zp=3)

output y : i8[1,2,7,4] q(scale=0.1, zp=3) = qmaxpool2d(x, kernel=[2,3], stride=[1,2], pad=[2,1,0,2], dilation=[3,2])
