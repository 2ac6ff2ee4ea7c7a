# qmatmul: broadcast batch, power-of-two multiplier (ties)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmatmul.in0.npy --input %S/data/qmatmul.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmatmul.out.npy
model qmatmul

input a : i8[2,3,5] q(scale=0.1, zp=3)
input b : i8[1,5,4] q(scale=0.1, zp=-9)

output y : i8[2,3,4] q(scale=0.3, zp=1) = qmatmul(a, b, mult=[1073741824], shift=[34], act_min=-128, act_max=127)
