# qreduce: max over two axes (saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_max.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_max.out.npy
model qreduce_max

input x : i8[1,3,2,5] q(scale=0.1, zp=6)

output y : i8[1,1,2,1] q(scale=0.1, zp=20) = qreduce(x, fn=max, axes=[1, -1], mult=[1073741824], shift=[30])
