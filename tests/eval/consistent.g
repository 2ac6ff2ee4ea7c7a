# qcc eval agrees with `qcc run` and npycheck: its float accuracy is the
# float model's, its quantized accuracy that of the model `--calib`
# compiles, its agreement that of the two sets of logits (first 300 test
# images of Fashion-MNIST, the sample MLP).
# RUN: %python %S/../../samples/fashion/make_testset.py %T --head 300
# RUN: %python -c "import numpy as np; np.save('%T/test_y300.npy', np.load('%T/test_y.npy')[:300])"
# RUN: rm %T/test_x.npy
# RUN: %qcc eval %S/../../samples/fashion/fashion_mlp.g --calib %S/../../samples/fashion/calib.npy --data %T/test_x300.npy --labels %T/test_y300.npy
# CHECK: float accuracy: [[F:[0-9.]+% \([0-9]+/300\)]]
# CHECK: quantized accuracy: [[Q:[0-9.]+% \([0-9]+/300\)]]
# CHECK: top-1 agreement: [[A:[0-9.]+% \([0-9]+/300\)]]
# CHECK: fc1 qdense 8
# RUN: %qcc run %S/../../samples/fashion/fashion_mlp.g --input %T/test_x300.npy --output %t.f.npy
# RUN: %qcc run %S/../../samples/fashion/fashion_mlp.g --calib %S/../../samples/fashion/calib.npy --input %T/test_x300.npy --output %t.q.npy
# RUN: %npycheck accuracy %t.f.npy %T/test_y300.npy --min 0
# CHECK: accuracy: [[F]]
# RUN: %npycheck accuracy %t.q.npy %T/test_y300.npy --min 0
# CHECK: accuracy: [[Q]]
# RUN: %npycheck agree %t.f.npy %t.q.npy --min 0
# CHECK: [[A]]
