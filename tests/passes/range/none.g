# Without observers range changes nothing.
# RUN: %qcc %s --passes=range --emit=ir
# CHECK:     output r : f32[1,4] = relu(x)
# CHECK-NOT: q(
model none
input x : f32[1,4]
output r = relu(x)
