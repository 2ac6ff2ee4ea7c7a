# Tensors from a weights file (made by tests/tools/make_safetensors.py):
# dotted, quoted and path-like names, F64 read as f32, I64 as i32, I8 as i4,
# U8, I16. The canonical text keeps the references (fixed point); written
# with -o, constants of at most 16 elements are inlined, so the values read
# can be checked, and no weights file is needed.
# RUN: %qcc %s --emit=ir > %t.g && grep -v "^#" %s | diff -u - %t.g
# RUN: %qcc %s --emit=ir -o %t.g && test ! -e %t.safetensors && cat %t.g
# CHECK: model weights_refs
# CHECK-EMPTY:
# CHECK-NEXT: input x : f32[1,1,2,2]
# CHECK-EMPTY:
# CHECK-NEXT: const w : f32[2,1,1,1] = [0.5, -1.25]
# CHECK-NEXT: const d : f32[2] = [0.100000001, 1.00000002e+30]
# CHECK-NEXT: const idx : i32[3] = [-2147483648, 0, 2147483647]
# CHECK-NEXT: const q4 : i4[2] q(scale=0.5, zp=0) = [-8, 7]
# CHECK-NEXT: const u : u8[2] = [0, 255]
# CHECK-NEXT: const h : i16[2] = [-32768, 32767]
# CHECK-EMPTY:
# CHECK-NEXT: output c : f32[1,2,2,2] = conv2d(x, w)
model weights_refs
weights "weights.safetensors"

input x : f32[1,1,2,2]

const w : f32[2,1,1,1] = @conv1.weight
const d : f32[2] = @"odd name"
const idx : i32[3] = @layer/0:idx
const q4 : i4[2] q(scale=0.5, zp=0) = @q4
const u : u8[2] = @u
const h : i16[2] = @h

output c : f32[1,2,2,2] = conv2d(x, w)
