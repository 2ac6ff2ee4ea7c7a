# qdiv: a coarse quotient (frac 3), whose rounding shows
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qdiv_frac3.in0.npy --input %S/data/qdiv_frac3.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qdiv_frac3.out.npy
model qdiv_frac3

input a : i8[1,4,6] q(scale=0.1, zp=-3)
input b : i8[1,4,1] q(scale=0.1, zp=10)

output y : i8[1,4,6] q(scale=0.1, zp=2) = qdiv(a, b, frac=3, mult=[1073741824], shift=[33])
