# compare lowers to qcompare. A constant operand is mapped onto the other
# operand's grid (scale 0.5, zp 1) as i32, exactly: x > t iff x > floor(t/s)
# + zp, x >= t iff x >= ceil(t/s) + zp, x == t only where t/s is an integer
# (else qmax + 1 = 128); a constant on the left keeps its place and is
# mapped with the mirrored relation. Two activations compare on a common
# grid, mult = s_i / max(s_a, s_b) * 2^30. Conditions keep their u8 type and
# a graph output keeps its name; where requantizes both values.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      const t_grid : i32[4] q(scale=0.5, zp=1) = [2, 3, -2, 5]
# CHECK-NEXT: const t_grid_1 : i32[4] q(scale=0.5, zp=1) = [3, 3, -1, 5]
# CHECK-NEXT: const t_grid_2 : i32[4] q(scale=0.5, zp=1) = [128, 3, 128, 5]
# CHECK-NEXT: const t_grid_3 : i32[4] q(scale=0.5, zp=1) = [2, 3, -2, 5]
# CHECK:      gt : u8[1,4] = qcompare(x_q, t_grid, cmp=gt, mult=[1,1])
# CHECK-NEXT: ge : u8[1,4] = qcompare(x_q, t_grid_1, cmp=ge, mult=[1,1])
# CHECK-NEXT: eq : u8[1,4] = qcompare(x_q, t_grid_2, cmp=eq, mult=[1,1])
# CHECK-NEXT: lt : u8[1,4] = qcompare(t_grid_3, x_q, cmp=lt, mult=[1,1])
# CHECK-NEXT: y_q : i8[1,4] q(scale=0.25, zp=3) = quantize(y)
# CHECK-NEXT: output le : u8[1,4] = qcompare(x_q, y_q, cmp=le, mult=[1073741824,536870912])
# CHECK-NEXT: w_q : i8[1,4] q(scale=0.5, zp=0) = qwhere(gt, x_q, y_q, mult=[1073741824,1073741824], shift=[30,31])
# CHECK-NEXT: output w : f32[1,4] = dequantize(w_q)
model compare
input x : f32[1,4] q(scale=0.5, zp=1, bits=8)
input y : f32[1,4] q(scale=0.25, zp=3, bits=8)
const t : f32[4] = [0.74, 1, -1.3, 2]
gt = compare(x, t, cmp=gt)
ge = compare(x, t, cmp=ge)
eq = compare(x, t, cmp=eq)
lt = compare(t, x, cmp=lt)
output le = compare(x, y, cmp=le)
output w : f32[1,4] q(scale=0.5, zp=0, bits=8) = where(gt, x, y)
output ge
output eq
output lt
