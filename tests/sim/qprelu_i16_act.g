# qprelu: 16-bit input, an 8-bit activation as slope
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qprelu_i16_act.in0.npy --input %S/data/qprelu_i16_act.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qprelu_i16_act.out.npy
model qprelu_i16_act

input x : i16[1,3,2,4] q(scale=0.1, zp=0)
input a : i8[3,1,1] q(scale=0.01, zp=-20)

output y : i16[1,3,2,4] q(scale=0.1, zp=0) = qprelu(x, a, mult=[1073741824, 1518500250], shift=[31, 36])
