# qprelu: per-channel i16 slope, both sides (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qprelu_channel.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qprelu_channel.out.npy
model qprelu_channel

input x : i8[1,3,2,4] q(scale=0.1, zp=7)
const a : i16[3,1,1] q(scale=0.0001, zp=0) = [-3000, 16384, 32767]

output y : i8[1,3,2,4] q(scale=0.1, zp=3) = qprelu(x, a, mult=[1073741824, 1518500250], shift=[31, 43])
