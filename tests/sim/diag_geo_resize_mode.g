# Geometry checks (ir/shape_geo.c): resize's nearest rounding is one of
# the four ONNX modes.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: resize: nearest must be round_prefer_floor, round_prefer_ceil, floor or ceil, got 'round'
model diag_geo_resize_mode
input x : f32[1,1,3,3]
output y = resize(x, nearest=round, scales=[1,1,2,2], sizes=[1,1,6,6])
