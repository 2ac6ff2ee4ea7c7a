# The whole default pipeline on a model with most integer ops, and the
# lowered graph's text: printed and parsed back it computes exactly the
# same integers (everything the simulator uses is in the .g text), and
# parsed and printed again it is the same text, the recorded accumulator
# bounds (acc_bound) of qconv2d and qdense included.
# RUN: %python -c "__import__('numpy').save('%t.c.npy', __import__('numpy').random.RandomState(4).randn(64,2,6,6).astype('float32'))"
# RUN: %python -c "__import__('numpy').save('%t.x.npy', __import__('numpy').random.RandomState(5).randn(16,2,6,6).astype('float32'))"
# RUN: %qcc %s --calib %t.c.npy --emit=ir -o %t.q.g
# RUN: %qcc run %s --calib %t.c.npy --input %t.x.npy --output %t.a.npy --output %t.a2.npy
# RUN: %qcc run %t.q.g --input %t.x.npy --output %t.b.npy --output %t.b2.npy
# RUN: %npycheck equal %t.b.npy %t.a.npy
# RUN: %npycheck equal %t.b2.npy %t.a2.npy
# RUN: %qcc %t.q.g --emit=ir | diff -u %t.q.g -
# RUN: cat %t.q.g
# CHECK: qconv2d(
# CHECK-SAME: acc_bound=[
# CHECK: qadd(
# CHECK: qmaxpool2d(
# CHECK: qavgpool2d(
# CHECK: qconcat(
# CHECK: qglobal_avgpool(
# CHECK: qdense(
# CHECK-SAME: acc_bound=[
# CHECK: qsoftmax(
# CHECK: qlut(
# CHECK-NOT: {{ (conv2d|dense|add|relu|sigmoid|softmax)\(}}
model pipeline_roundtrip
input x : f32[1,2,6,6]
const w1 : f32[4,2,3,3] = [0.23649, -0.34071, 0.12122, -0.85037, 0.37657, -0.76736, 0.0025635, -0.060114, -0.40349, 1.4359, -0.29891, 0.23623, 0.54798, -0.60758, 0.67118, -0.061075, 0.50626, -0.45693, -0.51477, 0.6049, 0.25094, 0.069423, 0.32038, 0.26367, -0.57718, -1.1067, -0.84088, -0.89405, -1.1093, -0.32372, -0.2642, -0.019605, 0.10749, -0.19218, -0.12695, 0.036626, -0.4986, -0.35693, 0.017708, -0.33897, -0.28594, -0.052931, 0.66792, 0.15933, -0.1688, -0.29263, -0.05746, 1.1209, -1.5737, 0.26757, 0.11625, 0.43381, -0.57411, 1.0572, 0.50047, -0.025707, 0.079894, -0.35813, 0.025261, -0.071669, 0.47179, 0.17882, -0.041725, 0.3389, 0.27803, 0.11136, -0.76449, 0.51461, -0.58313, -0.50478, -0.052634, 0.25601]
const b1 : f32[4] = [0.14077, -0.16877, 0.14712, 0.16365]
const w2 : f32[4,1,3,3] = [-0.2307, -0.10068, -0.28591, -0.30165, -0.66969, -0.84483, -0.099664, 0.12889, 0.91441, -0.5005, -1.0458, 0.07328, -0.23318, 0.17811, -0.19894, -0.62961, -0.34444, 0.40132, 0.1362, -0.48459, 0.43598, -0.72318, -0.26824, 0.09896, -0.68282, -0.59722, 0.0079673, -0.040022, -0.1254, -0.28257, -0.55134, -0.39114, 1.5208, -0.31304, 0.75295, -0.29367]
const w3 : f32[5,8] = [0.68293, 0.61602, 0.22544, -0.3207, -0.6888, 0.48287, -0.642, -0.63729, 0.76142, 0.73094, 0.018828, -0.1231, -0.33215, 0.17567, -0.24202, -0.75654, -0.38177, 0.1246, -0.7949, -0.48976, 0.061381, 0.84465, 0.088875, 0.016003, 0.96661, -0.53105, -0.36631, 0.42137, 0.53837, 0.22885, -1.3097, 0.36952, 0.33375, 0.023201, 0.33304, 0.70397, 0.025575, -0.46799, -0.91955, 0.031889]
c1 = conv2d(x, w1, b1, pad=[1,1,1,1])
r1 = relu(c1)
c2 = conv2d(r1, w2, pad=[1,1,1,1], groups=4)
r2 = relu6(c2)
s = add(r1, r2)
m = maxpool2d(s, kernel=[2,2], stride=[2,2])
a = avgpool2d(s, kernel=[3,3], stride=[2,2], pad=[1,1,1,1])
k = concat(m, a, axis=1)
g = global_avgpool(k)
f = flatten(g)
d = dense(f, w3)
output p = softmax(d)
output q = sigmoid(d)
