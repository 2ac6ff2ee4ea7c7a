# resize linear: align_corners 3 -> 5 (weights 1/2: ties away from real zero)
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_resize_linear_ties.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_resize_linear_ties.out.npy
model geo_resize_linear_ties

input x : i8[1,2,3,3] q(scale=0.05, zp=5)

output y : i8[1,2,5,5] q(scale=0.05, zp=5) = resize(x, mode=linear, coord=align_corners, nearest=round_prefer_floor, scales=[1,1,1.66666663,1.66666663], sizes=[1,2,5,5])
