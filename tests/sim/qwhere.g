# qwhere: broadcast condition, each value requantized (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qwhere.in0.npy --input %S/data/qwhere.in1.npy --input %S/data/qwhere.in2.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qwhere.out.npy
model qwhere

input c : u8[1,3,1]
input a : i8[1,3,4] q(scale=0.1, zp=7)
input b : i8[4] q(scale=0.3, zp=-20)

output y : i8[1,3,4] q(scale=0.2, zp=5) = qwhere(c, a, b, mult=[1073741824, 1900000000], shift=[31, 29])
