# qcc run on a model without inputs (the only ONNX graph input has an
# initializer, which makes it a constant): the outputs are computed once,
# [1, dims...], with a warning saying why; giving an --input is an error.
# bound_input.onnx is y = relu(x) + 1 on x = [-1, 0, 2] (tests/tools/make_io_models.py).
# RUN: %qcc run %S/bound_input.onnx --output %t.npy 2>&1
# CHECK: qcc: warning: the model has no inputs (an ONNX graph input with an initializer is a constant); its outputs are computed once
# RUN: %python -c "import numpy as np; y = np.load('%t.npy'); print(y.shape, y.tolist())"
# CHECK-NEXT: (1, 3) {{\[\[}}1.0, 1.0, 3.0]]
# RUN: %python -c "import numpy as np; np.save('%T/x.npy', np.zeros((2, 3), np.float32))"
# RUN-FAIL: %qcc run %S/bound_input.onnx --input %T/x.npy --output %T/y.npy 2>&1
# CHECK: qcc: error: the model has 0 inputs and 1 output, but 1 --input and 1 --output were given
