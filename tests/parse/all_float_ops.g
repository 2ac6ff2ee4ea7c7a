# Every float op of ops.def with each attribute kind (int, float, ints,
# floats, str as name and as string), '_' inputs, inf/nan/-0 literals and a
# scalar const (non-finite literals in a const no node uses: weights must
# be finite): the canonical text is a fixed point of parse + print.
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g && %qcc %t.g --emit=ir | diff -u %t.g -
model all_float_ops

input x : f32[1,2,6,6]
input v : f32[2,4]

const w : f32[3,2,3,3] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9]
const b : f32[3] = [0.100000001, -0.200000003, 3.00000011e-07]
const dw : f32[2,1,3,3] = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, -4, 1, 0, 1, 0]
const g2 : f32[2] = [1, 2]
const b2 : f32[2] = [0, -0]
const m2 : f32[2] = [0.5, 0.25]
const v2 : f32[2] = [1, 4]
const wd : f32[5,4] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
const wt : f32[4,5] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
const s : f32[] = [0.5]
const lits : f32[3] = [nan, inf, -inf]

c1 : f32[1,3,3,3] = conv2d(x, w, b, stride=[2,2], pad=[1,1,1,1])
c2 : f32[1,2,2,2] = conv2d(x, dw, _, dilation=[2,2], groups=2, bn_beta=[0.5,1], bn_gamma=[1,2])
bn : f32[1,2,2,2] = batchnorm(c2, g2, b2, m2, v2, epsilon=0.001)
mp : f32[1,2,1,1] = maxpool2d(bn, kernel=[2,2], stride=[2,2], ceil_mode=1)
ap : f32[1,3,3,3] = avgpool2d(c1, kernel=[3,3], pad=[1,1,1,1], count_include_pad=1)
gp : f32[1,3,1,1] = global_avgpool(ap)
fl : f32[1,3] = flatten(gp)
d1 : f32[2,5] = dense(v, wd)
d2 : f32[2,5] = dense(v, wt, trans_w=0)
mm : f32[2,5] = matmul(v, wt)
a1 : f32[2,5] = add(d1, d2)
s1 : f32[2,5] = sub(a1, mm)
m1 : f32[2,5] = mul(s1, s)
q1 : f32[2,5] = div(m1, s)
r1 : f32[2,5] = relu(q1)
r6 : f32[2,5] = relu6(r1)
cl : f32[2,5] = clip(r6, min=-1)
lr : f32[2,5] = leaky_relu(cl, alpha=0.2)
sg : f32[2,5] = sigmoid(lr)
th : f32[2,5] = tanh(sg)
ge : f32[2,5] = gelu(th, approx=tanh)
sm : f32[2,5] = softmax(ge, axis=0)
ln : f32[2,5] = layernorm(sm, _, _, epsilon=1e-06)
rs : f32[5,2] = reshape(ln, shape=[5,2])
tr : f32[2,5] = transpose(rs, perm=[1,0])
output ct : f32[2,10] = concat(tr, tr, axis=1)
pd : f32[1,2,3,3] = pad(mp, pads=[0,0,1,1,0,0,1,1], mode=edge, value=0.5)
output fl
output pd
