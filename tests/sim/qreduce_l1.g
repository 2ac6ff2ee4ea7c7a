# qreduce: l1 over the batch and channels (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_l1.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_l1.out.npy
model qreduce_l1

input x : i8[1,6,4] q(scale=0.1, zp=-30)

output y : i8[4] q(scale=0.1, zp=-50) = qreduce(x, fn=l1, axes=[0, 1], keepdims=0, mult=[1073741824], shift=[31])
