/* range_estimators.c - the maths of activation range estimation.
 *
 * An estimator turns an Observation (what calibration saw of one tensor)
 * into a clipping range [lo, hi] with lo <= 0 <= hi; range_qparams() maps
 * that range onto an integer grid: real = scale * (q - zp).
 *
 * percentile, mse, kl and ce search one threshold T on |x| and clip to
 * [max(min, -T), min(max, T)]: for a one-signed tensor that is the side it
 * has, for a mixed one a range symmetric about 0 cut to what was seen.
 *
 * mse scores a range by the expected squared error over the histogram:
 * a value inside the grid's span costs scale^2 / 12 (rounding, uniform
 * within a step), a value outside costs its squared distance to the span's
 * end. Elements that are exactly 0 cost nothing (0 is always on the grid).
 * kl is TensorRT's entropy calibration: the |x| histogram cut at bin i (the
 * tail folded into the last bin) against the same bins merged into as many
 * groups as the grid has levels on that side and expanded back.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static double clampd(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* The range an |x| threshold leaves of [min, max], always holding 0. */
static void clip_to(const Observation *ob, double t, double *lo, double *hi)
{
	*lo = fmin(0, fmax(ob->min, -t));
	*hi = fmax(0, fmin(ob->max, t));
}

static int seen(const Observation *ob)
{
	return ob->count > 0 && ob->min <= ob->max;
}

static int has_hist(const Observation *ob)
{
	return seen(ob) && ob->hist && ob->nbins > 0 &&
		ob->hist_hi > ob->hist_lo;
}

void range_hist_span(double min, double max, double *lo, double *hi)
{
	if (!(min <= max)) {
		*lo = *hi = 0;
	} else if (min >= 0) {
		*lo = 0;
		*hi = max;
	} else if (max <= 0) {
		*lo = min;
		*hi = 0;
	} else {
		double a = fmax(-min, max);
		*lo = -a;
		*hi = a;
	}
}

static int bin_of(double x, int nbins, double lo, double hi)
{
	if (!(hi > lo))
		return 0;
	double b = floor((x - lo) / (hi - lo) * nbins);
	return (int)clampd(b, 0, nbins - 1);
}

void range_hist_add(int64_t *hist, int nbins, double lo, double hi,
	const float *x, int64_t n)
{
	for (int64_t k = 0; k < n; k++)
		hist[bin_of(x[k], nbins, lo, hi)]++;
}

void range_qparams(double lo, double hi, const QGrid *g, float *scale,
	int32_t *zp)
{
	lo = fmin(lo, 0);
	hi = fmax(hi, 0);
	double s;
	if (g->symmetric)
		s = fmax(-lo, hi) / g->qmax;
	else
		s = (hi - lo) / ((double)g->qmax - g->qmin);
	if (!(s > 0) || !isfinite(s))
		s = 1;  /* an all-zero tensor: any scale represents it */
	if (g->pow2)
		s = exp2(ceil(log2(s)));
	*scale = (float)s;
	if (g->symmetric || (lo == 0 && hi == 0)) {
		*zp = 0;
		return;
	}
	double z = nearbyint(g->qmin - lo / *scale);
	*zp = (int32_t)clampd(z, g->qmin, g->qmax);
}

double range_fake_quant(double x, float scale, int32_t zp, const QGrid *g)
{
	double q = nearbyint(x / scale) + zp;
	q = clampd(q, g->qmin, g->qmax);
	return (double)scale * (q - zp);
}

void range_minmax(const Observation *ob, const QGrid *g, double *lo,
	double *hi)
{
	(void)g;
	if (!seen(ob)) {
		*lo = *hi = 0;
		return;
	}
	*lo = fmin(ob->min, 0);
	*hi = fmax(ob->max, 0);
}

/* The histogram of |x| in as many bins over [0, A] as the signed histogram
 * has on its longer side, A = max(|hist_lo|, |hist_hi|); each source bin is
 * spread over the bins it overlaps. Exact zeros are left out if drop_zeros.
 * Returns a malloc'd array of *n counts, each *width wide. */
static double *abs_hist(const Observation *ob, int drop_zeros, int *n,
	double *width)
{
	double lo = ob->hist_lo, hi = ob->hist_hi;
	double a = fmax(fabs(lo), fabs(hi));
	double w = (hi - lo) / ob->nbins;
	int nout = (int)ceil(a / w - 1e-9);
	if (nout < 1)
		nout = 1;
	double wout = a / nout;
	double *h = calloc(nout, sizeof *h);
	if (!h)
		abort();
	int zbin = bin_of(0, ob->nbins, lo, hi);
	for (int k = 0; k < ob->nbins; k++) {
		double c = (double)ob->hist[k];
		if (drop_zeros && k == zbin && lo <= 0 && hi >= 0)
			c = fmax(0, c - (double)ob->zeros);
		if (c == 0)
			continue;
		/* the bin [b0, b1] in |x|, possibly in two pieces around 0 */
		double b0 = lo + k * w, b1 = b0 + w;
		double piece[2][2];
		int np = 0;
		if (b0 >= 0) {
			piece[np][0] = b0, piece[np][1] = b1, np++;
		} else if (b1 <= 0) {
			piece[np][0] = -b1, piece[np][1] = -b0, np++;
		} else {
			piece[np][0] = 0, piece[np][1] = -b0, np++;
			piece[np][0] = 0, piece[np][1] = b1, np++;
		}
		for (int p = 0; p < np; p++) {
			double u0 = piece[p][0], u1 = piece[p][1];
			double mass = c * (u1 - u0) / w;
			int j0 = (int)clampd(floor(u0 / wout), 0, nout - 1);
			int j1 = (int)clampd(ceil(u1 / wout) - 1, 0, nout - 1);
			for (int j = j0; j <= j1; j++) {
				double e0 = fmax(u0, j * wout);
				double e1 = fmin(u1, (j + 1) * wout);
				if (e1 > e0)
					h[j] += mass * (e1 - e0) / (u1 - u0);
				else if (u1 == u0)
					h[j] += mass;
			}
		}
	}
	*n = nout;
	*width = wout;
	return h;
}

void range_percentile(const Observation *ob, const QGrid *g, double p,
	double *lo, double *hi)
{
	if (!has_hist(ob) || p >= 100) {
		range_minmax(ob, g, lo, hi);
		return;
	}
	int n;
	double w;
	double *h = abs_hist(ob, 0, &n, &w);
	double total = 0;
	for (int k = 0; k < n; k++)
		total += h[k];
	double target = total * p / 100, cum = 0, t = n * w;
	for (int k = 0; k < n; k++) {
		if (h[k] > 0 && cum + h[k] >= target) {
			t = w * (k + (target - cum) / h[k]);
			break;
		}
		cum += h[k];
	}
	free(h);
	clip_to(ob, t, lo, hi);
}

/* ---- mse ---- */

static double mse_of(const Observation *ob, const QGrid *g, double lo,
	double hi, int zbin)
{
	float scale;
	int32_t zp;
	range_qparams(lo, hi, g, &scale, &zp);
	double qlo = (double)scale * (g->qmin - zp);
	double qhi = (double)scale * (g->qmax - zp);
	double round_err = (double)scale * scale / 12;
	double w = (ob->hist_hi - ob->hist_lo) / ob->nbins, err = 0;
	for (int k = 0; k < ob->nbins; k++) {
		double c = (double)ob->hist[k];
		if (k == zbin)
			c = fmax(0, c - (double)ob->zeros);
		if (c == 0)
			continue;
		double x = ob->hist_lo + (k + 0.5) * w;
		if (x < qlo)
			err += c * (qlo - x) * (qlo - x);
		else if (x > qhi)
			err += c * (x - qhi) * (x - qhi);
		else
			err += c * round_err;
	}
	return err;
}

void range_mse(const Observation *ob, const QGrid *g, double *lo, double *hi)
{
	range_minmax(ob, g, lo, hi);
	if (!has_hist(ob))
		return;
	int zbin = -1;
	if (ob->hist_lo <= 0 && ob->hist_hi >= 0)
		zbin = bin_of(0, ob->nbins, ob->hist_lo, ob->hist_hi);
	double a = fmax(fabs(ob->min), fabs(ob->max));
	int n = ob->nbins;
	double best = mse_of(ob, g, *lo, *hi, zbin);
	for (int i = 1; i < n; i++) {
		double l, h;
		clip_to(ob, a * i / n, &l, &h);
		double e = mse_of(ob, g, l, h, zbin);
		if (e < best) {
			best = e;
			*lo = l;
			*hi = h;
		}
	}
}

/* ---- kl ---- */

/* Moves eps of mass onto every empty bin (as TensorRT and MXNet do) so the
 * divergence stays finite; returns 0 if p has no mass. */
static int smooth(double *p, int n)
{
	const double eps = 1e-4;
	double total = 0;
	int nz = 0;
	for (int k = 0; k < n; k++) {
		total += p[k];
		nz += p[k] == 0;
	}
	if (total <= 0 || nz == n)
		return 0;
	double take = eps * nz / (n - nz);
	for (int k = 0; k < n; k++)
		p[k] = p[k] == 0 ? eps : fmax(p[k] / total - take, eps * 1e-3);
	return 1;
}

/* Levels of grid g on the side(s) of 0 the tensor uses. */
static int levels_on_side(const Observation *ob, const QGrid *g)
{
	if (g->symmetric)
		return g->qmax + 1;
	int64_t all = (int64_t)g->qmax - g->qmin + 1;
	if (ob->min >= 0 || ob->max <= 0)
		return all > INT32_MAX ? INT32_MAX : (int)all;
	return (int)(all / 2);
}

static double kl_divergence(const double *hist, int n, int i, int target,
	double *p, double *q)
{
	/* p: the first i bins, everything beyond folded into the last */
	memcpy(p, hist, i * sizeof *p);
	for (int k = i; k < n; k++)
		p[i - 1] += hist[k];
	/* q: the first i bins merged into target groups, expanded back over
	 * the bins of each group that were not empty */
	for (int j = 0; j < target; j++) {
		int b0 = (int)((int64_t)j * i / target);
		int b1 = (int)((int64_t)(j + 1) * i / target);
		double sum = 0;
		int nnz = 0;
		for (int k = b0; k < b1; k++) {
			sum += hist[k];
			nnz += hist[k] != 0;
		}
		for (int k = b0; k < b1; k++)
			q[k] = hist[k] != 0 ? sum / nnz : 0;
	}
	if (!smooth(p, i) || !smooth(q, i))
		return INFINITY;
	double d = 0;
	for (int k = 0; k < i; k++)
		d += p[k] * log(p[k] / q[k]);
	return d;
}

void range_kl(const Observation *ob, const QGrid *g, double *lo, double *hi)
{
	range_minmax(ob, g, lo, hi);
	if (!has_hist(ob))
		return;
	int n;
	double w;
	double *h = abs_hist(ob, 1, &n, &w);
	int target = levels_on_side(ob, g);
	if (n > target) {
		double *p = malloc(n * sizeof *p), *q = malloc(n * sizeof *q);
		if (!p || !q)
			abort();
		double best = INFINITY;
		int best_i = n;
		for (int i = target; i <= n; i++) {
			double d = kl_divergence(h, n, i, target, p, q);
			if (d < best) {
				best = d;
				best_i = i;
			}
		}
		free(p);
		free(q);
		clip_to(ob, best_i * w, lo, hi);
	}
	free(h);
}

/* ---- bn ---- */

void range_bn(const double *beta, const double *gamma, int n, double alpha,
	double *lo, double *hi)
{
	*lo = 0;
	*hi = 0;
	for (int c = 0; c < n; c++) {
		*lo = fmin(*lo, beta[c] - alpha * fabs(gamma[c]));
		*hi = fmax(*hi, beta[c] + alpha * fabs(gamma[c]));
	}
}

/* ---- ce ---- */

double range_ce_loss(const Observation *ob, const QGrid *g, double lo,
	double hi)
{
	float scale;
	int32_t zp;
	range_qparams(lo, hi, g, &scale, &zp);
	int n = ob->row_len;
	double *qx = malloc((n ? n : 1) * sizeof *qx);
	if (!qx)
		abort();
	double loss = 0;
	for (int r = 0; r < ob->nrows; r++) {
		const double *x = ob->rows + (int64_t)r * n;
		double xmax = -INFINITY, qmax = -INFINITY;
		for (int k = 0; k < n; k++) {
			qx[k] = range_fake_quant(x[k], scale, zp, g);
			xmax = fmax(xmax, x[k]);
			qmax = fmax(qmax, qx[k]);
		}
		double zx = 0, zq = 0;
		for (int k = 0; k < n; k++) {
			zx += exp(x[k] - xmax);
			zq += exp(qx[k] - qmax);
		}
		/* H(p, q) = -sum p_k log q_k, log q_k = qx_k - qmax - log zq */
		for (int k = 0; k < n; k++) {
			double pk = exp(x[k] - xmax) / zx;
			loss -= pk * (qx[k] - qmax - log(zq));
		}
	}
	free(qx);
	return ob->nrows ? loss / ob->nrows : 0;
}

void range_ce(const Observation *ob, const QGrid *g, double *lo, double *hi)
{
	if (!seen(ob) || ob->nrows == 0 || ob->row_len == 0) {
		range_mse(ob, g, lo, hi);
		return;
	}
	/* a coarse grid of thresholds, then a finer one around the best */
	const int steps = 128;
	double a = fmax(fabs(ob->min), fabs(ob->max));
	double best_t = a;
	range_minmax(ob, g, lo, hi);
	double best = range_ce_loss(ob, g, *lo, *hi);
	double t0 = 0, t1 = a;
	for (int round = 0; round < 2; round++) {
		for (int i = 1; i <= steps; i++) {
			double t = t0 + (t1 - t0) * i / steps, l, h;
			clip_to(ob, t, &l, &h);
			double e = range_ce_loss(ob, g, l, h);
			if (e < best) {
				best = e;
				best_t = t;
				*lo = l;
				*hi = h;
			}
		}
		double step = (t1 - t0) / steps;
		t0 = fmax(0, best_t - step);
		t1 = fmin(a, best_t + step);
	}
}

/* ---- methods ---- */

int range_method_parse(const char *s, RangeMethod *m)
{
	static const struct {
		const char *name;
		RangeKind kind;
		double def;
	} names[] = {
		{"minmax", RM_MINMAX, 0}, {"percentile", RM_PERCENTILE, 99.99},
		{"mse", RM_MSE, 0}, {"kl", RM_KL, 0}, {"bn", RM_BN, 6},
		{"ce", RM_CE, 0},
	};
	if (!s)
		return -1;
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) != len || strncmp(s, names[i].name, len))
			continue;
		m->kind = names[i].kind;
		m->param = names[i].def;
		if (!colon)
			return 0;
		if (m->kind != RM_PERCENTILE && m->kind != RM_BN)
			return -1;
		char *end;
		m->param = strtod(colon + 1, &end);
		if (end == colon + 1 || *end || !(m->param > 0))
			return -1;
		if (m->kind == RM_PERCENTILE && m->param > 100)
			return -1;
		return 0;
	}
	return -1;
}
