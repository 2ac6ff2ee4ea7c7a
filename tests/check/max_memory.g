# --max-memory moves the memory limit (ir/check.c): this model's tensors
# take 12288 bytes (three f32[1,1024]), refused under 8K before the model is
# used and read under 1M; a malformed limit is refused.
# RUN-FAIL: %qcc %s --max-memory=8K --emit=ir -o %t.g 2>&1
# CHECK: max_memory.g:15:8: error: 'y' (f32[1,1024], 4096 bytes) takes the model's tensors to 12288 bytes, over the limit of 8192 bytes (--max-memory raises it)
# RUN: %qcc %s --max-memory 1M --emit=ir
# CHECK: output y : f32[1,1024] = relu(h)
# RUN-FAIL: %qcc %s --max-memory=12X --emit=ir 2>&1
# CHECK: qcc: error: --max-memory expects a positive byte count with an optional K, M or G suffix, got '12X'
# RUN: %qcc --help
# CHECK: --max-memory BYTES
model m
input x : f32[1,1024]
h = relu(x)
output y = relu(h)
