# minmax: scale = (max - min) / 255, zp = round(-128 - min / scale), with 0
# always in the range; the observers go, their consumers read the value.
# [-1, 3]: scale 4/255, zp round(-128 + 63.75) = -64; [0, 3]: 3/255, -128.
# RUN: %qcc %s --passes=range --emit=ir
# CHECK:      input x : f32[1,4] q(scale=0.0156862754, zp=-64, bits=8)
# CHECK:      r : f32[1,4] q(scale=0.0117647061, zp=-128, bits=8) = relu(x)
# CHECK-NEXT: output y : f32[1,4] q(scale=0.0117647061, zp=-128, bits=8) = add(r, r)
# CHECK-NOT:  observe
model minmax
input x : f32[1,4]
xo = observe(x, min=-1, max=3, count=4)
r = relu(xo)
ro = observe(r, min=0.5, max=3, count=4)
output y = add(ro, ro)
yo = observe(y, min=1, max=3, count=4)
