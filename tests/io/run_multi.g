# Two inputs, two outputs: every input must have the same number of samples;
# an output whose first dim is not 1 gets the batch dim in front ([N,2,2]).
#   p = a + b (a, b : f32[1,2]);  q = concat of p twice along axis 0 -> [2,2]
# RUN: %python %S/../tools/mknpy.py %T/a.npy float32 2,1,2 1,2,3,4
# RUN: %python %S/../tools/mknpy.py %T/b.npy int32 2,2 10,20,30,40
# RUN: %python %S/../tools/mknpy.py %T/p.npy float32 2,2 11,22,33,44
# RUN: %python %S/../tools/mknpy.py %T/q.npy float32 2,2,2 11,22,11,22,33,44,33,44
# RUN: %qcc run %s --input %T/a.npy --input %T/b.npy --output %T/p_out.npy --output %T/q_out.npy
# RUN: %npycheck equal %T/p_out.npy %T/p.npy && %npycheck equal %T/q_out.npy %T/q.npy
# RUN: %python %S/../tools/mknpy.py %T/b3.npy float32 3,2 1,2,3,4,5,6
# RUN-FAIL: %qcc run %s --input %T/a.npy --input %T/b3.npy --output %T/x.npy --output %T/y.npy 2>&1
# CHECK: qcc: error: {{.*}}b3.npy has 3 samples but {{.*}}a.npy has 2
model two
input a : f32[1,2]
input b : f32[1,2]
output p : f32[1,2] = add(a, b)
output q : f32[2,2] = concat(p, p, axis=0)
