# An output that is a symbolic link is written through to its target: the
# link stays a link, the target gets the new contents, and the file -o
# writes beside it (.safetensors, .h) goes beside the target, where the
# first names it. A link to a link is followed too.
# RUN: mkdir %T/d && echo old > %T/d/real.g && ln -s d/real.g %T/link.g && ln -s link.g %T/link2.g
# RUN: %qcc %s --emit=ir -o %T/link2.g
# RUN: test -L %T/link.g && test -L %T/link2.g && test -f %T/d/real.g && test -f %T/d/real.safetensors
# RUN: %qcc %T/d/real.g --emit=ir
# CHECK: model lnk
# CHECK: weights "real.safetensors"
# RUN: ls %T %T/d
# CHECK: link.g
# CHECK-NEXT: link2.g
# CHECK-EMPTY:
# CHECK: real.g
# CHECK-NEXT: real.safetensors
# CHECK-EMPTY:
model lnk

input x : f32[1,20]

const k : f32[1,20] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]

output y : f32[1,20] = mul(x, k)
