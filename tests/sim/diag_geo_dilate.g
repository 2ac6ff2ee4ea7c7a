# Geometry checks (ir/shape_geo.c): dilate's crops leave something.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: dilate: axis 1 would have size 0
model diag_geo_dilate
input x : f32[1,2]
output y = dilate(x, stride=[1,2], pads=[0,-2,0,-1])
