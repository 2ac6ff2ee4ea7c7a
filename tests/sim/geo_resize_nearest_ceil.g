# resize nearest: tf_half_pixel_for_nn and ceil, rank 3, coordinates past the end clamped
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_nearest_ceil.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_nearest_ceil.out.npy
model geo_resize_nearest_ceil

input x : i8[2,3,5] q(scale=0.05, zp=0)

output y : i8[3,5,4] q(scale=0.05, zp=0) = resize(x, mode=nearest, coord=tf_half_pixel_for_nn, nearest=ceil, scales=[1.5,1.66666663,0.800000012], sizes=[3,5,4])
