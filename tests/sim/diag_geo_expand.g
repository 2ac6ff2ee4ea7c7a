# Geometry checks (ir/shape_geo.c): expand's input broadcasts to its shape.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: expand: f32[2,3] does not broadcast to f32[4,3,3]
model diag_geo_expand
input x : f32[2,3]
output y = expand(x, shape=[4,3,3])
