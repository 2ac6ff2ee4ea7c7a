# Integer-op checks (ir/shape_q.c): a quantized output needs its declared
# type and q(...), which shape inference cannot invent.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qdense: output 'y' needs a declared i8, u8 or i16 type with a per-tensor q(...)
model diag_no_q
input x : i8[1,2] q(scale=0.1, zp=0)
const w : i8[3,2] q(axis=0, scale=[0.1,0.1,0.1], zp=0) = [1, 2, 3, 4, 5, 6]
output y = qdense(x, w, mult=[1073741824], shift=[30], act_min=-128, act_max=127)
