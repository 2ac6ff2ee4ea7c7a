/* test_estimators.c - the range estimators on distributions whose answer is
 * known: uniform, Laplace, BatchNorm statistics, softmax logits with an
 * outlier. Samples come from a fixed-seed generator, so results repeat. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int failures;

#define CHECK(cond, ...) do { \
	if (!(cond)) { \
		failures++; \
		printf("FAIL %s:%d: ", __FILE__, __LINE__); \
		printf(__VA_ARGS__); \
		printf("\n"); \
	} \
} while (0)

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static double uniform01(void)  /* (0, 1) */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return ((rng_state >> 11) + 0.5) / 9007199254740992.0;
}

static double laplace(double b)
{
	double u = uniform01() - 0.5;
	return u < 0 ? b * log(1 + 2 * u) : -b * log(1 - 2 * u);
}

/* An Observation of x as calibrate makes it. */
typedef struct {
	Observation ob;
	int64_t hist[RANGE_HIST_BINS];
} Obs;

static void observe(Obs *o, const float *x, int64_t n)
{
	memset(o, 0, sizeof *o);
	o->ob.min = INFINITY;
	o->ob.max = -INFINITY;
	for (int64_t k = 0; k < n; k++) {
		o->ob.min = fmin(o->ob.min, x[k]);
		o->ob.max = fmax(o->ob.max, x[k]);
		o->ob.zeros += x[k] == 0;
	}
	o->ob.count = n;
	range_hist_span(o->ob.min, o->ob.max, &o->ob.hist_lo, &o->ob.hist_hi);
	range_hist_add(o->hist, RANGE_HIST_BINS, o->ob.hist_lo, o->ob.hist_hi,
		x, n);
	o->ob.hist = o->hist;
	o->ob.nbins = RANGE_HIST_BINS;
}

/* Mean squared error of x against its quantized copy, on the samples. */
static double sample_mse(const float *x, int64_t n, double lo, double hi,
	const QGrid *g)
{
	float scale;
	int32_t zp;
	range_qparams(lo, hi, g, &scale, &zp);
	double e = 0;
	for (int64_t k = 0; k < n; k++) {
		double d = x[k] - range_fake_quant(x[k], scale, zp, g);
		e += d * d;
	}
	return e / n;
}

static const QGrid asym8 = {-128, 127, 0, 0};
static const QGrid sym8 = {-127, 127, 1, 0};

static float *sample(int64_t n, double (*draw)(void))
{
	float *x = malloc(n * sizeof *x);
	for (int64_t k = 0; k < n; k++)
		x[k] = (float)draw();
	return x;
}

static double uniform_pm1(void) { return 2 * uniform01() - 1; }
static double laplace1(void) { return laplace(1); }
static double relu_laplace1(void) { return fmax(0, laplace(1)); }

static void test_minmax(void)
{
	float x[] = {0.5f, -3.25f, 7.5f, 0, 2};
	Obs o;
	observe(&o, x, 5);
	double lo, hi;
	range_minmax(&o.ob, &asym8, &lo, &hi);
	CHECK(lo == -3.25 && hi == 7.5, "minmax [%g, %g], want [-3.25, 7.5]",
		lo, hi);

	/* scale = 10.75 / 255, zp = round(-128 + 3.25 / scale) = -51 */
	float scale;
	int32_t zp;
	range_qparams(lo, hi, &asym8, &scale, &zp);
	CHECK(scale == (float)(10.75 / 255) && zp == -51,
		"asymmetric qparams (%.9g, %d), want (%.9g, -51)", scale, zp,
		(float)(10.75 / 255));
	range_qparams(lo, hi, &sym8, &scale, &zp);
	CHECK(scale == (float)(7.5 / 127) && zp == 0,
		"symmetric qparams (%.9g, %d), want (%.9g, 0)", scale, zp,
		(float)(7.5 / 127));
	QGrid p2 = asym8;
	p2.pow2 = 1;
	range_qparams(lo, hi, &p2, &scale, &zp);
	CHECK(scale == 0.0625f && zp == -76,
		"pow2 qparams (%.9g, %d), want (0.0625, -76)", scale, zp);

	/* a one-signed range keeps 0 in it: [0.5, 4] is stretched to [0, 4] */
	float y[] = {0.5f, 4};
	observe(&o, y, 2);
	range_minmax(&o.ob, &asym8, &lo, &hi);
	range_qparams(lo, hi, &asym8, &scale, &zp);
	CHECK(lo == 0 && hi == 4 && zp == -128 && scale == (float)(4.0 / 255),
		"one-signed [%g, %g] q(%.9g, %d)", lo, hi, scale, zp);
	/* zero is exactly representable */
	CHECK(range_fake_quant(0, scale, zp, &asym8) == 0, "0 not on the grid");
}

static void test_hist(void)
{
	double lo, hi;
	range_hist_span(-2, 1, &lo, &hi);
	CHECK(lo == -2 && hi == 2, "mixed span [%g, %g], want [-2, 2]", lo, hi);
	range_hist_span(0.5, 3, &lo, &hi);
	CHECK(lo == 0 && hi == 3, "positive span [%g, %g], want [0, 3]", lo, hi);
	int64_t h[4] = {0};
	float x[] = {-2, -0.01f, 0, 1.99f, 2, 5};
	range_hist_add(h, 4, -2, 2, x, 6);
	CHECK(h[0] == 1 && h[1] == 1 && h[2] == 1 && h[3] == 3,
		"hist {%lld %lld %lld %lld}, want {1 1 1 3}", (long long)h[0],
		(long long)h[1], (long long)h[2], (long long)h[3]);
}

static void test_mse(void)
{
	const int64_t n = 200000;
	float *x = sample(n, uniform_pm1);
	Obs o;
	observe(&o, x, n);
	double lo, hi;
	range_mse(&o.ob, &asym8, &lo, &hi);
	CHECK(hi >= 0.99 * o.ob.max && lo <= 0.99 * o.ob.min,
		"mse on uniform clipped to [%g, %g] of [%g, %g]", lo, hi,
		o.ob.min, o.ob.max);
	range_mse(&o.ob, &sym8, &lo, &hi);
	CHECK(hi >= 0.99 * o.ob.max && lo <= 0.99 * o.ob.min,
		"symmetric mse on uniform clipped to [%g, %g]", lo, hi);
	free(x);

	/* Laplace(0, 1): the expected error of a threshold T with step D is
	 * 2 exp(-T) (clipping) + D^2 / 12 (rounding); its minimum (Banner et
	 * al. 2019) lies at T = 4.912 for 15 steps over [-T, T] (4 bits),
	 * at 9.889 for 255 steps (8 bits), and for ReLU(Laplace), whose zeros
	 * are exact, at 6.090 for 15 steps over [0, T] */
	const int64_t big = 1000000;
	const QGrid asym4 = {-8, 7, 0, 0};
	x = sample(big, laplace1);
	observe(&o, x, big);
	range_mse(&o.ob, &asym4, &lo, &hi);
	CHECK(fabs(hi - 4.912) < 0.03 * 4.912 && fabs(lo + 4.912) < 0.03 * 4.912,
		"4-bit mse on Laplace [%g, %g], want +-4.912", lo, hi);
	range_mse(&o.ob, &asym8, &lo, &hi);
	CHECK(fabs(hi - 9.889) < 0.1 * 9.889 && fabs(lo + 9.889) < 0.1 * 9.889,
		"8-bit mse on Laplace [%g, %g], want +-9.889", lo, hi);
	/* the cut pays off on the samples, and no threshold on a fine grid
	 * does better by more than the histogram's resolution allows */
	const int64_t m = 100000;
	range_mse(&o.ob, &asym4, &lo, &hi);
	double e_mse = sample_mse(x, m, lo, hi, &asym4);
	double e_mm = sample_mse(x, m, o.ob.min, o.ob.max, &asym4);
	CHECK(e_mse < 0.5 * e_mm, "mse error %g not below minmax error %g",
		e_mse, e_mm);
	double a = fmax(-o.ob.min, o.ob.max), best = INFINITY;
	for (int i = 1; i <= 400; i++) {
		double t = a * i / 400;
		double e = sample_mse(x, m, fmax(o.ob.min, -t), fmin(o.ob.max, t),
			&asym4);
		best = fmin(best, e);
	}
	CHECK(e_mse <= 1.02 * best, "mse error %g, best on a grid %g", e_mse,
		best);
	free(x);

	x = sample(big, relu_laplace1);
	observe(&o, x, big);
	range_mse(&o.ob, &asym4, &lo, &hi);
	CHECK(lo == 0 && fabs(hi - 6.090) < 0.03 * 6.090 && o.ob.zeros > big / 3,
		"4-bit mse on ReLU(Laplace) [%g, %g], want [0, 6.090]", lo, hi);
	free(x);
}

static void test_percentile(void)
{
	const int64_t n = 1000000;
	float *x = sample(n, laplace1);
	Obs o;
	observe(&o, x, n);
	double lo, hi;
	/* P(|x| > t) = exp(-t) for Laplace(0, 1): the p-th percentile of |x|
	 * is -log(1 - p/100) */
	double ps[] = {99.99, 99.9, 99};
	for (int i = 0; i < 3; i++) {
		double want = -log(1 - ps[i] / 100);
		range_percentile(&o.ob, &asym8, ps[i], &lo, &hi);
		CHECK(fabs(hi - want) < 0.03 * want && fabs(-lo - want) < 0.03 * want,
			"percentile:%g of Laplace [%g, %g], want +-%g", ps[i], lo, hi,
			want);
	}
	range_percentile(&o.ob, &asym8, 99.99, &lo, &hi);
	CHECK(hi < o.ob.max && lo > o.ob.min, "percentile did not clip");
	range_percentile(&o.ob, &asym8, 100, &lo, &hi);
	CHECK(lo == o.ob.min && hi == o.ob.max, "percentile:100 is minmax");
	free(x);

	/* uniform on (-1, 1): the 99th percentile of |x| is 0.99 */
	x = sample(n, uniform_pm1);
	observe(&o, x, n);
	range_percentile(&o.ob, &asym8, 99, &lo, &hi);
	CHECK(fabs(hi - 0.99) < 0.005 && fabs(lo + 0.99) < 0.005,
		"percentile:99 of uniform [%g, %g], want +-0.99", lo, hi);
	free(x);
}

static void test_kl(void)
{
	const int64_t n = 200000;
	float *x = sample(n, laplace1);
	Obs o;
	observe(&o, x, n);
	double lo, hi;
	range_kl(&o.ob, &sym8, &lo, &hi);
	double a = fmax(-o.ob.min, o.ob.max);
	/* TensorRT's threshold cuts the tail but keeps the bulk: beyond the
	 * 99th percentile of |x| (-log 0.01 = 4.6), well inside the maximum */
	CHECK(hi < 0.7 * a && hi > 4.6, "kl on Laplace [%g, %g] of |x| <= %g",
		lo, hi, a);
	CHECK(lo == -hi || lo == o.ob.min, "kl range not symmetric: [%g, %g]",
		lo, hi);
	free(x);

	x = sample(n, relu_laplace1);
	observe(&o, x, n);
	range_kl(&o.ob, &asym8, &lo, &hi);
	CHECK(lo == 0 && hi < 0.7 * o.ob.max && hi > 4.6,
		"kl on ReLU(Laplace) [%g, %g] of max %g", lo, hi, o.ob.max);
	free(x);

	/* 16-bit grids have more levels than the histogram has bins */
	QGrid g16 = {-32767, 32767, 1, 0};
	x = sample(n, laplace1);
	observe(&o, x, n);
	range_kl(&o.ob, &g16, &lo, &hi);
	CHECK(lo == o.ob.min && hi == o.ob.max, "kl on 16 bits clipped");
	free(x);
}

static void test_bn(void)
{
	double beta[] = {0.5, -1, 2};
	double gamma[] = {1, 0.25, -0.5};
	double lo, hi;
	/* beta - 6|gamma| = {-5.5, -2.5, -1}, beta + 6|gamma| = {6.5, 0.5, 5} */
	range_bn(beta, gamma, 3, 6, &lo, &hi);
	CHECK(lo == -5.5 && hi == 6.5, "bn:6 [%g, %g], want [-5.5, 6.5]", lo, hi);
	range_bn(beta, gamma, 3, 2, &lo, &hi);
	CHECK(lo == -1.5 && hi == 3, "bn:2 [%g, %g], want [-1.5, 3]", lo, hi);
	double b2[] = {5, 6};
	double g2[] = {1, 1};
	range_bn(b2, g2, 2, 3, &lo, &hi);
	CHECK(lo == 0 && hi == 9, "bn keeps 0: [%g, %g], want [0, 9]", lo, hi);
}

static void test_ce(void)
{
	enum { ROWS = 400, LEN = 10 };
	static double rows[ROWS * LEN];
	float flat[ROWS * LEN];
	for (int k = 0; k < ROWS * LEN; k++)
		rows[k] = 6 * uniform01() - 3;
	rows[7 * LEN + 3] = 200;  /* one outlier logit */
	for (int k = 0; k < ROWS * LEN; k++)
		flat[k] = (float)rows[k];
	Obs o;
	observe(&o, flat, ROWS * LEN);
	o.ob.rows = rows;
	o.ob.nrows = ROWS;
	o.ob.row_len = LEN;

	double lo, hi;
	range_ce(&o.ob, &asym8, &lo, &hi);
	double loss = range_ce_loss(&o.ob, &asym8, lo, hi);
	double loss_mm = range_ce_loss(&o.ob, &asym8, o.ob.min, 200);
	CHECK(hi < 30 && hi > 3, "ce on logits with an outlier: [%g, %g]", lo, hi);
	CHECK(loss < loss_mm, "ce loss %g not below minmax loss %g", loss,
		loss_mm);
	/* the search finds the minimum of the loss on a fine grid */
	double best = INFINITY;
	for (int i = 1; i <= 4000; i++) {
		double t = 200.0 * i / 4000;
		best = fmin(best, range_ce_loss(&o.ob, &asym8, fmax(o.ob.min, -t),
			fmin(200, t)));
	}
	CHECK(loss <= best + 1e-4, "ce loss %.6f above the grid's best %.6f",
		loss, best);
	/* the cross-entropy of softmax(x) with itself is its entropy; without
	 * rounding no range beats it */
	CHECK(loss > 0, "ce loss %g is not positive", loss);
}

static void test_parse(void)
{
	RangeMethod m;
	CHECK(range_method_parse("minmax", &m) == 0 && m.kind == RM_MINMAX,
		"minmax");
	CHECK(range_method_parse("percentile:99.9", &m) == 0 &&
		m.kind == RM_PERCENTILE && m.param == 99.9, "percentile:99.9");
	CHECK(range_method_parse("percentile", &m) == 0 && m.param == 99.99,
		"percentile default");
	CHECK(range_method_parse("bn", &m) == 0 && m.kind == RM_BN &&
		m.param == 6, "bn default");
	CHECK(range_method_parse("bn:3", &m) == 0 && m.param == 3, "bn:3");
	CHECK(range_method_parse("kl", &m) == 0 && m.kind == RM_KL, "kl");
	CHECK(range_method_parse("mse", &m) == 0 && m.kind == RM_MSE, "mse");
	CHECK(range_method_parse("ce", &m) == 0 && m.kind == RM_CE, "ce");
	const char *bad[] = {"", "max", "percentile:", "percentile:101",
		"percentile:0", "percentile:x", "kl:3", "bn:-1", "minmaxx", NULL};
	for (int i = 0; bad[i]; i++)
		CHECK(range_method_parse(bad[i], &m) < 0, "accepted '%s'", bad[i]);
}

int main(void)
{
	test_minmax();
	test_hist();
	test_mse();
	test_percentile();
	test_kl();
	test_bn();
	test_ce();
	test_parse();
	if (failures)
		printf("%d failure(s)\n", failures);
	else
		printf("all range estimator tests passed\n");
	return failures != 0;
}
