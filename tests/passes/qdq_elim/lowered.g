# A lowered graph (qcc's own quantize boundary before integer ops) is left
# alone: the pass does not take quantize as QuantizeLinear there.
# RUN: %qcc %s --passes=qdq_elim --emit=ir
# CHECK:      xq : i8[1,4] q(scale=0.5, zp=3) = quantize(x)
# CHECK-NEXT: yq : i8[1,4] q(scale=0.5, zp=3) = requantize(xq, mult=[1073741824], shift=[30], act_min=3, act_max=127)
model lowered
input x : f32[1,4]
xq : i8[1,4] q(scale=0.5, zp=3) = quantize(x)
yq : i8[1,4] q(scale=0.5, zp=3) = requantize(xq, mult=[1073741824], shift=[30], act_min=3, act_max=127)
output y = dequantize(yq)
