# Without observers, calibrate needs no data and changes nothing.
# RUN: %qcc %s --passes=calibrate --emit=ir
# CHECK:      output r : f32[1,4] = relu(x)
# CHECK-NOT:  observe
model none
input x : f32[1,4]
output r = relu(x)
