# --target generic is the default: the same bytes as no --target, for a
# model with conv, dense and pooling.
# RUN: mkdir -p %T/a %T/b %T/c && %qcc %S/../../../samples/fashion/fashion_cnn.g --calib %S/../../../samples/fashion/calib.npy --emit=ir -o %T/cnn_q.g
# RUN: %qcc %T/cnn_q.g -o %T/a/cnn.c && %qcc %T/cnn_q.g --target generic -o %T/b/cnn.c && %qcc %T/cnn_q.g --target=generic -o %T/c/cnn.c
# RUN: cmp %T/a/cnn.c %T/b/cnn.c && cmp %T/a/cnn.h %T/b/cnn.h && cmp %T/a/cnn.c %T/c/cnn.c && cmp %T/a/cnn.h %T/c/cnn.h
model target_generic

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
