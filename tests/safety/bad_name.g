# --name must be a C identifier starting with a letter (a leading '_' is
# reserved, and the include guard is the name in upper case) that does not
# begin with qcc_model in any case: the header's model-independent aliases
# are QCC_MODEL_INPUT_SIZE and the like, and typedefs qcc_model_input_t.
# RUN-FAIL: %qcc %s --name QCC_MODEL --emit=ir 2>&1
# CHECK: qcc: error: --name QCC_MODEL: names beginning with qcc_model (in any case) are reserved for the header's QCC_MODEL_ aliases
# RUN-FAIL: %qcc %s --name=qcc_Model_x --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --name qcc_Model_x: names beginning with qcc_model
# RUN-FAIL: %qcc %s --name _net --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --name _net: names beginning with '_' are reserved
# RUN-FAIL: %qcc %s --name 9net --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --name expects a C identifier, got '9net'
# RUN-FAIL: %qcc %s --name a-b --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --name expects a C identifier, got 'a-b'
# RUN: %qcc %s --name qcc_net --emit=ir > /dev/null
# The model's own name, the default prefix, is held to the same rule.
# RUN: sed 's/^model names$/model Qcc_Model_net/' %s > %T/m.g
# RUN: %python -c "import numpy as np; np.save('%T/c.npy', np.ones((2,1,2), np.float32))"
# RUN-FAIL: %qcc %T/m.g --calib %T/c.npy -o %T/m.c 2>&1
# CHECK-NEXT: qcc: error: the model's name 'Qcc_Model_net' makes a C prefix reserved for the header's QCC_MODEL_ aliases; give --name NAME
# RUN: %qcc %T/m.g --calib %T/c.npy --name net -o %T/m.c
model names
input x : f32[1,2]
output y : f32[1,2] = relu(x)
