# --list-targets prints every target with its summary and, per target, its
# kernel rows in selection order: op, kernel, when it applies. --help names
# both options.
# RUN: %qcc --list-targets
# RUN: %qcc --help
# CHECK: host  the best target this machine runs:
# CHECK: generic  portable C99 (the default)
# CHECK-NEXT: qconv2d          conv_xnor        binary input and binary weights
# CHECK-NEXT: qdense           dense_xnor       binary input and binary weights
# CHECK-NEXT: qconv2d          conv_sub         weights of 4 bits or fewer, packed
# CHECK-NEXT: qdense           dense_sub        weights of 4 bits or fewer, packed
# CHECK-NEXT: qconv2d          conv_pointwise   1x1, stride 1, no padding
# CHECK-NEXT: qconv2d          conv_direct      one input channel a group
# CHECK-NEXT: qconv2d          conv_im2col      otherwise
# CHECK-NEXT: qdense           dense            always
# CHECK-NEXT: qmatmul          matmul           always
# CHECK-NEXT: requantize       requantize       always
# CHECK: transpose        transpose        always
# CHECK: --target NAME
# CHECK: --list-targets
model list_targets

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
