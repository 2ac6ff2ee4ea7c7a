# A matmul of [1,3,2] tokens by a constant [2,2] matrix, then an add of a
# [2] bias: reshape to rows, a dense with the bias folded, reshape back;
# the result keeps the add's name and the add is gone.
# RUN: %qcc %s --passes=token_dense --emit=ir
# CHECK:      y_1 : f32[3,2] = reshape(x, shape=[3,2])
# CHECK-NEXT: y_2 : f32[3,2] = dense(y_1, w, b, trans_w=0)
# CHECK-NEXT: z : f32[1,3,2] = reshape(y_2, shape=[1,3,2])
# CHECK-NEXT: output o : f32[1,3,2] = relu(z)
# The float function is unchanged:
# RUN: %qcc run %s --input %S/x.npy --output %t.a.npy && %qcc run %s --passes=token_dense --input %S/x.npy --output %t.b.npy && %npycheck close %t.a.npy %t.b.npy --rtol 1e-6 --atol 1e-6
model bias
input x : f32[1,3,2]
const w : f32[2,2] = [1, 2, -3, 0.5]
const b : f32[2] = [0.25, -1]
y = matmul(x, w)
z = add(y, b)
output o = relu(z)
