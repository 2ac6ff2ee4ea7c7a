# after an error the parse goes on at the next line: every independent
# error is reported once, and the uses of a value whose definition failed
# are not reported again
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: recover_many.g:16:22: error: 3 values given but f32[3,4] needs 12
# CHECK: recover_many.g:18:11: error: expected '=', ')' or ',' but found end of line
# CHECK: recover_many.g:20:5: error: unknown op 'frobnicate'
# CHECK: recover_many.g:22:5: error: declared type f32[1,5] does not match inferred f32[1,4]
# CHECK: recover_many.g:24:10: error: use of undefined value 'zz'
# CHECK-NOT: error
# CHECK-NOT: undefined value 'w'
# CHECK-NOT: undefined value 'b'
model m
input x : f32[1,4]
# 3: bad literal
const w : f32[3,4] = [1, 2, 3]
a = dense(x, w)
b = relu(a
c = relu(b)
d = frobnicate(x)
e = add(c, d)
f : f32[1,5] = relu(x)
g = relu(f)
h = relu(zz)
output h
