# qreduce: 16-bit sum, dropped axis (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_sum_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_sum_i16.out.npy
model qreduce_sum_i16

input x : i16[1,4,6] q(scale=0.1, zp=0)

output y : i16[1,6] q(scale=0.1, zp=0) = qreduce(x, fn=sum, axes=[-2], keepdims=0, mult=[1610612736], shift=[31])
