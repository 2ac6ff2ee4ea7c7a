# a broadcast of [40000,1] and [1,40000] (6.4 GB) is refused at the value
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: broadcast_bomb.g:7:8: error: 'y' (f32[40000,40000], 6400000000 bytes) takes the model's tensors to 6400320000 bytes, over the limit
model bomb
input a : f32[40000,1]
input b : f32[1,40000]
output y = add(a, b)
