# qmul: 16-bit operands
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmul_i16.in0.npy --input %S/data/qmul_i16.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmul_i16.out.npy
model qmul_i16

input a : i16[1,12] q(scale=0.1, zp=0)
input b : i16[1,12] q(scale=0.1, zp=0)

output y : i16[1,12] q(scale=0.1, zp=0) = qmul(a, b, mult=[1073741824], shift=[45], act_min=-32768, act_max=32767)
