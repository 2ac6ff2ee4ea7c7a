# Left alone: a rank-2 input (the importer makes that a dense already), a
# non-constant right operand, and an add with a clamp keeps its add.
# RUN: %qcc %s --passes=token_dense --emit=ir
# CHECK:      y : f32[3,2] = matmul(x2, w)
# CHECK:      p : f32[1,3,3] = matmul(x, xt)
# CHECK:      q_2 : f32[3,2] = dense(q_1, w, trans_w=0)
# CHECK-NEXT: q : f32[1,3,2] = reshape(q_2, shape=[1,3,2])
# CHECK-NEXT: output r : f32[1,3,2] = add(q, b, act_min=0)
model kept
input x : f32[1,3,2]
input x2 : f32[3,2]
const w : f32[2,2] = [1, 2, -3, 0.5]
const b : f32[2] = [0.25, -1]
output y = matmul(x2, w)
xt = transpose(x, perm=[0,2,1])
output p = matmul(x, xt)
q = matmul(x, w)
output r = add(q, b, act_min=0)
