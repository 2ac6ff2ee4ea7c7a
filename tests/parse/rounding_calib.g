# The `calib` and `rounding` statements: printed after `weights`, in this
# order, and parsed back (the canonical text is a fixed point).
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g && %qcc %t.g --emit=ir | diff -u %t.g -
model rounding_calib
calib "data/calib set.npy"
rounding double

input x : i8[1,4] q(scale=0.5, zp=3)

output y : i8[1,4] q(scale=1, zp=-1) = requantize(x, mult=[1073741824], shift=[31], act_min=-128, act_max=127)
