# --target host is the target --list-targets names for this machine: the
# same bytes as naming it. The .c states its target in its first comment
# and the header defines NAME_TARGET (and the QCC_MODEL_TARGET alias).
# RUN: h=$(%qcc --list-targets | sed -n 's/^host  the best target this machine runs: //p') && test -n "$h" && %qcc %s --target host -o %T/a.c && %qcc %s --target "$h" -o %T/b.c && sed 's/b\.h/a.h/' %T/b.c | cmp - %T/a.c && sed 's/B_H/A_H/; s/b\.h/a.h/' %T/b.h | cmp - %T/a.h
# RUN: %qcc %s -o %T/g.c && sed -n 3p %T/g.c && grep TARGET %T/g.h
# CHECK: * Target: generic (qcc --target; qcc --list-targets says what it needs).
# CHECK: #define target_host_TARGET "generic"
# CHECK: #define QCC_MODEL_TARGET target_host_TARGET
model target_host

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
