# resize linear: 16-bit, pytorch_half_pixel, an axis resized to 1
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_linear_i16.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_linear_i16.out.npy
model geo_resize_linear_i16

input x : i16[1,2,5,6] q(scale=0.05, zp=0)

output y : i16[1,2,1,9] q(scale=0.05, zp=0) = resize(x, mode=linear, coord=pytorch_half_pixel, nearest=round_prefer_floor, scales=[1,1,0.200000003,1.5], sizes=[1,2,1,9])
