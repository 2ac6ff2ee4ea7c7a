# add fuses relu; clip fuses with its bounds; two activations in a row
# intersect ([0, 6] then [-1, 4] gives [0, 4]).
# RUN: %qcc %s --passes=fuse --emit=ir
# CHECK:      s : f32[1,4] = add(a, b, act_min=0)
# CHECK-NEXT: output y : f32[1,4] = add(s, b, act_min=0, act_max=4)
# CHECK-NOT:  relu
# CHECK-NOT:  clip
model add_clip
input a : f32[1,4]
input b : f32[1,4]
s = add(a, b)
r = relu(s)
t = add(r, b)
u = relu6(t)
output y = clip(u, min=-1, max=4)
