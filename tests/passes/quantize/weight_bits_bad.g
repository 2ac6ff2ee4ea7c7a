# weight_bits on a layer must be 1 to 8 (0: --weight-bits).
# RUN-FAIL: %qcc %s --passes=quantize --emit=ir -o %t.g 2>&1
# CHECK: weight_bits_bad.g:8:57: error: conv2d 'c': weight_bits must be 1 to 8, got 9
model weight_bits_bad
input x : f32[1,1,2,2] q(scale=0.5, zp=0, bits=8)
const w : f32[2,1,1,1] = [0.5, -2]
const b : f32[2] = [1, -1]
output c : f32[1,2,2,2] q(scale=0.25, zp=-10, bits=8) = conv2d(x, w, b, weight_bits=9)
