# --calib takes one .npy per graph input, in graph order: each input is
# calibrated on its own file; a wrong count of files, a sample shape that
# does not match its input and files with different sample counts are
# errors that name the files and inputs, and no output file is written.
# RUN: %python -c "import numpy as np; r = np.random.RandomState(0); np.save('%T/a.npy', r.randn(16, 1, 4).astype(np.float32)); np.save('%T/b.npy', 3 * r.randn(16, 4).astype(np.float32)); np.save('%T/b5.npy', r.randn(16, 5).astype(np.float32)); np.save('%T/b9.npy', r.randn(9, 4).astype(np.float32))"
# RUN: %qcc %s --calib %T/a.npy --calib %T/b.npy --emit=ir
# CHECK: a_q : i8[1,4] q(scale=0.0189127233, zp=7) = quantize(a)
# CHECK: b_q : i8[1,4] q(scale=0.0420449339, zp=-12) = quantize(b)
# RUN-FAIL: %qcc %s --calib %T/a.npy -o %t.c 2>&1
# CHECK: qcc: error: the model has 2 inputs ('a', 'b') but 1 --calib file was given; give one --calib FILE.npy per input, in graph order
# RUN-FAIL: %qcc %s --calib %T/a.npy --calib %T/b.npy --calib %T/b.npy -o %t.c 2>&1
# CHECK: qcc: error: the model has 2 inputs ('a', 'b') but 3 --calib files were given; give one --calib FILE.npy per input, in graph order
# RUN-FAIL: %qcc %s --calib %T/a.npy --calib %T/b5.npy -o %t.c 2>&1
# CHECK: qcc: error: {{.*}}/b5.npy: samples of shape [5] (5 elements) do not match input 'b' : f32[1,4] (4 elements)
# RUN-FAIL: %qcc %s --calib %T/a.npy --calib %T/b9.npy -o %t.c 2>&1
# CHECK: qcc: error: {{.*}}/b9.npy has 9 samples but {{.*}}/a.npy has 16; the --calib files hold one sample per run each
# RUN-FAIL: %qcc run %s --calib %T/a.npy --calib %T/b.npy --input %T/a.npy --output %t.npy --output %t2.npy 2>&1
# CHECK: qcc: error: the model has 2 inputs and 2 outputs, but 1 --input and 2 --output were given
# RUN-FAIL: %qcc run %s --input %T/a.npy --input %T/b9.npy --output %t.npy --output %t2.npy 2>&1
# CHECK: qcc: error: {{.*}}/b9.npy has 9 samples but {{.*}}/a.npy has 16
model pair

input a : f32[1,4]
input b : f32[1,4]

s = add(a, b)
output y = relu(s)
output z = mul(a, b)
