# Where adaround does not apply the graph stays unchanged: the only dense
# has computed (not constant) weights, and the other ops have none.
# RUN: %python %S/../../tools/mknpy.py %T/calib.npy float32 3,4 1,-2,0.5,3,0,1,2,-1,0.25,-0.5,4,2
# RUN: grep -v "^#" %s > %t.want && %qcc %s --passes=adaround --calib %T/calib.npy --emit=ir > %t.g && diff -u %t.want %t.g
model no_layer

input x : f32[1,4]

const wc : f32[4,2] = [0.5, -1, 0.25, 2, -0.75, 1, 0.125, -0.5]

w : f32[4,2] = relu(wc)
h : f32[1,2] = dense(x, w, trans_w=0)
output y : f32[1,2] = sigmoid(h)
