# Geometry checks (ir/shape_geo.c): linear resizes the last two axes only.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: resize: linear resizes the last two axes only; axis 1 goes from 2 to 4
model diag_geo_resize_linear
input x : i8[1,2,3,3] q(scale=0.1, zp=0)
output y : i8[1,4,6,6] q(scale=0.1, zp=0) = resize(x, mode=linear, scales=[1,2,2,2], sizes=[1,4,6,6])
