# pad: 16-bit, edge
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/pad_i16_edge.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/pad_i16_edge.out.npy
model pad_i16_edge

input x : i16[1,3,5] q(scale=0.1, zp=0)

output y : i16[1,6,9] q(scale=0.1, zp=0) = pad(x, pads=[0, 2, 1, 0, 1, 3], mode=edge, value=0)
