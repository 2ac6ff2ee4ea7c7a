# resize linear: half_pixel x2 up (coordinates below 0 and past the end clamped) and 7 -> 3 down
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_linear_half_pixel.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_linear_half_pixel.out.npy
model geo_resize_linear_half_pixel

input x : i8[1,3,4,7] q(scale=0.05, zp=-20)

output y : i8[1,3,8,3] q(scale=0.05, zp=-20) = resize(x, mode=linear, coord=half_pixel, nearest=round_prefer_floor, scales=[1,1,2,0.428571433], sizes=[1,3,8,3])
