# --input-shape NAME=D0,D1,... fixes the symbolic dimensions of an ONNX
# graph input (here the batch and the length of nhwc_kws.onnx's NHWC input
# [batch,time,16,1]); without it the error says how; a malformed value, an
# unknown input, another rank and a dimension the model fixes otherwise are
# errors, and so is --input-shape on a .g model (whose shapes are static).
# RUN: %qcc %S/nhwc_kws.onnx --input-shape x=1,50,16,1 --emit=ir
# CHECK: input x : f32[1,50,16,1]
# CHECK: Transpose_output_0 : f32[1,1,50,16] = transpose(x, perm=[0,3,1,2])
# CHECK: GlobalAveragePool_output_0 : f32[1,8,1,1] = global_avgpool(Relu_1_output_0)
# CHECK: output y : f32[1,5] = dense(
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --emit=ir 2>&1
# CHECK: nhwc_kws.onnx: error: graph input 'x' has a dynamic dimension 1 ('time'); qcc needs static shapes: fix it with --input-shape x=D0,D1,... (the model's shape is [batch,time,16,1])
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape mel=1,50,16,1 --emit=ir 2>&1
# CHECK: nhwc_kws.onnx: error: --input-shape mel=1,50,16,1: the model has no graph input 'mel'; its inputs: 'x'
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape x=1,50,16 --emit=ir 2>&1
# CHECK: nhwc_kws.onnx: error: --input-shape x=1,50,16: graph input 'x' has rank 4 ([batch,time,16,1]), not 3
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape x=1,50,32,1 --emit=ir 2>&1
# CHECK: nhwc_kws.onnx: error: --input-shape x=1,50,32,1: dimension 2 of graph input 'x' is 16 in the model ([batch,time,16,1]), not 32
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape x=1,0,16,1 --emit=ir 2>&1
# CHECK: qcc: error: --input-shape expects NAME=D0,D1,... with 1 to 8 positive dimensions, got 'x=1,0,16,1'
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape =1,2 --emit=ir 2>&1
# CHECK: qcc: error: --input-shape expects NAME=D0,D1,... with 1 to 8 positive dimensions, got '=1,2'
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape x=1,50,16,1, --emit=ir 2>&1
# CHECK: qcc: error: --input-shape expects NAME=D0,D1,... with 1 to 8 positive dimensions, got 'x=1,50,16,1,'
# RUN-FAIL: %qcc %S/nhwc_kws.onnx --input-shape x=1,50,16,1 --input-shape x=1,40,16,1 --emit=ir 2>&1
# CHECK: qcc: error: --input-shape x=1,40,16,1: input 'x' is given a shape twice
# RUN-FAIL: %qcc %s --input-shape x=1,4 --emit=ir 2>&1
# CHECK: qcc: error: --input-shape x=1,4: a .g model's input shapes are static; --input-shape fixes the symbolic dimensions of an ONNX model's inputs
model static

input x : f32[1,4]
output y = relu(x)
