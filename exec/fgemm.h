/* fgemm.h - the float matrix product the interpreter's conv, dense and
 * matmul share: OpenBLAS sgemm when qcc is built with it (QCC_WITH_BLAS),
 * otherwise plain loops accumulating in double. */
#ifndef QCC_FGEMM_H
#define QCC_FGEMM_H

#include <stdint.h>

/* c[M,N] = a[M,K] b + bias, b being [K,N] (row stride ldb) or, with
 * trans_b, [N,K] (row stride ldb). The bias is per row of c (row_bias) or
 * per column (col_bias), either may be NULL. One thread per call. */
void fgemm(int trans_b, int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, int64_t ldb, float *c, const float *row_bias,
	const float *col_bias);

/* The columns path fgemm takes for N <= FGEMM_SKINNY_N: c[M,N] = a[M,K]
 * b^T + row_bias, b being [N,K] (rows contiguous), each element one dot
 * product in double over k in a fixed order (exec/fgemm.c), so that an
 * element depends on its row of a and of b alone, not on M or N: images
 * batched side by side in b give the bits each gives alone. */
enum { FGEMM_SKINNY_N = 8 };
void fgemm_dots(int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, float *c, const float *row_bias);

/* A hot float loop compiled for AVX-512, AVX2 and the baseline, chosen at
 * load time (GCC on x86-64); the arithmetic, hence the result, is the
 * same in every version. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define FGEMM_CLONES \
	__attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define FGEMM_CLONES
#endif

/* 1 when fgemm is OpenBLAS. */
int fgemm_is_blas(void);

#endif
