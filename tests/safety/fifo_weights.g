# A .g whose weights file is a FIFO is refused at the reference, before the
# FIFO is opened (opening it would block until a writer came).
# RUN: cp %s %T/m.g
# RUN: mkfifo %T/w.safetensors
# RUN-FAIL: timeout 10 %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:10:20: error: weights file '{{.*}}/w.safetensors' is not a regular file
model f
weights "w.safetensors"
input x : f32[4]
const w : f32[4] = @w
output y = add(x, w)
