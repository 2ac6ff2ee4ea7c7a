# qmax: one input is a requantization
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmax_one.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmax_one.out.npy
model qmax_one

input a : i8[1,6] q(scale=0.1, zp=7)

output y : i8[1,6] q(scale=0.1, zp=-7) = qmax(a, mult=[1073741824], shift=[29])
