# An output that is one of the command's inputs is refused before anything
# is read or written, naming both, and the input's bytes stay as they were:
# the model, the model's weights file (-o naming it, or naming the .g whose
# companion .safetensors it is), --calib, run's --input, and, for a file
# that does not exist yet, the same name reached by another path.
# RUN: %qcc %s --emit=ir -o %T/w.g && cp %T/w.g %T/v.g && cp %T/w.g %T/w.keep && cp %T/w.safetensors %T/ws.keep
# RUN-FAIL: %qcc %T/w.g --emit=ir -o %T/w.g 2>&1
# CHECK: qcc: error: output '{{.*}}/w.g' is the input model '{{.*}}/w.g'
# RUN: cmp %T/w.g %T/w.keep
# RUN-FAIL: %qcc %T/w.g --emit=ir -o %T/./w.safetensors 2>&1
# CHECK: qcc: error: output '{{.*}}/./w.safetensors' is the model's weights file '{{.*}}/w.safetensors'
# RUN-FAIL: %qcc %T/v.g --emit=ir -o %T/w.g 2>&1
# CHECK: qcc: error: output '{{.*}}/w.safetensors' is the model's weights file '{{.*}}/w.safetensors'
# RUN: cmp %T/w.safetensors %T/ws.keep && cmp %T/w.g %T/w.keep
# RUN: %python -c "import numpy as np; np.save('%T/c.npy', np.ones((2,1,20), np.float32))"
# RUN: cp %T/c.npy %T/c.keep
# RUN-FAIL: %qcc %s --calib %T/c.npy --emit=ir -o %T/./c.npy 2>&1
# CHECK: qcc: error: output '{{.*}}c.npy' is the --calib file '{{.*}}c.npy'
# RUN-FAIL: %qcc run %s --input %T/c.npy --output %T/c.npy 2>&1
# CHECK: qcc: error: output '{{.*}}/c.npy' is the --input file '{{.*}}/c.npy'
# RUN: cmp %T/c.npy %T/c.keep
# RUN: mkdir %T/sub
# RUN-FAIL: %qcc run %s --input %T/new.npy --output %T/sub/../new.npy 2>&1
# CHECK: qcc: error: output '{{.*}}/sub/../new.npy' is the --input file '{{.*}}/new.npy'
model w

input x : f32[1,20]

const k : f32[1,20] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]

output y : f32[1,20] = mul(x, k)
