# resize nearest: align_corners and floor, 3 -> 5 (halves)
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_nearest_floor.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_nearest_floor.out.npy
model geo_resize_nearest_floor

input x : i8[1,2,3,3] q(scale=0.05, zp=-3)

output y : i8[1,2,5,5] q(scale=0.05, zp=-3) = resize(x, mode=nearest, coord=align_corners, nearest=floor, scales=[1,1,1.66666663,1.66666663], sizes=[1,2,5,5])
