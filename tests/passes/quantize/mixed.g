# A node that cannot be lowered (a layernorm whose scale is computed at
# run time) stays float with a warning: its
# input comes back through dequantize (NAME_f) and its annotated output is
# quantized again for the integer consumer; values without q stay float.
# RUN: %qcc %s --passes=quantize --emit=ir 2>&1
# CHECK:      warning: layernorm 'n' cannot be lowered to integer ops and stays in float
# CHECK:      x_q : i8[1,4] q(scale=0.25, zp=0) = quantize(x)
# CHECK-NEXT: r : i8[1,4] q(scale=0.25, zp=-128) = requantize(x_q, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
# CHECK-NEXT: r_f : f32[1,4] = dequantize(r)
# CHECK-NEXT: n : f32[1,4] = layernorm(r_f, s)
# CHECK-NEXT: n_q : i8[1,4] q(scale=0.03125, zp=0) = quantize(n)
# CHECK-NEXT: y_q : i8[1,4] q(scale=0.125, zp=0) = qlut(n_q, table=[
# CHECK-NEXT: output y : f32[1,4] = dequantize(y_q)
# CHECK-NEXT: output z : f32[1,4] = relu(n)
model mixed
input x : f32[1,4] q(scale=0.25, zp=0, bits=8)
input s : f32[4]
r : f32[1,4] q(scale=0.25, zp=-128, bits=8) = relu(x)
n : f32[1,4] q(scale=0.03125, zp=0, bits=8) = layernorm(r, s)
output y : f32[1,4] q(scale=0.125, zp=0, bits=8) = tanh(n)
output z = relu(n)
