/* fgemm.c - see fgemm.h. The product is formed in double (dgemm) and
 * rounded once to float, which keeps it within the kernels' tolerance of
 * an exact reference (a float sgemm is not: cancelling sums lose digits).
 * OpenBLAS is its serial build: one thread per product, a fixed summation
 * order, hence a fixed result; calibration runs independent samples on the
 * cores (passes/calibrate.c). */
#include <stdlib.h>
#include <string.h>

#include "fgemm.h"

#ifdef QCC_WITH_BLAS
#include <cblas.h>
#endif

int fgemm_is_blas(void)
{
#ifdef QCC_WITH_BLAS
	return 1;
#else
	return 0;
#endif
}

/* Few output columns (a convolution's last layers on small images, a
 * dense layer at batch 1): the product is bound by reading a, so a is read
 * as float, each element once, and each output is one dot product in
 * double (the products of two floats are exact in double) rounded once.
 * dot() keeps eight partial sums (lane u takes the elements k = u mod 8 of
 * the first K - K mod 8, the rest goes to lane k mod 8) added as a fixed
 * tree, so the result is the same on every machine; with GCC on x86-64 it
 * is compiled for AVX-512, AVX2 and the baseline, chosen at load time. */
enum { SKINNY_N = 8 };

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define DOT_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define DOT_CLONES
#endif
#if defined(__GNUC__)
typedef double v8d __attribute__((vector_size(64)));
typedef float v8f __attribute__((vector_size(32)));

DOT_CLONES static double dot(const float *x, const float *y, int64_t K)
{
	v8d acc = {0};
	int64_t k = 0;
	for (; k + 8 <= K; k += 8) {
		v8f xv, yv;
		memcpy(&xv, x + k, sizeof xv);
		memcpy(&yv, y + k, sizeof yv);
		acc += __builtin_convertvector(xv, v8d) *
			__builtin_convertvector(yv, v8d);
	}
	for (; k < K; k++)
		acc[k & 7] += (double)x[k] * y[k];
	return ((acc[0] + acc[1]) + (acc[2] + acc[3])) +
		((acc[4] + acc[5]) + (acc[6] + acc[7]));
}
#else
static double dot(const float *x, const float *y, int64_t K)
{
	double acc[8] = {0};
	int64_t k = 0;
	for (; k + 8 <= K; k += 8)
		for (int u = 0; u < 8; u++)
			acc[u] += (double)x[k + u] * y[k + u];
	for (; k < K; k++)
		acc[k & 7] += (double)x[k] * y[k];
	return ((acc[0] + acc[1]) + (acc[2] + acc[3])) +
		((acc[4] + acc[5]) + (acc[6] + acc[7]));
}
#endif

static void skinny(int trans_b, int64_t M, int64_t N, int64_t K,
	const float *a, const float *b, int64_t ldb, float *c,
	const float *row_bias, const float *col_bias)
{
	float *bt = NULL;
	if (!trans_b) {
		/* b's columns made contiguous: K x N floats, N small */
		bt = malloc((size_t)(N * K > 0 ? N * K : 1) * sizeof *bt);
		if (!bt)
			abort();
		for (int64_t k = 0; k < K; k++)
			for (int64_t j = 0; j < N; j++)
				bt[j * K + k] = b[k * ldb + j];
		b = bt;
		ldb = K;
	}
	for (int64_t i = 0; i < M; i++)
		for (int64_t j = 0; j < N; j++) {
			double sum = (row_bias ? row_bias[i] : 0.0) +
				(col_bias ? col_bias[j] : 0.0);
			c[i * N + j] = (float)(sum + dot(a + i * K, b + j * ldb, K));
		}
	free(bt);
}

#ifdef QCC_WITH_BLAS
static double *to_double(const float *v, int64_t n)
{
	double *d = malloc((size_t)(n > 0 ? n : 1) * sizeof *d);
	if (!d)
		abort();
	for (int64_t i = 0; i < n; i++)
		d[i] = v[i];
	return d;
}
#endif

void fgemm(int trans_b, int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, int64_t ldb, float *c, const float *row_bias,
	const float *col_bias)
{
	if (M <= 0 || N <= 0)
		return;
	if (N <= SKINNY_N || (M == 1 && trans_b)) {
		skinny(trans_b, M, N, K, a, b, ldb, c, row_bias, col_bias);
		return;
	}
#ifdef QCC_WITH_BLAS
	double *ad = to_double(a, M * K);
	double *bd = to_double(b, (trans_b ? N : K) * ldb);
	double *cd = malloc((size_t)(M * N) * sizeof *cd);
	if (!cd)
		abort();
	for (int64_t i = 0; i < M; i++)
		for (int64_t j = 0; j < N; j++)
			cd[i * N + j] = (row_bias ? row_bias[i] : 0.0) +
				(col_bias ? col_bias[j] : 0.0);
	if (K > 0)
		cblas_dgemm(CblasRowMajor, CblasNoTrans,
			trans_b ? CblasTrans : CblasNoTrans, (blasint)M, (blasint)N,
			(blasint)K, 1.0, ad, (blasint)K, bd, (blasint)ldb, 1.0, cd,
			(blasint)N);
	for (int64_t i = 0; i < M * N; i++)
		c[i] = (float)cd[i];
	free(ad);
	free(bd);
	free(cd);
#else
	for (int64_t i = 0; i < M; i++)
		for (int64_t j = 0; j < N; j++) {
			double acc = (row_bias ? row_bias[i] : 0.0) +
				(col_bias ? col_bias[j] : 0.0);
			for (int64_t k = 0; k < K; k++)
				acc += (double)a[i * K + k] *
					(trans_b ? b[j * ldb + k] : b[k * ldb + j]);
			c[i * N + j] = (float)acc;
		}
#endif
}
