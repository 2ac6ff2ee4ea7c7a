# A second observe pass adds nothing: observed values are skipped.
# RUN: %qcc %s --passes=observe,observe --emit=ir
# CHECK:     x_obs : f32[1,4] = observe(x)
# CHECK-NEXT: output r : f32[1,4] = relu(x_obs)
# CHECK-NEXT: r_obs : f32[1,4] = observe(r)
# CHECK-NOT: observe
model twice
input x : f32[1,4]
output r = relu(x)
