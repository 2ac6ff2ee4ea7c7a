# dilate: stride 2 and 3, zeros are the zero point, a negative pad crops
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_dilate.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_dilate.out.npy
model geo_dilate

input x : i8[1,2,3,4] q(scale=0.1, zp=-17)

output y : i8[1,2,8,11] q(scale=0.1, zp=-17) = dilate(x, stride=[1,1,2,3], pads=[0,0,2,-1,0,0,1,2])
