# Without observers range changes nothing: no q(...) anywhere, the input's
# line included.
# RUN: %qcc %s --passes=range --emit=ir
# CHECK-NOT: q(
# CHECK:     input x : f32[1,4]
# CHECK-NOT: q(
# CHECK:     output r : f32[1,4] = relu(x)
# CHECK-NOT: q(
model none
input x : f32[1,4]
output r = relu(x)
