# dequantize: per-axis scales
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/dequantize_axis.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/dequantize_axis.out.npy
model dequantize_axis

input x : i8[3,4] q(axis=0, scale=[0.5, 0.00999999978, 3.25], zp=0)

output y : f32[3,4] = dequantize(x)
