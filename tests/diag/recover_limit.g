# more errors than the parser reports: it stops at the twentieth
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: recover_limit.g:11:6: error: unknown op 'bad1'
# CHECK: recover_limit.g:30:7: error: unknown op 'bad20'
# CHECK-NEXT: y20 = bad20(x)
# CHECK-NEXT: ^
# CHECK-NEXT: qcc: error: {{.*}}recover_limit.g: too many errors, stopping
# CHECK-NOT: bad21
model m
input x : f32[1,4]
y1 = bad1(x)
y2 = bad2(x)
y3 = bad3(x)
y4 = bad4(x)
y5 = bad5(x)
y6 = bad6(x)
y7 = bad7(x)
y8 = bad8(x)
y9 = bad9(x)
y10 = bad10(x)
y11 = bad11(x)
y12 = bad12(x)
y13 = bad13(x)
y14 = bad14(x)
y15 = bad15(x)
y16 = bad16(x)
y17 = bad17(x)
y18 = bad18(x)
y19 = bad19(x)
y20 = bad20(x)
y21 = bad21(x)
y22 = bad22(x)
y23 = bad23(x)
y24 = bad24(x)
y25 = bad25(x)
