# int8 weight integers that are all -1 or +1 are binary weights (bits=1);
# with a 0 among them they are ternary (bits=2).
# RUN: %qcc %s --passes=qdq_elim --emit=ir
# CHECK:      const wd_1 : f32[2,3] q(axis=0, scale=[0.5,0.25], zp=0, bits=1) = [0.5, -0.5, 0.5, -0.25, -0.25, 0.25]
# CHECK-NEXT: const vd_1 : f32[2,3] q(axis=0, scale=[0.5,0.25], zp=0, bits=2) = [0.5, 0, 0.5, -0.25, -0.25, 0.25]
model binary_weights
input x : f32[1,3]
xq : i8[1,3] q(scale=0.25, zp=0) = quantize(x)
xd = dequantize(xq)
const w : i8[2,3] q(axis=0, scale=[0.5,0.25], zp=0) = [1, -1, 1, -1, -1, 1]
const v : i8[2,3] q(axis=0, scale=[0.5,0.25], zp=0) = [1, 0, 1, -1, -1, 1]
wd = dequantize(w)
vd = dequantize(v)
y0 = dense(xd, wd)
y1 = dense(xd, vd)
y2 = add(y0, y1)
yq : i8[1,2] q(scale=0.125, zp=0) = quantize(y2)
output y = dequantize(yq)
