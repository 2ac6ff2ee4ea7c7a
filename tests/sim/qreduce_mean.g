# qreduce: mean over two axes, keepdims (ties)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_mean.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_mean.out.npy
model qreduce_mean

input x : i8[1,3,4,5] q(scale=0.1, zp=-9)

output y : i8[1,3,1,1] q(scale=0.1, zp=4) = qreduce(x, fn=mean, axes=[2, 3], mult=[1073741824], shift=[35])
