# An unknown --target is an error listing the known ones, found before the
# model is read or compiled: exit 1 and no file written.
# RUN-FAIL: %qcc %s --target foo -o %t.c 2>&1
# RUN-FAIL: %qcc %s --calib %S/missing.npy --target=x86 -o %t.c 2>&1
# CHECK: qcc: error: unknown target 'foo'; expected host or one of: generic
# CHECK-NEXT: qcc: error: unknown target 'x86'; expected host or one of: generic
model unknown_target

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
