# qmatmul: 16-bit, the int64 accumulator rounded by pre bits (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmatmul_i16.in0.npy --input %S/data/qmatmul_i16.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmatmul_i16.out.npy
model qmatmul_i16

input a : i16[2,6,40] q(scale=0.001, zp=0)
input b : i16[1,40,8] q(scale=0.001, zp=0)

output y : i16[2,6,8] q(scale=0.002, zp=0) = qmatmul(a, b, mult=[1073741824], shift=[30], act_min=-32768, act_max=32767, pre=5)
