# --name must be a C identifier.
# RUN-FAIL: %qcc %s --name 9lives -o %t.c 2>&1
# CHECK: qcc: error: --name expects a C identifier, got '9lives'
model bad_name

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
