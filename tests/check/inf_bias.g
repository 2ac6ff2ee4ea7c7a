# infinite biases are errors too, each constant reported once with its
# first bad element
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: inf_bias.g:9:7: error: constant 'b' element 2 is inf
# CHECK: inf_bias.g:10:7: error: constant 'b2' element 0 is -inf
model m
input x : f32[1,4]
const w : f32[3,4] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
const b : f32[3] = [0.5, 1, inf]
const b2 : f32[3] = [-inf, 0, inf]
d = dense(x, w, b)
output e = add(d, b2)
