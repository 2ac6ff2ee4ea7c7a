# Geometry checks (ir/shape_geo.c): gather's ids are plain i32 integers.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: gather: ids (input 1) must be i32 without q(...), got f32[3]
model diag_geo_gather_ids
input x : f32[4,2]
input ids : f32[3]
output y = gather(x, ids)
