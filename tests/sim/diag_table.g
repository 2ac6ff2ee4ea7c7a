# Integer-op checks (ir/shape_q.c): an 8-bit qlut needs 256 entries.
# RUN-FAIL: %qcc %s --emit=ir 2>&1
# CHECK: error: qlut: table must have 256 entries for i8[1,2] input, got 3
model diag_table
input x : i8[1,2] q(scale=0.1, zp=0)
output y : i8[1,2] q(scale=0.1, zp=0) = qlut(x, table=[1, 2, 3])
