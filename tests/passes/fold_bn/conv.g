# A batchnorm after a conv2d with bias folds into new weights and bias:
# w_f[c] = w[c] * g/sqrt(v+eps), b_f = (b - m) * g/sqrt(v+eps) + beta
# (here g/sqrt(v+eps) = [2, -0.5]); bn_beta/bn_gamma keep beta and |g|.
# RUN: %qcc %s --passes=fold_bn --emit=ir
# CHECK:      const w_f : f32[2,1,2,2] = [2, 4, -2, 0, -0.5, -0, 1, 0.25]
# CHECK-NEXT: const b_f : f32[2] = [-0.5, 1.75]
# CHECK-NOT:  const w :
# CHECK:      output y : f32[1,2,3,3] = conv2d(x, w_f, b_f, pad=[1,1,1,1], bn_beta=[0.5,1], bn_gamma=[4,1])
# CHECK-NOT:  batchnorm
model conv
input x : f32[1,1,2,2]
const w : f32[2,1,2,2] = [1, 2, -1, 0, 1, 0, -2, -0.5]
const b : f32[2] = [0, -1]
const g : f32[2] = [4, -1]
const beta : f32[2] = [0.5, 1]
const m : f32[2] = [0.5, 0.5]
const v : f32[2] = [3.99999, 3.99999]
c = conv2d(x, w, b, pad=[1,1,1,1])
output y = batchnorm(c, g, beta, m, v, epsilon=1e-05)
