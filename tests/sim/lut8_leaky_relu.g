# leaky_relu(x, alpha=0.1): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_leaky_relu.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_leaky_relu.out.npy
model lut8_leaky_relu

input x : f32[1,256] q(scale=0.0313725509, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.0175317191, zp=-106, bits=8) = leaky_relu(x, alpha=0.1)
