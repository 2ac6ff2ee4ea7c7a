# `qcc model.onnx --emit=ir -o model.onnx` is refused before the model is
# read, and the ONNX file keeps its bytes.
# RUN: cp %S/../onnx/cases/two_inputs/model.onnx %T/x.onnx && cp %T/x.onnx %T/x.keep
# RUN-FAIL: %qcc %T/x.onnx --emit=ir -o %T/x.onnx 2>&1
# CHECK: qcc: error: output '{{.*}}/x.onnx' is the input model '{{.*}}/x.onnx'
# RUN: cmp %T/x.onnx %T/x.keep
model unused
input x : f32[1,2]
output y : f32[1,2] = relu(x)
