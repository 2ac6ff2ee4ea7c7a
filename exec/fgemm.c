/* fgemm.c - see fgemm.h. The product is formed in double (dgemm) and
 * rounded once to float, which keeps it within the kernels' tolerance of
 * an exact reference (a float sgemm is not: cancelling sums lose digits).
 * OpenBLAS is its serial build: one thread per product, a fixed summation
 * order, hence a fixed result; calibration runs independent samples on the
 * cores (passes/calibrate.c). */
#include <stdlib.h>

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
