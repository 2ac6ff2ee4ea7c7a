# resize nearest: asymmetric x2 and x0.5, round_prefer_floor, 16-bit at halves
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_nearest_prefer_floor.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_nearest_prefer_floor.out.npy
model geo_resize_nearest_prefer_floor

input x : i16[1,2,4,6] q(scale=0.05, zp=0)

output y : i16[1,2,8,3] q(scale=0.05, zp=0) = resize(x, mode=nearest, coord=asymmetric, nearest=round_prefer_floor, scales=[1,1,2,0.5], sizes=[1,2,8,3])
