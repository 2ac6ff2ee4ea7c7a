/* fgemm.c - see fgemm.h. Every element of a product is one dot product
 * formed the same way whatever the shapes: the products of two floats
 * (exact in double) summed in double in eight lanes, lane u taking the
 * terms k = u mod 8 (the first K - K mod 8 in steps of eight, the rest
 * each to lane k mod 8), the lanes added as the tree
 * ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)), then the biases, then one rounding
 * to float. An element depends on its row of a and of b alone, so neither
 * the blocking below, nor M or N (images batched side by side), nor the
 * instruction set changes a bit of it; and the sum stays within the
 * kernels' tolerance of an exact reference (a float accumulation would
 * not: cancelling sums lose digits). */
#include <stdlib.h>
#include <string.h>

#include "fgemm.h"
#include "ir.h"

/* Blocks of RB rows of a by CB rows of b: per eight k, four rows of each
 * loaded feed sixteen lane sums. k goes in chunks of KC (a multiple of
 * 8: a lane keeps its terms), so that a block's rows of a, widened to
 * double, and the rows of b it meets stay in the level-1 cache. */
enum { RB = 4, CB = 4, KC = 512 };

/* b is taken in panels of rows that stay in the level-2 cache while all
 * rows of a pass over them */
enum { PANEL_BYTES = 768 << 10 };

#define TREE(a) ((((a)[0] + (a)[1]) + ((a)[2] + (a)[3])) + \
	(((a)[4] + (a)[5]) + ((a)[6] + (a)[7])))

#define DOTMAT_ARGS int64_t M, int64_t N, int64_t K, const float *a, \
	const double *b, double *d, double *aw, double *acc, int64_t panel

typedef void Dotmat(DOTMAT_ARGS);
#define DOTCOLS_ARGS int64_t M, int64_t N8, int64_t K, const double *a, \
	const double *bT, double *d
typedef void Dotcols(DOTCOLS_ARGS);
typedef struct {
	Dotmat *mat;
	Dotcols *cols;
} Kernels;

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
/* exec/fgemm_tile.h, once per vector width: tile_W and dotmat_W, the
 * eight lanes of a sum held in 8 / W vectors of W doubles */
#define INLINE static inline __attribute__((always_inline))
#define VW 8
#include "fgemm_tile.h"
#undef VW
#define VW 4
#include "fgemm_tile.h"
#undef VW
#define VW 2
#include "fgemm_tile.h"
#undef VW

/* The dot products compiled for AVX-512 (eight lanes in one vector,
 * blocks of RB x CB), AVX2 (two vectors, 2 x 2) and the baseline (four
 * vectors of two, 1 x 2), the same arithmetic in each: the CPU's best, or
 * the one the environment variable QCC_FGEMM_ISA (avx512f, avx2,
 * baseline) names if the CPU has it (the widest it has if not), which is
 * how a test sees that the three give the same bits; GCC or Clang. The AVX versions fuse each multiply-add
 * (fp-contract): a product of two floats is exact in double, so
 * fma(a, b, s) rounds a * b + s once, as the multiply then the add do. */
static void dotmat_baseline(DOTMAT_ARGS)
{
	dotmat_2(1, 2, M, N, K, a, b, d, aw, acc, panel);
}

static void dotcols_baseline(DOTCOLS_ARGS)
{
	dotcols_2(M, N8, K, a, bT, d);
}
#if defined(__x86_64__)
#if defined(__clang__)
/* Clang fuses a multiply-add written as one expression (s += a * b) by
 * default (-ffp-contract=on) and has no optimize attribute */
#define FUSED(isa) __attribute__((target(isa ",fma")))
#else
#define FUSED(isa) __attribute__((target(isa ",fma"), \
	optimize("fp-contract=fast")))
#endif
FUSED("avx2") static void dotmat_avx2(DOTMAT_ARGS)
{
	dotmat_4(2, 2, M, N, K, a, b, d, aw, acc, panel);
}

FUSED("avx2") static void dotcols_avx2(DOTCOLS_ARGS)
{
	dotcols_4(M, N8, K, a, bT, d);
}

FUSED("avx512f") static void dotmat_avx512f(DOTMAT_ARGS)
{
	dotmat_8(RB, CB, M, N, K, a, b, d, aw, acc, panel);
}

FUSED("avx512f") static void dotcols_avx512f(DOTCOLS_ARGS)
{
	dotcols_8(M, N8, K, a, bT, d);
}

static Kernels kernels_for_cpu(void)
{
	int level = fgemm_isa_level(getenv("QCC_FGEMM_ISA"));
	if (level >= 2 && __builtin_cpu_supports("avx512f"))
		return (Kernels){dotmat_avx512f, dotcols_avx512f};
	if (level >= 1 && __builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("fma"))
		return (Kernels){dotmat_avx2, dotcols_avx2};
	return (Kernels){dotmat_baseline, dotcols_baseline};
}
#else
static Kernels kernels_for_cpu(void)
{
	return (Kernels){dotmat_baseline, dotcols_baseline};
}
#endif
#else
/* plain C: the lane sums one at a time */
#define INLINE static
#define PREFETCH(p) ((void)(p))
#define VW 1
#include "fgemm_tile.h"
#undef VW
static void dotmat_baseline(DOTMAT_ARGS)
{
	dotmat_1(1, 1, M, N, K, a, b, d, aw, acc, panel);
}

static void dotcols_baseline(DOTCOLS_ARGS)
{
	dotcols_1(M, N8, K, a, bT, d);
}

static Kernels kernels_for_cpu(void)
{
	return (Kernels){dotmat_baseline, dotcols_baseline};
}
#endif

int fgemm_isa_level(const char *isa)
{
	if (!isa || !*isa || !strcmp(isa, "avx512f"))
		return 2;
	return !strcmp(isa, "avx2") ? 1 : !strcmp(isa, "baseline") ? 0 : -1;
}

static void *xmalloc(int64_t count, size_t size)
{
	void *p = malloc((size_t)(count > 0 ? count : 1) * size);
	if (!p)
		abort();
	return p;
}

/* dotmat with its scratch */
static void run_dotmat(int64_t M, int64_t N, int64_t K, const float *a,
	const double *b, double *d)
{
	int64_t panel = PANEL_BYTES / ((K > 0 ? fgemm_kpad(K) : 8) *
		(int64_t)sizeof *b);
	panel = panel < CB ? CB : panel - panel % CB;
	if (panel > N)
		panel = N;
	double *aw = xmalloc(RB * KC, sizeof *aw);
	double *acc = xmalloc(panel * RB * 8, sizeof *acc);
	kernels_for_cpu().mat(M, N, K, a, b, d, aw, acc, panel);
	free(aw);
	free(acc);
}

/* c[i][j] = row_bias[i] + d[i][j] (row stride ldd), rounded to float:
 * the bias and the column bias 0 added as fgemm adds them */
static void round_out(int64_t M, int64_t N, const double *d, int64_t ldd,
	float *c, const float *row_bias)
{
	for (int64_t i = 0; i < M; i++)
		for (int64_t j = 0; j < N; j++)
			c[i * N + j] = (float)((row_bias ? row_bias[i] : 0.0) + 0.0 +
				d[i * ldd + j]);
}

/* rows [n, K] in double, fgemm_kpad(K) apart, zeros past K */
static double *widen_rows(const float *v, int64_t n, int64_t K)
{
	int64_t Kp = fgemm_kpad(K);
	double *w = xmalloc(n * Kp, sizeof *w);
	for (int64_t i = 0; i < n; i++)
		for (int64_t k = 0; k < Kp; k++)
			w[i * Kp + k] = k < K ? v[i * K + k] : 0.0;
	return w;
}

void fgemm_cols_d(int64_t M, int64_t N, int64_t K, const float *a,
	const double *bT, int64_t ldb, float *c, const float *row_bias)
{
	if (M <= 0 || N <= 0)
		return;
	/* a's rows padded with zeros to a multiple of 8 terms, as bT's are */
	int64_t Kp = fgemm_kpad(K);
	double *ap = widen_rows(a, M, K);
	double *d = xmalloc(M * ldb, sizeof *d);
	kernels_for_cpu().cols(M, ldb, Kp, ap, bT, d);
	round_out(M, N, d, ldb, c, row_bias);
	free(ap);
	free(d);
}

void fgemm_dots_d(int64_t M, int64_t N, int64_t K, const float *a,
	const double *b, float *c, const float *row_bias)
{
	if (M <= 0 || N <= 0)
		return;
	int64_t Kp = fgemm_kpad(K);
	if (K <= FGEMM_SHORT_K) {
		/* b by columns */
		int64_t ldb = fgemm_cols_ld(N);
		double *bT = xmalloc(Kp * ldb, sizeof *bT);
		for (int64_t k = 0; k < Kp; k++)
			for (int64_t j = 0; j < ldb; j++)
				bT[k * ldb + j] = j < N ? b[j * Kp + k] : 0.0;
		fgemm_cols_d(M, N, K, a, bT, ldb, c, row_bias);
		free(bT);
		return;
	}
	double *d = xmalloc(M * N, sizeof *d);
	run_dotmat(M, N, K, a, b, d);
	round_out(M, N, d, N, c, row_bias);
	free(d);
}

void fgemm_dots(int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, float *c, const float *row_bias)
{
	if (M <= 0 || N <= 0)
		return;
	double *bd = widen_rows(b, N, K);
	fgemm_dots_d(M, N, K, a, bd, c, row_bias);
	free(bd);
}

void fgemm(int trans_b, int64_t M, int64_t N, int64_t K, const float *a,
	const float *b, int64_t ldb, float *c, const float *row_bias,
	const float *col_bias)
{
	if (M <= 0 || N <= 0)
		return;
	/* the side with fewer rows widened to double; swapping the roles of
	 * a and b changes no product, hence no bit */
	int swap = trans_b && ldb == K && M < N;
	int64_t rows = swap ? M : N;
	int64_t Kp = fgemm_kpad(K);
	double *wide = xmalloc(rows * Kp, sizeof *wide);
	for (int64_t j = 0; j < rows; j++)
		for (int64_t k = 0; k < Kp; k++)
			wide[j * Kp + k] = k >= K ? 0.0 : swap ? a[j * K + k] :
				trans_b ? b[j * ldb + k] : b[k * ldb + j];
	double *d = xmalloc(M * N, sizeof *d);
	if (swap)
		run_dotmat(N, M, K, b, wide, d);
	else
		run_dotmat(M, N, K, a, wide, d);
	for (int64_t i = 0; i < M; i++)
		for (int64_t j = 0; j < N; j++)
			c[i * N + j] = (float)((row_bias ? row_bias[i] : 0.0) +
				(col_bias ? col_bias[j] : 0.0) +
				(swap ? d[j * M + i] : d[i * N + j]));
	free(wide);
	free(d);
}
