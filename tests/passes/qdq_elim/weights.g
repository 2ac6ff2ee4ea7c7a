# A dequantize of constant int8 weights folds into f32 weights that keep
# their per-channel q (zp 0), and quantize reproduces the integers; an
# int32 bias becomes the float it stands for, without q.
# RUN: %qcc %s --passes=qdq_elim --emit=ir
# CHECK:      const wd_1 : f32[2,2] q(axis=0, scale=[0.5,0.25], zp=0, bits=8) = [1, -0.5, 31.75, 0.25]
# CHECK-NEXT: const bd_1 : f32[2] = [0.5, -0.25]
# CHECK:      output y : f32[1,2] q(scale=0.125, zp=0, bits=8) = dense(x, wd_1, bd_1)
# The pipeline then needs no calibration data (a .g runs it with --passes;
# an ONNX model by default), and the integers come back:
# RUN: %qcc %s --passes=qdq_elim,fuse,observe,calibrate,range,quantize -o %t.c && %qcc %s --passes=qdq_elim,fuse,observe,calibrate,range,quantize --emit=ir | grep -F "const wd_1_q : i8[2,2] q(axis=0, scale=[0.5,0.25], zp=0) = [2, -1, 127, 1]"
model weights
input x : f32[1,2]
xq : i8[1,2] q(scale=0.25, zp=0) = quantize(x)
xd = dequantize(xq)
const w : i8[2,2] q(axis=0, scale=[0.5,0.25], zp=0) = [2, -1, 127, 1]
const b : i32[2] q(axis=0, scale=[0.125,0.0625], zp=0) = [4, -4]
wd = dequantize(w)
bd = dequantize(b)
y0 = dense(xd, wd, bd)
yq : i8[1,2] q(scale=0.125, zp=0) = quantize(y0)
output y = dequantize(yq)
