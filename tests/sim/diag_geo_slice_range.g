# Geometry checks (ir/shape_geo.c): a slice stays inside every axis.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: slice: axis 1 of i8[2,5]: 3 elements from 1 in steps of -2 leave the axis
model diag_geo_slice_range
input x : i8[2,5] q(scale=0.1, zp=0)
output y : i8[1,3] q(scale=0.1, zp=0) = slice(x, starts=[0,1], steps=[1,-2], sizes=[1,3])
