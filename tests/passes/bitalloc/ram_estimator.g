# --ram-budget gives each width the clipping range its estimator chooses on
# that width's grid, as --act-bits does: range keeps the other width's grid,
# estimated from the same observations. Under mse and percentile the 16-bit
# range is not the 8-bit one re-gridded, nor the 8-bit one the 16-bit one.
# The model is ram_budget.g's; at 64 bytes every tensor is 16-bit, at 48
# the hidden a is 8-bit.
# RUN: echo run1 && %qcc %S/ram_budget.g --calib %S/calib.npy --range mse --ram-budget 64 --emit=ir 2>&1
# CHECK-LABEL: run1
# CHECK:      bitalloc: *         64 {{.*}}  {{.*}}
# CHECK:      x_q : i16[1,8] q(scale=0.000118946431, zp=0)
# CHECK-NEXT: a : i16[1,16] q(scale=0.000139259937, zp=0)
# RUN: echo run2 && %qcc %S/ram_budget.g --calib %S/calib.npy --range mse --act-bits 16 --emit=ir 2>&1
# CHECK-LABEL: run2
# CHECK:      x_q : i16[1,8] q(scale=0.000118946431, zp=0)
# CHECK-NEXT: a : i16[1,16] q(scale=0.000139259937, zp=0)
# RUN: echo run3 && %qcc %S/ram_budget.g --calib %S/calib.npy --range percentile:99 --ram-budget 64 --emit=ir 2>&1
# CHECK-LABEL: run3
# CHECK:      x_q : i16[1,8] q(scale=8.9704321e-05, zp=0)
# RUN: echo run4 && %qcc %S/ram_budget.g --calib %S/calib.npy --range percentile:99 --act-bits 16 --emit=ir 2>&1
# CHECK-LABEL: run4
# CHECK:      x_q : i16[1,8] q(scale=8.9704321e-05, zp=0)
# From 16 bits down: the 8-bit a is --act-bits 8's (asymmetric, its own
# clipping), not the 16-bit symmetric range re-gridded.
# RUN: echo run5 && %qcc %S/ram_budget.g --calib %S/calib.npy --range mse --act-bits 16 --ram-budget 48 --emit=ir 2>&1
# CHECK-LABEL: run5
# CHECK:      bitalloc: *         48 {{.*}}
# CHECK:      x_q : i16[1,8] q(scale=0.000118946431, zp=0)
# CHECK-NEXT: a : i8[1,16] q(scale=0.0178771541, zp=-128)
# RUN: echo run6 && %qcc %S/ram_budget.g --calib %S/calib.npy --range mse --emit=ir 2>&1
# CHECK-LABEL: run6
# CHECK:      a : i8[1,16] q(scale=0.0178771541, zp=-128)
