# A quantize whose integer output another op reads (here a flatten between
# the quantize and the dequantize): the error names it.
# RUN-FAIL: %qcc %s --passes=qdq_elim --emit=ir 2>&1
# CHECK: q_alone.g:7:37: error: node 'xq' (quantize): its integer output is read by another op, not dequantized; qcc compiles QuantizeLinear -> DequantizeLinear pairs
model q_alone
input x : f32[1,4,1]
xq : i8[1,4,1] q(scale=0.5, zp=3) = quantize(x)
xf : i8[1,4] q(scale=0.5, zp=3) = flatten(xq)
xd = dequantize(xf)
output y = relu(xd)
