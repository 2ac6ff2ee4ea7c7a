# resize nearest: asymmetric x2 and x0.5, round_prefer_ceil at halves
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_nearest_halves.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_nearest_halves.out.npy
model geo_resize_nearest_halves

input x : i8[1,2,4,6] q(scale=0.05, zp=7)

output y : i8[1,2,8,3] q(scale=0.05, zp=7) = resize(x, mode=nearest, coord=asymmetric, nearest=round_prefer_ceil, scales=[1,1,2,0.5], sizes=[1,2,8,3])
