# resize nearest: half_pixel_symmetric, round_prefer_floor
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_nearest_symmetric.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_nearest_symmetric.out.npy
model geo_resize_nearest_symmetric

input x : i8[1,1,5,7] q(scale=0.05, zp=-100)

output y : i8[1,1,3,10] q(scale=0.05, zp=-100) = resize(x, mode=nearest, coord=half_pixel_symmetric, nearest=round_prefer_floor, scales=[1,1,0.600000024,1.42857146], sizes=[1,1,3,10])
