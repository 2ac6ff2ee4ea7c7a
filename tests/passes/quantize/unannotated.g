# Negative: without q(...) on the float types there is nothing to lower: no
# q(...) and no integer op anywhere in the output.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK-NOT:  q(
# CHECK:      input x : f32[1,2]
# CHECK-NOT:  q(
# CHECK:      c : f32[1,2] = dense(x, w, act_min=0)
# CHECK-NEXT: output y : f32[1,2] = add(c, x)
# CHECK-NOT:  q(
model unannotated
input x : f32[1,2]
const w : f32[2,2] = [1, 2, 3, 4]
c = dense(x, w, act_min=0)
output y = add(c, x)
