# Numeric options are checked whole before anything is read: trailing junk,
# blanks, NaN, exponents, out-of-range values; --range percentile:P needs
# 50 <= P <= 100 (a lower percentile clips most values and can give a
# range of zero) and bn:A a finite A, for --range and --range-for alike.
# RUN-FAIL: %qcc %s --weight-bits 4x --emit=ir 2>&1
# CHECK: qcc: error: --weight-bits expects an integer, got '4x'
# RUN-FAIL: %qcc %s --weight-bits ' 4' --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits expects an integer, got ' 4'
# RUN-FAIL: %qcc %s --weight-bits 9 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits must be between 1 and 8, got 9
# RUN-FAIL: %qcc %s --weight-bits 99999999999999999999 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --weight-bits must be between 1 and 8, got 99999999999999999999
# RUN-FAIL: %qcc %s --act-bits nan --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --act-bits expects an integer, got 'nan'
# RUN-FAIL: %qcc %s --act-bits=1e1 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --act-bits expects an integer, got '1e1'
# RUN-FAIL: %qcc %s --adaround-iters 2000000 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --adaround-iters must be between 1 and 1000000, got 2000000
# RUN-FAIL: %qcc %s --adaround-iters -3 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --adaround-iters must be at least 1, got -3
# RUN-FAIL: %qcc %s --seed 1.5 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --seed expects an integer, got '1.5'
# RUN-FAIL: %qcc %s --seed= --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --seed expects an integer, got ''
# RUN-FAIL: %qcc %s --range percentile:1e-300 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --range percentile:1e-300: the percentile P must be between 50 and 100, e.g. percentile:99.99
# RUN-FAIL: %qcc %s --range percentile:49.9 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --range percentile:49.9: the percentile P must be between 50 and 100
# RUN-FAIL: %qcc %s --range-for y=percentile:1e-300 --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --range-for y=percentile:1e-300: the percentile P must be between 50 and 100
# RUN-FAIL: %qcc %s --range bn:inf --emit=ir 2>&1
# CHECK-NEXT: qcc: error: --range bn:inf: A must be a finite positive number, e.g. bn:6
# RUN-FAIL: %qcc %s --range percentile:nan --passes=observe --emit=ir 2>&1
# CHECK-NEXT: qcc: error: unknown range method 'percentile:nan'
# RUN: %qcc %s --range percentile:50 --emit=ir > /dev/null
model opts
input x : f32[1,2]
output y : f32[1,2] = relu(x)
