# sigmoid(x): 8-bit table, every input code
# Expected output from tests/tools/gen_func_refs.py (NumPy, docs/arith.md).
# RUN: %qcc %s --passes=quantize --emit=ir -o %t.g
# RUN: %qcc run %t.g --input %S/data/lut8_sigmoid.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/lut8_sigmoid.out.npy
model lut8_sigmoid

input x : f32[1,256] q(scale=0.0627451017, zp=-3, bits=8)

output y : f32[1,256] q(scale=0.00392044429, zp=-128, bits=8) = sigmoid(x)
