# qreduce: 16-bit sum of squares, each rounded right by pre bits (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qreduce_sum_square_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qreduce_sum_square_i16.out.npy
model qreduce_sum_square_i16

input x : i16[1,5,8] q(scale=0.1, zp=0)

output y : i16[1,1,8] q(scale=0.1, zp=0) = qreduce(x, fn=sum_square, axes=[1], mult=[1207959552], shift=[28], pre=2)
