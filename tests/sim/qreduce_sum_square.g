# qreduce: sum of squares over every axis (ties)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_sum_square.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_sum_square.out.npy
model qreduce_sum_square

input x : i8[1,2,3,3] q(scale=0.1, zp=0)

output y : i8[1,1,1,1] q(scale=0.1, zp=-128) = qreduce(x, fn=sum_square, mult=[1073741824], shift=[31])
