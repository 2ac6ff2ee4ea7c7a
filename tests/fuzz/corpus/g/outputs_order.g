# Graph outputs keep their order: the next output in order is printed as an
# `output` node, the rest as `output NAME` lines after the nodes (an input,
# a const, and a node defined before an earlier output).
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g && %qcc %t.g --emit=ir | diff -u %t.g -
model outputs_order

input x : f32[2]

const k : f32[2] = [1, 2]

a : f32[2] = relu(x)
output b : f32[2] = add(a, k)
c : f32[2] = mul(b, k)
output c2 : f32[2] = sigmoid(c)
output a
output x
output k
