/* fgemm.h - the float matrix products the interpreter's conv, dense and
 * matmul share: each element one dot product accumulated in double in a
 * fixed order (exec/fgemm.c), so that it depends on its row of a and its
 * row (column) of b alone: not on the other rows, the batch, the blocking
 * or the machine. */
#ifndef QCC_FGEMM_H
#define QCC_FGEMM_H

#include <stdint.h>

/* c[M,N] = a[M,K] b + bias, b being [K,N] (row stride ldb) or, with
 * trans_b, [N,K] (row stride ldb). The bias is per row of c (row_bias) or
 * per column (col_bias), either may be NULL. One thread per call. */
void fgemm(int trans_b, int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, int64_t ldb, float *c, const float *row_bias,
	const float *col_bias);

/* c[M,N] = a[M,K] b^T + row_bias, b being [N,K] (rows contiguous): the
 * elements fgemm forms, images batched side by side in b giving the bits
 * each gives alone. fgemm_dots_d takes b already in double (exact), its
 * rows fgemm_kpad(K) apart and ending in zeros past K. */
void fgemm_dots(int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, float *c, const float *row_bias);
static inline int64_t fgemm_kpad(int64_t K)
{
	return (K + 7) / 8 * 8;
}
void fgemm_dots_d(int64_t M, int64_t N, int64_t K, const float *a,
	const double *b, float *c, const float *row_bias);

/* Up to FGEMM_SHORT_K terms a product goes eight outputs at a time
 * (fgemm_dots_d then takes this path itself): the blocks' fixed costs per
 * output would outweigh so few multiply-adds. fgemm_cols_d takes b by
 * columns, bT[k * ldb + j] for k < fgemm_kpad(K) (zeros from K on) and
 * j < ldb = fgemm_cols_ld(N) (zeros from N on). */
enum { FGEMM_SHORT_K = 64 };
static inline int64_t fgemm_cols_ld(int64_t N)
{
	return (N + 7) / 8 * 8;
}
void fgemm_cols_d(int64_t M, int64_t N, int64_t K, const float *a,
	const double *bT, int64_t ldb, float *c, const float *row_bias);

/* A hot float loop compiled for AVX-512, AVX2 and the baseline, chosen at
 * load time (GCC or Clang on x86-64); the arithmetic, hence the result, is the
 * same in every version. */
#if defined(__GNUC__) && defined(__x86_64__) && \
	(!defined(__clang__) || __clang_major__ >= 14)
#define FGEMM_CLONES \
	__attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define FGEMM_CLONES
#endif

#endif
