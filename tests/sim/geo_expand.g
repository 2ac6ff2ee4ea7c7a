# expand: leading and size-1 axes broadcast
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_expand.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_expand.out.npy
model geo_expand

input x : i8[1,3,1] q(scale=0.1, zp=4)

output y : i8[2,3,4] q(scale=0.1, zp=4) = expand(x, shape=[2,3,4])
