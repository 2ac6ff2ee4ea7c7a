# resize linear: asymmetric with scales 1.7 (not sizes / input)
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_linear_scales.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_linear_scales.out.npy
model geo_resize_linear_scales

input x : i8[1,1,5,5] q(scale=0.05, zp=3)

output y : i8[1,1,8,8] q(scale=0.05, zp=3) = resize(x, mode=linear, coord=asymmetric, nearest=round_prefer_floor, scales=[1,1,1.70000005,1.70000005], sizes=[1,1,8,8])
