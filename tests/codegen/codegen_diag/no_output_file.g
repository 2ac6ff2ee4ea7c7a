# Without -o FILE.c (or --emit=ir) there is nothing to do.
# RUN-FAIL: %qcc %s -o %t.txt 2>&1
# CHECK: qcc: error: nothing to do: give -o FILE.c (C code) or --emit=ir
model no_output_file

input x : i8[1,4] q(scale=0.5, zp=0)
output y : i8[1,4] q(scale=0.5, zp=0) = requantize(x, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
