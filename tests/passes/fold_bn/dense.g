# dense with trans_w=0 (w is [K,M]): column c is scaled; with no bias the
# folded bias is new (named after the weights) and becomes input 2.
# RUN: %qcc %s --passes=fold_bn --emit=ir
# CHECK:      const w_f : f32[3,2] = [2, -1, 4, -0, -2, 0.5]
# CHECK-NEXT: const w_b_f : f32[2] = [-1, 2]
# CHECK:      d : f32[1,2] = dense(x, w_f, w_b_f, trans_w=0, bn_beta=[1,2], bn_gamma=[2,0.5])
# CHECK-NEXT: output y : f32[1,2] = relu(d)
# CHECK-NOT:  batchnorm
model dense
input x : f32[1,3]
const w : f32[3,2] = [1, 2, 2, 0, -1, -1]
const g : f32[2] = [2, -0.5]
const beta : f32[2] = [1, 2]
const m : f32[2] = [1, 0]
const v : f32[2] = [1, 1]
d = dense(x, w, trans_w=0)
h = batchnorm(d, g, beta, m, v, epsilon=0)
output y = relu(h)
