# A relu whose output carries a q(...) (a QDQ model's Conv -> Relu ->
# QuantizeLinear, after qdq_elim): the fused add keeps that q.
# RUN: %qcc %s --passes=fuse --emit=ir
# CHECK:      output y : f32[1,4] q(scale=0.25, zp=-128) = add(a, b, act_min=0)
# CHECK-NOT:  relu
model keeps_q
input a : f32[1,4]
input b : f32[1,4]
s = add(a, b)
output y : f32[1,4] q(scale=0.25, zp=-128) = relu(s)
