# qdiv: rounded quotient, a zero divisor, broadcasting (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qdiv.in0.npy --input %S/data/qdiv.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qdiv.out.npy
model qdiv

input a : i8[1,4,6] q(scale=0.1, zp=-3)
input b : i8[1,4,1] q(scale=0.1, zp=10)

output y : i8[1,4,6] q(scale=0.1, zp=2) = qdiv(a, b, frac=22, mult=[1073741824], shift=[49])
