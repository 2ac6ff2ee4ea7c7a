# slice: a negative step, a step past the axis size
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_slice_steps.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_slice_steps.out.npy
model geo_slice_steps

input x : i16[2,5,6] q(scale=0.01, zp=0)

output y : i16[1,3,2] q(scale=0.01, zp=0) = slice(x, starts=[1,4,0], steps=[1,-2,5], sizes=[1,3,2])
