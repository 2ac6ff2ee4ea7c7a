# gather by run-time ids on axis 1: negative ids from the end, out of range ones give the zero point
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_gather_ids.in0.npy --input %S/data/geo_gather_ids.in1.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_gather_ids.out.npy
model geo_gather_ids

input x : i8[1,4,3] q(scale=0.1, zp=9)
input ids : i32[1,6]

output y : i8[1,1,6,3] q(scale=0.1, zp=9) = gather(x, ids, axis=1)
