# The last line may lack its newline.
# RUN: %qcc %s --emit=ir
# CHECK: output y : f32[3] = tanh(x)
model m
input x : f32[3]
output y = tanh(x)