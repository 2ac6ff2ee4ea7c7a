# The pipeline (passes/pipeline.c) runs --passes in order and prints the
# graph after each with --print-after=all, and after one pass with
# --print-after=NAME.
# RUN: %qcc %s --passes=fold_bn,fuse --print-after=all --emit=ir -o %t.g
# RUN: %qcc %s --passes=fold_bn,fuse --print-after=fuse --emit=ir -o %t.g
# CHECK:      # after fold_bn
# CHECK-NEXT: model print_after
# CHECK:      c : f32[1,1,2,2] = conv2d(x, w_f, w_b_f, bn_beta=[0], bn_gamma=[1])
# CHECK-NEXT: output y : f32[1,1,2,2] = relu(c)
# CHECK-NEXT: # after fuse
# CHECK-NEXT: model print_after
# CHECK:      output y : f32[1,1,2,2] = conv2d(x, w_f, w_b_f, bn_beta=[0], bn_gamma=[1], act_min=0)
# CHECK-NEXT: # after fuse
# CHECK-NOT:  # after
model print_after
input x : f32[1,1,2,2]
const w : f32[1,1,1,1] = [2]
const g : f32[1] = [1]
const beta : f32[1] = [0]
const m : f32[1] = [0]
const v : f32[1] = [1]
c = conv2d(x, w)
n = batchnorm(c, g, beta, m, v, epsilon=0)
output y = relu(n)
