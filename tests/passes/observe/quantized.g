# Integer values and constants get no observer: the graph is unchanged.
# RUN: %qcc %s --passes=observe --emit=ir
# CHECK:      input x : i8[1,2,2] q(scale=0.5, zp=3)
# CHECK:      t : i8[1,2,2]{{.*}} = transpose(x, perm=[0,2,1])
# CHECK-NEXT: output f : i8[1,4]{{.*}} = reshape(t, shape=[1,4])
# CHECK-NOT:  observe
model quantized
input x : i8[1,2,2] q(scale=0.5, zp=3)
t = transpose(x, perm=[0,2,1])
output f = reshape(t, shape=[1,4])
