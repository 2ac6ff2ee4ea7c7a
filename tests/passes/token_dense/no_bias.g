# Without a bias (the add reads a non-constant), a rank-4 input [1,2,2,3]:
# rows [4,3], the add stays; a bias shaped [1,1,2] becomes [2].
# RUN: %qcc %s --passes=token_dense --emit=ir
# CHECK:      const b_1 : f32[2] = [1, 2]
# CHECK:      y_1 : f32[4,3] = reshape(x, shape=[4,3])
# CHECK-NEXT: y_2 : f32[4,2] = dense(y_1, w, trans_w=0)
# CHECK-NEXT: y : f32[1,2,2,2] = reshape(y_2, shape=[1,2,2,2])
# CHECK-NEXT: output z : f32[1,2,2,2] = add(y, y)
# CHECK:      u_2 : f32[4,2] = dense(u_1, w, b_1, trans_w=0)
# CHECK-NEXT: output v : f32[1,2,2,2] = reshape(u_2, shape=[1,2,2,2])
model no_bias
input x : f32[1,2,2,3]
const w : f32[3,2] = [1, 0, 0, 1, 1, 1]
const b : f32[1,1,2] = [1, 2]
y = matmul(x, w)
output z = add(y, y)
u = matmul(x, w)
output v = add(u, b)
