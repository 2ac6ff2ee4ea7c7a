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

/* dot4 is four dot() at once, each column summed exactly as dot() sums
 * it (the same lanes, the same tree), against columns already widened to
 * double (exact): a's elements are read and widened once for the four. */
#if defined(__GNUC__)
typedef double v8d __attribute__((vector_size(64)));
typedef float v8f __attribute__((vector_size(32)));

/* macros, not functions: a v8d argument or result outside the clones
 * would change the ABI with the target */
#define WIDEN(p) __extension__({ v8f v_; memcpy(&v_, (p), sizeof v_); \
	__builtin_convertvector(v_, v8d); })
#define TREE(a) ((((a)[0] + (a)[1]) + ((a)[2] + (a)[3])) + \
	(((a)[4] + (a)[5]) + ((a)[6] + (a)[7])))

FGEMM_CLONES static double dot(const float *x, const float *y, int64_t K)
{
	v8d acc = {0};
	int64_t k = 0;
	for (; k + 8 <= K; k += 8)
		acc += WIDEN(x + k) * WIDEN(y + k);
	for (; k < K; k++)
		acc[k & 7] += (double)x[k] * y[k];
	return TREE(acc);
}

FGEMM_CLONES static void dot4(const float *x, const double *y, int64_t ldy,
	int64_t K, double *out)
{
	const double *y0 = y, *y1 = y + ldy, *y2 = y + 2 * ldy, *y3 = y + 3 * ldy;
	v8d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
	int64_t k = 0;
	for (; k + 8 <= K; k += 8) {
		v8d xv = WIDEN(x + k), t;
		memcpy(&t, y0 + k, sizeof t);
		a0 += xv * t;
		memcpy(&t, y1 + k, sizeof t);
		a1 += xv * t;
		memcpy(&t, y2 + k, sizeof t);
		a2 += xv * t;
		memcpy(&t, y3 + k, sizeof t);
		a3 += xv * t;
	}
	for (; k < K; k++) {
		double xv = x[k];
		a0[k & 7] += xv * y0[k];
		a1[k & 7] += xv * y1[k];
		a2[k & 7] += xv * y2[k];
		a3[k & 7] += xv * y3[k];
	}
	out[0] = TREE(a0);
	out[1] = TREE(a1);
	out[2] = TREE(a2);
	out[3] = TREE(a3);
}
#else
/* dot()'s sum of x[k] * y[k], y float or double */
#define PLAIN_DOT(x, y, K) do { \
	double acc_[8] = {0}; \
	int64_t k_ = 0; \
	for (; k_ + 8 <= (K); k_ += 8) \
		for (int u_ = 0; u_ < 8; u_++) \
			acc_[u_] += (double)(x)[k_ + u_] * (y)[k_ + u_]; \
	for (; k_ < (K); k_++) \
		acc_[k_ & 7] += (double)(x)[k_] * (y)[k_]; \
	return ((acc_[0] + acc_[1]) + (acc_[2] + acc_[3])) + \
		((acc_[4] + acc_[5]) + (acc_[6] + acc_[7])); \
} while (0)

static double dot(const float *x, const float *y, int64_t K)
{
	PLAIN_DOT(x, y, K);
}

static double dot_d(const float *x, const double *y, int64_t K)
{
	PLAIN_DOT(x, y, K);
}

static void dot4(const float *x, const double *y, int64_t ldy, int64_t K,
	double *out)
{
	for (int j = 0; j < 4; j++)
		out[j] = dot_d(x, y + j * ldy, K);
}
#endif

/* c[i][j] = row_bias[i] + col_bias[j] + dot(a row i, b row j): b is [N,K]
 * with row stride ldb. */
static void dots(int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, int64_t ldb, float *c, const float *row_bias,
	const float *col_bias)
{
	/* the first N - N mod 4 rows of b in double, once for all rows of a;
	 * with fewer than 4 rows of a that costs more than it saves */
	int64_t N4 = M < 4 ? 0 : N - N % 4;
	double *bd = malloc((size_t)(N4 * K > 0 ? N4 * K : 1) * sizeof *bd);
	if (!bd)
		abort();
	for (int64_t j = 0; j < N4; j++)
		for (int64_t k = 0; k < K; k++)
			bd[j * K + k] = b[j * ldb + k];
	for (int64_t i = 0; i < M; i++) {
		const float *ai = a + i * K;
		double d[4];
		int64_t j = 0;
		for (; j < N4; j += 4) {
			dot4(ai, bd + j * K, K, K, d);
			for (int u = 0; u < 4; u++)
				c[i * N + j + u] = (float)((row_bias ? row_bias[i] : 0.0) +
					(col_bias ? col_bias[j + u] : 0.0) + d[u]);
		}
		for (; j < N; j++)
			c[i * N + j] = (float)((row_bias ? row_bias[i] : 0.0) +
				(col_bias ? col_bias[j] : 0.0) + dot(ai, b + j * ldb, K));
	}
	free(bd);
}

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
	dots(M, N, K, a, b, ldb, c, row_bias, col_bias);
	free(bt);
}

void fgemm_dots(int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, float *c, const float *row_bias)
{
	if (M > 0 && N > 0)
		dots(M, N, K, a, b, K, c, row_bias, NULL);
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
	if (N <= FGEMM_SKINNY_N || (M == 1 && trans_b)) {
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
