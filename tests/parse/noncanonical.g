# Free-form input: comments, blanks, tabs, keywords used as names, a literal
# wrapped over lines, attributes out of order, defaults spelled out, bits=
# equal to the element width, a zp broadcast over an axis. The output is the
# canonical text, and it is a fixed point.
# RUN: %qcc %s --emit=ir > %t.g && %qcc %t.g --emit=ir | diff -u %t.g - && cat %t.g
# CHECK: model input
# CHECK-NEXT: weights "w.safetensors"
# CHECK-EMPTY:
# CHECK-NEXT: input input : f32[1,2,2,2]
# CHECK-NEXT: input output : f32[1,2]
# CHECK-EMPTY:
# CHECK-NEXT: const model : i4[2] q(scale=0.5, zp=0) = [-8, 7]
# CHECK-NEXT: const c : f32[2] = [1, -0]
# CHECK-NEXT: const s : f32[] = [2]
# CHECK-NEXT: const ws : u8[2] q(axis=0, scale=[0.25,0.5], zp=[128,128]) = [0, 255]
# CHECK-EMPTY:
# CHECK-NEXT: mp : f32[1,2,1,1] = maxpool2d(input, kernel=[2,2])
# CHECK-NEXT: fl : f32[1,2] = flatten(mp)
# CHECK-NEXT: cl : f32[1,2] = clip(fl, max=6)
# CHECK-NEXT: e : f32[1,2] = add(cl, output)
# CHECK-NEXT: m : f32[1,2] = mul(e, s)
# CHECK-NEXT: lr : f32[1,2] = leaky_relu(m, alpha=1)
# CHECK-NEXT: g : f32[1,2] = gelu(lr)
# CHECK-NEXT: h : f32[1,2] = gelu(g, approx=tanh)
# CHECK-NEXT: sm : f32[1,2] = softmax(h)
# CHECK-NEXT: ln : f32[1,2] = layernorm(sm, c, _)
# CHECK-NEXT: output z : f32[1,2] = relu(ln)
# CHECK-NEXT: output e
# CHECK-NEXT: output input
	# leading blanks and comments anywhere
model   input        # a model may be called like a keyword
input input:f32[1,2,2,2]   # ... and so may values
input	output : f32[1,2]
const model : i4[2] q(scale=0.5, zp=0, bits=4) = [-8,
    7
]
const   c : f32[2] = [ 1 , -0.0 ]
weights "w.safetensors"
const s : f32[] = [2]
const ws : u8[2] q(zp=128, scale=[0.25,0.5], axis=0, bits=8) = [0, 255]
mp = maxpool2d(input, ceil_mode=0, kernel=[2,2], stride=[1,1], pad=[0,0,0,0], dilation=[1,1])
fl = flatten(mp, axis=1)
cl = clip(fl, max=6, min=-inf)
e = add(cl, output)
m = mul(e, s)
lr=leaky_relu(m,alpha=1)
g = gelu(lr, approx="none")
h = gelu(g, approx="tanh")
sm = softmax(h, axis=-1)
ln = layernorm(sm, c, _, epsilon=1e-05)
output z = relu(ln)
output e
output input
