# A model whose kernels need no requantization gets no helper functions
# (clang rejects an unused static function under -Werror).
# RUN: %qcc %s -o %t.c && clang -std=c99 -Wall -Wextra -Wpedantic -Werror -c %t.c -o %t.o && cat %t.c
# CHECK-NOT: qcc_requant
# CHECK: static void k0_y(const int8_t *x, int8_t *y)
model helpers_unused

input x : i8[1,2,4,4] q(scale=0.5, zp=3)
output y : i8[1,2,2,2] q(scale=0.5, zp=3) = qmaxpool2d(x, kernel=[2,2], stride=[2,2])
