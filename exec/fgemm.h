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

/* 1 when fgemm is OpenBLAS. */
int fgemm_is_blas(void);

#endif
