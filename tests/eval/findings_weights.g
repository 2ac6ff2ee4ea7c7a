# With 2-bit weights the sample MLP loses most of its signal in its first
# layer, and the findings say it is the rounding of that layer's weights.
# The labels are arbitrary: only the findings are checked.
# RUN: %python -c "import numpy as np; np.save('%t.y.npy', np.zeros(500, dtype=np.int64))"
# RUN: %qcc eval %S/../../samples/fashion/fashion_mlp.g --weight-bits 2 --calib %S/../../samples/fashion/calib.npy --data %S/../../samples/fashion/calib.npy --labels %t.y.npy
# CHECK:      fc1_weight_q weight 2 per-channel 0.000% {{1\.[0-9]+}}
# CHECK:      findings:
# CHECK-NEXT: 1. the largest loss: fc1 (qdense) has SQNR {{2\.[0-9]+}} dB against {{6[0-9]\.[0-9]+}} dB at its input flatten ({{2\.[0-9]+}} dB alone on the float network's values rounded to their grids); the rounding of fc1's 2-bit weights (SQNR {{1\.[0-9]+}} dB) is most of its error: --adaround, or more --weight-bits
# CHECK-NOT:  2.
model stub
input x : f32[1]
output x
