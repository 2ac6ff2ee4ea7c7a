# A tensor of a weights file is held to the memory limit before it is
# allocated, with an error at the reference: w (32 floats, 128 bytes) is
# written to m.safetensors, then read under a 64-byte and a 4K limit.
# RUN: %qcc %s --emit=ir -o %T/m.g
# RUN-FAIL: %qcc %T/m.g --max-memory=64 --emit=ir 2>&1
# CHECK: m.g:6:21: error: tensor 'w' in '{{.*}}/m.safetensors' (32 elements) is over the memory limit of 64 bytes (--max-memory raises it)
# RUN: %qcc %T/m.g --max-memory=4K --emit=ir
# CHECK: const w : f32[32] = @w
model m
input x : f32[32]
const w : f32[32] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]
output y = add(x, w)
