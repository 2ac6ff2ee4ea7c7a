# qreduce: min, dropped axis (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_min.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_min.out.npy
model qreduce_min

input x : i8[1,4,5] q(scale=0.1, zp=100)

output y : i8[1,5] q(scale=0.1, zp=-30) = qreduce(x, fn=min, axes=[1], keepdims=0, mult=[1073741824], shift=[31])
