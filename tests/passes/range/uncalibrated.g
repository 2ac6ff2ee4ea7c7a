# range straight after observe: nothing was calibrated; the error points at
# the tensor's definition.
# RUN-FAIL: %qcc %s --passes=observe,range --range=kl --emit=ir 2>&1
# CHECK: uncalibrated.g:[[@LINE+2]]:{{[0-9]+}}: error: 'x' has no observations: run calibrate before range
model uncalibrated
input x : f32[1,4]
output r = relu(x)
