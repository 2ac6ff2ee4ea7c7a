# a pad whose output needs 8 GB (under 2^31 elements, so a valid shape) is
# refused before anything is allocated: the error names the value, and
# nothing is written
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# RUN: %python -c "import numpy; numpy.save('%T/c.npy', numpy.ones((2, 1, 1, 1, 1), 'f4'))"
# RUN-FAIL: %qcc %s --calib %T/c.npy -o %t.c 2>&1
# CHECK: pad_bomb.g:11:1: error: 'p' (f32[1,1,46001,46001], 8464368004 bytes) takes the model's tensors to 8464368008 bytes, over the limit of 4294967296 bytes
# CHECK: pad_bomb.g:11:1: error: 'p'
model bomb
input x : f32[1,1,1,1]
p = pad(x, pads=[0,0,0,0,0,0,46000,46000])
output y = relu(p)
