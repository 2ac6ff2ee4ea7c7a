# --emit=ir -o FILE.g writes FILE.g and FILE.safetensors: constants of more
# than 16 elements go to the weights file (f32 as F32, i32 I32, i16 I16, i8
# and i4 as I8, u8 and u4 as U8), read back independently by
# dump_safetensors.py; smaller ones stay inline. Writing the written model
# again gives the same two files byte for byte. A failed write leaves no
# file behind (the weights file of a model whose .g cannot be written is
# removed again).
# RUN: %qcc %s --emit=ir -o %T/a.g && cat %T/a.g
# CHECK: model st
# CHECK-NEXT: weights "a.safetensors"
# CHECK-EMPTY:
# CHECK-NEXT: input x : f32[2]
# CHECK-EMPTY:
# CHECK-NEXT: const wf : f32[17] = @wf
# CHECK-NEXT: const small : f32[16] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
# CHECK-NEXT: const wq : i8[3,6] q(axis=0, scale=[0.5,0.25,0.125], zp=0) = @wq
# CHECK-NEXT: const w4 : i4[17] q(scale=0.5, zp=0) = @w4
# CHECK-NEXT: const u4 : u4[17] q(scale=1, zp=8) = @u4
# CHECK-NEXT: const u : u8[17] = @u
# CHECK-NEXT: const h : i16[17] = @h
# CHECK-NEXT: const i : i32[17] = @i
# CHECK-NEXT: output x
# RUN: %python %S/../tools/dump_safetensors.py %T/a.safetensors
# CHECK-NEXT: wf F32 [17] 0.5 -1 -0 inf -inf nan 3.40282347e+38 1.40129846e-45 0.100000001 1 2 3 4 5 6 7 8
# CHECK-NEXT: wq I8 [3, 6] -128 127 0 1 -1 2 3 4 5 6 7 8 9 10 11 12 13 14
# CHECK-NEXT: w4 I8 [17] -8 7 0 1 -1 2 -2 3 -3 4 -4 5 -5 6 -6 7 -7
# CHECK-NEXT: u4 U8 [17] 0 15 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
# CHECK-NEXT: u U8 [17] 0 255 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
# CHECK-NEXT: h I16 [17] -32768 32767 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
# CHECK-NEXT: i I32 [17] -2147483648 2147483647 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
# RUN: mkdir %T/b && %qcc %T/a.g --emit=ir -o %T/b/a.g && cmp %T/a.g %T/b/a.g && cmp %T/a.safetensors %T/b/a.safetensors
# RUN: mkdir %T/d.g
# RUN-FAIL: %qcc %s --emit=ir -o %T/d.g 2>&1
# CHECK: qcc: error: cannot write '{{.*}}d.g': Is a directory
# RUN-FAIL: %qcc %s --emit=ir -o %T/nodir/x.g 2>&1
# CHECK: qcc: error: cannot create '{{.*}}nodir/x.safetensors': No such file or directory
model st

input x : f32[2]

const wf : f32[17] = [0.5, -1, -0, inf, -inf, nan, 3.40282347e+38, 1.40129846e-45, 0.100000001, 1, 2, 3, 4, 5, 6, 7, 8]
const small : f32[16] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
const wq : i8[3,6] q(axis=0, scale=[0.5,0.25,0.125], zp=0) = [-128, 127, 0, 1, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
const w4 : i4[17] q(scale=0.5, zp=0) = [-8, 7, 0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7]
const u4 : u4[17] q(scale=1, zp=8) = [0, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
const u : u8[17] = [0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
const h : i16[17] = [-32768, 32767, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
const i : i32[17] = [-2147483648, 2147483647, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]

output x
