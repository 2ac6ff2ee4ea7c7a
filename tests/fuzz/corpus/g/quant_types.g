# Quantized types: q(...) per-tensor and per-axis, zp list and zp=0, bits=
# below the element width, i4/u4/i16/i32/u8 literals
# at the ends of their ranges: the canonical text is a fixed point.
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g && %qcc %t.g --emit=ir | diff -u %t.g -
model quant_types

input x : i8[1,2,4,4] q(scale=0.00392156886, zp=-128)
input u : u8[3] q(scale=0.5, zp=128)

const w : i8[3,2,1,1] q(axis=0, scale=[0.5,0.25,0.125], zp=0) = [1, -2, 3, -4, 127, -128]
const w4 : i8[2,2] q(axis=1, scale=[1,2], zp=[1,-1], bits=4) = [-8, 7, 0, 1]
const n4 : i4[2] q(scale=0.00100000005, zp=0) = [-8, 7]
const p4 : u4[4] q(scale=2, zp=8) = [0, 15, 8, 9]
const bias : i32[3] q(axis=0, scale=[0.00100000005,0.00200000009,0.00300000003], zp=0) = [100000, -2147483648, 2147483647]
const h : i16[2] q(scale=3.05175781e-05, zp=0, bits=12) = [-2048, 2047]
const plain : i32[2,1] = [5, -5]
const s : f32[] = [-inf]

output dq : f32[1,2,4,4] = dequantize(x)
