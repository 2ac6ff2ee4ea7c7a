# qcc eval on a model with two inputs and two outputs: one --data file per
# input (and one --calib file), the scored output named in the report and
# chosen with --score; a wrong count of --data files and an unknown --score
# are errors.
# RUN: %python -c "import numpy as np; r = np.random.RandomState(2); [np.save('%T/' + n, r.randn(30, 1, 4).astype(np.float32)) for n in ('ca.npy', 'cb.npy', 'a.npy', 'b.npy')]; np.save('%T/y.npy', r.randint(0, 4, 30))"
# RUN: %qcc eval %s --calib %T/ca.npy --calib %T/cb.npy --data %T/a.npy --data %T/b.npy --labels %T/y.npy --score z
# CHECK: model pair: 30 test samples, calibration {{.*}}/ca.npy, {{.*}}/cb.npy
# CHECK-NEXT: scored output: 'z' (of 2 outputs; --score NAME picks another)
# CHECK: a_q     quantize
# CHECK-NEXT: b_q     quantize
# RUN: %qcc eval %s --calib %T/ca.npy --calib %T/cb.npy --data %T/a.npy --data %T/b.npy --labels %T/y.npy
# CHECK: scored output: 'y' (of 2 outputs; --score NAME picks another)
# RUN-FAIL: %qcc eval %s --calib %T/ca.npy --calib %T/cb.npy --data %T/a.npy --labels %T/y.npy 2>&1
# CHECK: qcc: error: the model has 2 inputs but 1 --data file was given; give one --data FILE.npy per input, in graph order
# RUN-FAIL: %qcc eval %s --calib %T/ca.npy --calib %T/cb.npy --data %T/a.npy --data %T/b.npy --labels %T/y.npy --score s 2>&1
# CHECK: qcc: error: --score s: the model has no output of that name
# RUN-FAIL: %qcc run %s --input %T/a.npy --input %T/b.npy --output %t.npy --output %t2.npy --score y 2>&1
# CHECK: qcc: error: --score is an option of `qcc eval`
model pair

input a : f32[1,4]
input b : f32[1,4]

s = add(a, b)
output y = relu(s)
output z = mul(a, b)
