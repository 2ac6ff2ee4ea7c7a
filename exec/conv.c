/* conv.c - the sliding-window kernels, float and integer: conv2d,
 * maxpool2d, avgpool2d, global_avgpool and their integer twins qconv2d,
 * qmaxpool2d, qavgpool2d, qglobal_avgpool. The window is a WinGeom
 * (ir/window.c).
 *
 * Windows follow ONNX/PyTorch: output position o covers input rows
 * o*stride - pad_begin + k*dilation. Padding is never selected by maxpool;
 * avgpool divides by the window clipped to the input (count_include_pad=0)
 * or clipped to the padded input (count_include_pad=1), which is what
 * ceil_mode windows running past the padded edge need.
 *
 * Float sums are accumulated in double and rounded once, which keeps the
 * result within an ulp or two of an exact reference whatever the summation
 * order. The integer kernels compute exactly what docs/arith.md says: int32
 * accumulators, R(p, n) rounding, one clamp at the end. qconv2d, where the
 * time goes, sums in another order (exact: integer addition is associative)
 * over int16 copies of its operands, with depthwise and 1x1 shapes apart
 * (see fits_i16).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "fgemm.h"
#include "ir.h"
#include "qarith.h"
#include "wpack.h"

static int all_finite(const float *v, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return 0;
	return 1;
}

/* One input and one output channel per group (depthwise): per channel,
 * the input copied once into a zero-padded plane PW wide, and the
 * accumulators laid out as its rows: row oh holds the L = (OW-1)*sw + 1
 * columns output row oh spans at stride 1, so that each tap is one
 * multiply-add over a contiguous run (over all rows at once when sh = 1);
 * output ow is column ow*sw. Per output: the bias, then the taps in
 * (kh, kw) order, in double, one rounding; the padding's zeros add
 * nothing while the weights are finite (0 * inf would be NaN), which the
 * caller checks. */
FGEMM_CLONES static void conv2d_depthwise(const WinGeom *g, const float *x,
	const float *w, const float *bias, float *y)
{
	int64_t KH = g->KH, KW = g->KW, OH = g->OH, OW = g->OW, sh = g->sh;
	int64_t L = (OW - 1) * g->sw + 1;
	int64_t PH = (OH - 1) * sh + (KH - 1) * g->dh + 1;
	int64_t PW = L + (KW - 1) * g->dw;
	/* rows of acc merge into one run when consecutive rows are PW apart
	 * in the plane too */
	int64_t rows = sh == 1 ? 1 : OH, run = sh == 1 ? (OH - 1) * PW + L : L;
	float *xp = malloc((size_t)(PH * PW) * sizeof *xp);
	double *acc = malloc((size_t)(OH * PW) * sizeof *acc);
	if (!xp || !acc)
		abort();
	for (int64_t b = 0; b < g->N; b++)
	for (int64_t c = 0; c < g->C; c++) {
		const float *xc = x + (b * g->C + c) * g->H * g->W;
		for (int64_t r = 0; r < PH; r++) {
			int64_t ih = r - g->pt;
			for (int64_t q = 0; q < PW; q++) {
				int64_t iw = q - g->pl;
				xp[r * PW + q] = ih >= 0 && ih < g->H && iw >= 0 &&
					iw < g->W ? xc[ih * g->W + iw] : 0.0f;
			}
		}
		for (int64_t i = 0; i < OH * PW; i++)
			acc[i] = bias ? bias[c] : 0.0;
		for (int64_t kh = 0; kh < KH; kh++)
		for (int64_t kw = 0; kw < KW; kw++) {
			double wv = w[(c * KH + kh) * KW + kw];
			for (int64_t oh = 0; oh < rows; oh++) {
				const float *src = xp + (oh * sh + kh * g->dh) * PW +
					kw * g->dw;
				double *ar = acc + oh * PW;
				for (int64_t i = 0; i < run; i++)
					ar[i] += (double)src[i] * wv;
			}
		}
		float *yc = y + (b * g->C + c) * OH * OW;
		for (int64_t oh = 0; oh < OH; oh++)
			for (int64_t ow = 0; ow < OW; ow++)
				yc[oh * OW + ow] = (float)acc[oh * PW + ow * g->sw];
	}
	free(xp);
	free(acc);
}

/* The input of a group (ICG channels from xg) in double (exact), each
 * channel a zero-padded plane of PH x PW (padded_plane_size) holding every
 * tap the outputs read. */
static void padded_plane_size(const WinGeom *g, int64_t *PH, int64_t *PW)
{
	*PH = (g->OH - 1) * g->sh + (g->KH - 1) * g->dh + 1;
	*PW = (g->OW - 1) * g->sw + (g->KW - 1) * g->dw + 1;
}

static void pad_planes(const WinGeom *g, const float *xg, double *xp)
{
	int64_t PH, PW;
	padded_plane_size(g, &PH, &PW);
	/* the columns q of the plane inside the input: [q0, q1) */
	int64_t q0 = g->pl < 0 ? 0 : g->pl < PW ? g->pl : PW;
	int64_t q1 = g->pl + g->W < q0 ? q0 : g->pl + g->W < PW ? g->pl + g->W : PW;
	for (int64_t ic = 0; ic < g->ICG; ic++)
	for (int64_t r = 0; r < PH; r++) {
		int64_t ih = r - g->pt;
		double *row = xp + (ic * PH + r) * PW;
		if (ih < 0 || ih >= g->H) {
			memset(row, 0, (size_t)PW * sizeof *row);
			continue;
		}
		const float *xr = xg + (ic * g->H + ih) * g->W;
		for (int64_t q = 0; q < q0; q++)
			row[q] = 0.0;
		for (int64_t q = q0; q < q1; q++)
			row[q] = xr[q - g->pl];
		for (int64_t q = q1; q < PW; q++)
			row[q] = 0.0;
	}
}

/* rows[p][k], p an output position and k = (ic, kh, kw) in the weights'
 * order: the input under tap k of output p (xp from pad_planes, 0 in the
 * padding); the rows fgemm_kpad(K) apart, zeros past K. */
static void im2row(const WinGeom *g, const double *xp, double *rows)
{
	int64_t KW = g->KW, dw = g->dw, K = g->ICG * g->KH * KW;
	int64_t Kp = fgemm_kpad(K), PH, PW;
	padded_plane_size(g, &PH, &PW);
	for (int64_t oh = 0; oh < g->OH; oh++)
	for (int64_t ow = 0; ow < g->OW; ow++) {
		double *r = rows + (oh * g->OW + ow) * Kp;
		for (int64_t k = K; k < Kp; k++)
			r[k] = 0.0;
		const double *x0 = xp + oh * g->sh * PW + ow * g->sw;
		for (int64_t ic = 0; ic < g->ICG; ic++)
		for (int64_t kh = 0; kh < g->KH; kh++, r += KW) {
			const double *xr = x0 + (ic * PH + kh * g->dh) * PW;
			if (KW == 3 && dw == 1) {
				r[0] = xr[0];
				r[1] = xr[1];
				r[2] = xr[2];
			} else {
				for (int64_t kw = 0; kw < KW; kw++)
					r[kw] = xr[kw * dw];
			}
		}
	}
}

/* The same patches as columns, for a product of few terms (fgemm_cols_d):
 * colsb[k * ld + p] for k < K and p an output position. */
static void im2col_f64(const WinGeom *g, const double *xp, double *colsb,
	int64_t ld)
{
	int64_t PH, PW;
	padded_plane_size(g, &PH, &PW);
	for (int64_t ic = 0; ic < g->ICG; ic++)
	for (int64_t kh = 0; kh < g->KH; kh++)
	for (int64_t kw = 0; kw < g->KW; kw++) {
		double *dst = colsb + ((ic * g->KH + kh) * g->KW + kw) * ld;
		for (int64_t oh = 0; oh < g->OH; oh++) {
			const double *src = xp + (ic * PH + oh * g->sh + kh * g->dh) *
				PW + kw * g->dw;
			for (int64_t ow = 0; ow < g->OW; ow++)
				dst[oh * g->OW + ow] = src[ow * g->sw];
		}
	}
}

/* The input of output position p under each slot of a packed row
 * (ConvPrep): rows[p][q] = x0[off[q]], 0 where off[q] < 0. */
static void im2row_slots(const WinGeom *g, const int64_t *off, int64_t Kc,
	const double *xp, double *rows)
{
	int64_t PH, PW;
	padded_plane_size(g, &PH, &PW);
	for (int64_t oh = 0; oh < g->OH; oh++)
	for (int64_t ow = 0; ow < g->OW; ow++) {
		double *r = rows + (oh * g->OW + ow) * Kc;
		const double *x0 = xp + oh * g->sh * PW + ow * g->sw;
		for (int64_t q = 0; q < Kc; q++)
			r[q] = off[q] < 0 ? 0.0 : x0[off[q]];
	}
}

/* Dead taps. A tap (kh, kw) that reads the padding at every output
 * position (a 3x3 pad-1 convolution over a 1x1 map has eight) adds, with
 * finite weights, only products +-0, which change no lane sum (a lane
 * starts at +0, so it never holds -0). Its terms are dropped by packing
 * each row's live terms into slots: term k (weights' order) goes to slot
 * 8 t + k mod 8, t counting the live terms of lane k mod 8 before it, so
 * that every lane sums the same terms in the same order (fgemm.c) and
 * the bits do not move; the slots no term fills hold 0 in both operands.
 * Kc slots per row, eight times the longest lane. Made once per node
 * (exec_new's interpreter keeps it): the packed weights [OC, Kc] and the
 * offset of each slot's input in the padded planes. */
struct ConvPrep {
	int64_t Kc;
	int64_t *off;  /* [Kc]: from pad_planes' (ic 0, row oh*sh, col ow*sw) */
	float *w;      /* [OC, Kc] */
};

/* Whether tap k along one axis reads the input at some output position. */
static int tap_live(int64_t k, int64_t O, int64_t s, int64_t p, int64_t d,
	int64_t n)
{
	for (int64_t o = 0; o < O; o++) {
		int64_t i = o * s - p + k * d;
		if (i >= 0 && i < n)
			return 1;
	}
	return 0;
}

ConvPrep *conv2d_prepare(const Node *n, const float *w)
{
	/* weights that are a constant of the graph: the same at every run */
	if (n->op != OP_CONV2D || n->out->type.elem != DT_F32 ||
	    !n->in[1] || n->in[1]->kind != VAL_CONST)
		return NULL;
	WinGeom g;
	geom_conv(n, &g);
	int64_t KH = g.KH, KW = g.KW, K = g.ICG * KH * KW, PH, PW;
	/* the products short enough for the columns path, and the depthwise
	 * ones, keep theirs */
	if (K <= FGEMM_SHORT_K || (g.ICG == 1 && g.OCG == 1) ||
	    g.OH * g.OW <= 0 || !all_finite(w, g.OC * K))
		return NULL;
	padded_plane_size(&g, &PH, &PW);
	int64_t lanes[8] = {0}, longest = 0;
	for (int64_t k = 0; k < K; k++)
		if (tap_live(k / KW % KH, g.OH, g.sh, g.pt, g.dh, g.H) &&
		    tap_live(k % KW, g.OW, g.sw, g.pl, g.dw, g.W) &&
		    ++lanes[k % 8] > longest)
			longest = lanes[k % 8];
	/* (eight empty slots when no tap is live: the sums are then +0) */
	int64_t Kc = 8 * (longest > 0 ? longest : 1);
	if (Kc >= fgemm_kpad(K))
		return NULL;
	ConvPrep *p = malloc(sizeof *p);
	int64_t *tap = malloc((size_t)Kc * sizeof *tap);
	if (!p || !tap || !(p->off = malloc((size_t)Kc * sizeof *p->off)) ||
	    !(p->w = malloc((size_t)(g.OC * Kc) * sizeof *p->w)))
		abort();
	p->Kc = Kc;
	for (int64_t q = 0; q < Kc; q++)
		tap[q] = p->off[q] = -1;
	memset(lanes, 0, sizeof lanes);
	for (int64_t k = 0; k < K; k++) {
		int64_t ic = k / (KH * KW), kh = k / KW % KH, kw = k % KW;
		if (!tap_live(kh, g.OH, g.sh, g.pt, g.dh, g.H) ||
		    !tap_live(kw, g.OW, g.sw, g.pl, g.dw, g.W))
			continue;
		int64_t q = 8 * lanes[k % 8]++ + k % 8;
		tap[q] = k;
		p->off[q] = (ic * PH + kh * g.dh) * PW + kw * g.dw;
	}
	for (int64_t oc = 0; oc < g.OC; oc++)
		for (int64_t q = 0; q < Kc; q++)
			p->w[oc * Kc + q] = tap[q] < 0 ? 0.0f : w[oc * K + tap[q]];
	free(tap);
	return p;
}

void conv2d_prep_free(ConvPrep *p)
{
	if (!p)
		return;
	free(p->off);
	free(p->w);
	free(p);
}

/* Batches of images take one product while their rows of patches, in
 * double, stay under this size; a single image always does. */
enum { BATCH_ROWS_BYTES = 8 << 20 };

/* nb images (each N in its batch dimension) through one convolution: per
 * group, the patches of every image as the rows of one matrix (im2row),
 * so that the weights are read once for all of them, and one product
 * (exec/fgemm.c): y[OCG][P] = w[OCG][K] rows^T + bias. Each output is the
 * dot product its image alone gets, bit for bit. Depthwise convolutions
 * with finite weights take conv2d_depthwise. -1 (the caller runs the
 * images one at a time) when nb > 1 and the rows would pass
 * BATCH_ROWS_BYTES. */
static int conv2d_f32(const WinGeom *g, const ConvPrep *pk,
	const float *const *x, const float *w, const float *bias,
	float *const *y, int nb)
{
	int64_t P = g->OH * g->OW, K = pk ? pk->Kc : g->ICG * g->KH * g->KW;
	int64_t Kp = fgemm_kpad(K), cols = nb * g->N * P;
	if (pk)
		w = pk->w;
	if (nb > 1 && cols * Kp > BATCH_ROWS_BYTES / (int64_t)sizeof(double))
		return -1;
	if (P <= 0)
		return 0;
	if (!pk && g->ICG == 1 && g->OCG == 1 && all_finite(w, g->OC * K)) {
		for (int i = 0; i < nb; i++)
			conv2d_depthwise(g, x[i], w, bias, y[i]);
		return 0;
	}
	/* the patches as rows (im2row), or as columns for a short product,
	 * zero past K and past the columns */
	int short_k = !pk && K <= FGEMM_SHORT_K;
	int64_t ld = fgemm_cols_ld(cols);
	double *rows = short_k ? calloc((size_t)(Kp * ld > 0 ? Kp * ld : 1),
		sizeof *rows) : malloc((size_t)(cols * Kp > 0 ? cols * Kp : 1) *
		sizeof *rows);
	float *c = nb * g->N == 1 ? NULL :
		malloc((size_t)(g->OCG * cols) * sizeof *c);
	if (!rows || (nb * g->N > 1 && !c))
		abort();
	int64_t PH, PW;
	padded_plane_size(g, &PH, &PW);
	double *xp = malloc((size_t)(g->ICG * PH * PW) * sizeof *xp);
	if (!xp)
		abort();
	for (int64_t gi = 0; gi < g->groups; gi++) {
		for (int i = 0; i < nb; i++)
			for (int64_t b = 0; b < g->N; b++) {
				pad_planes(g, x[i] + (b * g->C + gi * g->ICG) * g->H * g->W,
					xp);
				if (short_k)
					im2col_f64(g, xp, rows + (i * g->N + b) * P, ld);
				else if (pk)
					im2row_slots(g, pk->off, K, xp,
						rows + (i * g->N + b) * P * Kp);
				else
					im2row(g, xp, rows + (i * g->N + b) * P * Kp);
			}
		float *out = c ? c : y[0] + gi * g->OCG * P;
		if (short_k)
			fgemm_cols_d(g->OCG, cols, K, w + gi * g->OCG * K, rows, ld, out,
				bias ? bias + gi * g->OCG : NULL);
		else
			fgemm_dots_d(g->OCG, cols, K, w + gi * g->OCG * K, rows, out,
				bias ? bias + gi * g->OCG : NULL);
		if (!c)
			continue;
		for (int i = 0; i < nb; i++)
		for (int64_t b = 0; b < g->N; b++)
		for (int64_t oc = 0; oc < g->OCG; oc++)
			memcpy(y[i] + (b * g->OC + gi * g->OCG + oc) * P,
				c + oc * cols + (i * g->N + b) * P, (size_t)P * sizeof *c);
	}
	free(xp);
	free(rows);
	free(c);
	return 0;
}

void eval_conv2d(const Node *n, const void *const *in, void *out)
{
	WinGeom g;
	geom_conv(n, &g);
	const float *x = in[0];
	float *y = out;
	conv2d_f32(&g, NULL, &x, in[1], n->nin > 2 ? in[2] : NULL, &y, 1);
}

int eval_conv2d_batch(const Node *n, const ConvPrep *pk,
	const void *const *const *in, void *const *out, int nb)
{
	WinGeom g;
	geom_conv(n, &g);
	const float *x[EXEC_MAX_BATCH];
	if (nb > EXEC_MAX_BATCH)
		return -1;
	for (int i = 0; i < nb; i++)
		x[i] = in[i][0];
	return conv2d_f32(&g, pk, x, in[0][1], n->nin > 2 ? in[0][2] : NULL,
		(float *const *)out, nb);
}

/* The window's taps inside the input along one axis: t in [*t0, *t1)
 * for output position o (stride s, leading pad p, dilation d, size n). */
static void taps_inside(int64_t o, int64_t s, int64_t p, int64_t d,
	int64_t k, int64_t n, int64_t *t0, int64_t *t1)
{
	int64_t base = o * s - p, a = 0, b = k;
	while (a < b && base + a * d < 0)
		a++;
	while (b > a && base + (b - 1) * d >= n)
		b--;
	*t0 = a;
	*t1 = b;
}

/* Float max pooling: the first NaN in a window is the result (NaN
 * propagates); an empty window gives -inf. */
static void maxpool_f32(const WinGeom *g, const float *x, float *y)
{
	int64_t planes = g->N * g->C;
	if (g->KH == 2 && g->KW == 2 && g->sh == 2 && g->sw == 2 &&
	    g->dh == 1 && g->dw == 1 && g->pt == 0 && g->pl == 0 &&
	    2 * g->OH <= g->H && 2 * g->OW <= g->W) {
		/* the common 2x2 window, stride 2, inside the input */
		for (int64_t p = 0; p < planes; p++)
			for (int64_t oh = 0; oh < g->OH; oh++) {
				const float *r0 = x + (p * g->H + 2 * oh) * g->W;
				const float *r1 = r0 + g->W;
				for (int64_t ow = 0; ow < g->OW; ow++) {
					float a = r0[2 * ow], b = r0[2 * ow + 1];
					float c = r1[2 * ow], d = r1[2 * ow + 1];
					float ab = b > a ? b : a, cd = d > c ? d : c;
					float m = cd > ab ? cd : ab;
					if (a != a || b != b || c != c || d != d)
						m = a != a ? a : b != b ? b : c != c ? c : d;
					*y++ = m;
				}
			}
		return;
	}
	/* the columns ow whose tap kw is inside the input: [lo[kw], hi[kw]) */
	int64_t *lo = malloc((size_t)(2 * g->KW) * sizeof *lo), *hi = lo + g->KW;
	float *m = malloc((size_t)(g->OW > 0 ? g->OW : 1) * sizeof *m);
	if (!lo || !m)
		abort();
	for (int64_t kw = 0; kw < g->KW; kw++) {
		lo[kw] = g->OW;
		hi[kw] = 0;
		for (int64_t ow = 0; ow < g->OW; ow++) {
			int64_t iw = ow * g->sw - g->pl + kw * g->dw;
			if (iw >= 0 && iw < g->W) {
				lo[kw] = ow < lo[kw] ? ow : lo[kw];
				hi[kw] = ow + 1;
			}
		}
	}
	/* a row of outputs at once, tap by tap in (kh, kw) order: each
	 * output sees its taps in that order, the columns apart */
	for (int64_t p = 0; p < planes; p++) {
		const float *xp = x + p * g->H * g->W;
		for (int64_t oh = 0; oh < g->OH; oh++) {
			int64_t h0, h1;
			taps_inside(oh, g->sh, g->pt, g->dh, g->KH, g->H, &h0, &h1);
			for (int64_t ow = 0; ow < g->OW; ow++)
				m[ow] = -INFINITY;
			for (int64_t kh = h0; kh < h1; kh++)
			for (int64_t kw = 0; kw < g->KW; kw++) {
				int64_t at = (oh * g->sh - g->pt + kh * g->dh) * g->W +
					kw * g->dw - g->pl;
				for (int64_t ow = lo[kw]; ow < hi[kw]; ow++) {
					float v = xp[at + ow * g->sw];
					m[ow] = m[ow] == m[ow] && (v > m[ow] || v != v) ? v : m[ow];
				}
			}
			memcpy(y, m, (size_t)g->OW * sizeof *y);
			y += g->OW;
		}
	}
	free(lo);
	free(m);
}

/* Max over the window taps inside the input. An element type other than
 * f32 holds int32_t: maxpool moves data and works on quantized tensors. */
void eval_maxpool2d(const Node *n, const void *const *in, void *out)
{
	WinGeom g;
	geom_pool(n, &g);
	if (n->in[0]->type.elem == DT_F32) {
		maxpool_f32(&g, in[0], out);
		return;
	}
	int64_t H = g.H, W = g.W, OH = g.OH, OW = g.OW, planes = g.N * g.C;
	const int32_t *x = in[0];
	int32_t *y = out;
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		int32_t mi = INT32_MIN;
		for (int64_t kh = 0; kh < g.KH; kh++) {
			int64_t ih = oh * g.sh - g.pt + kh * g.dh;
			if (ih < 0 || ih >= H)
				continue;
			for (int64_t kw = 0; kw < g.KW; kw++) {
				int64_t iw = ow * g.sw - g.pl + kw * g.dw;
				if (iw >= 0 && iw < W && x[(p * H + ih) * W + iw] > mi)
					mi = x[(p * H + ih) * W + iw];
			}
		}
		y[(p * OH + oh) * OW + ow] = mi;
	}
}

void eval_avgpool2d(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	WinGeom g;
	geom_pool(n, &g);
	int include_pad = g.count_include_pad != 0;
	int64_t H = g.H, W = g.W, OH = g.OH, OW = g.OW, planes = g.N * g.C;
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		int64_t h0 = oh * g.sh - g.pt, w0 = ow * g.sw - g.pl;
		int64_t h1 = h0 + g.KH, w1 = w0 + g.KW;
		/* the window clipped to the padded input, then to the input */
		int64_t ph1 = h1 < H + g.pb ? h1 : H + g.pb;
		int64_t pw1 = w1 < W + g.pr ? w1 : W + g.pr;
		int64_t padded = (ph1 - h0) * (pw1 - w0);
		if (h0 < 0) h0 = 0;
		if (w0 < 0) w0 = 0;
		if (h1 > H) h1 = H;
		if (w1 > W) w1 = W;
		double sum = 0;
		for (int64_t ih = h0; ih < h1; ih++)
			for (int64_t iw = w0; iw < w1; iw++)
				sum += x[(p * H + ih) * W + iw];
		int64_t count = include_pad ? padded : (h1 - h0) * (w1 - w0);
		y[(p * OH + oh) * OW + ow] = (float)(sum / count);
	}
}

void eval_global_avgpool(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type;
	const float *x = in[0];
	float *y = out;
	int64_t planes = xt->dims[0] * xt->dims[1];
	int64_t size = type_numel(xt) / planes;
	for (int64_t p = 0; p < planes; p++) {
		double sum = 0;
		for (int64_t j = 0; j < size; j++)
			sum += x[p * size + j];
		y[p] = (float)(sum / size);
	}
}

/* ---- qconv2d ---- */

/* The inputs [*k0, *k1) of a window of K taps dilated by dil, starting at
 * input position i0, that lie inside [0, n). */
static void window_inside(int64_t i0, int64_t K, int64_t dil, int64_t n,
	int64_t *k0, int64_t *k1)
{
	*k0 = 0, *k1 = K;
	while (*k0 < K && i0 + *k0 * dil < 0)
		(*k0)++;
	while (*k1 > *k0 && i0 + (*k1 - 1) * dil >= n)
		(*k1)--;
}

/* A qconv2d's window and requantization, read once per call. */
typedef struct {
	WinGeom g;
	int32_t zx, zy;
	int64_t lo, hi;               /* act_min, act_max */
	const int64_t *mult, *shift;  /* channel c at [c * mstep] */
	int64_t mstep;                /* 0: one entry for all channels */
} Conv;

static void conv_params(const Node *n, Conv *cv)
{
	int len;
	geom_conv(n, &cv->g);
	cv->zx = zp_of(n->in[0]), cv->zy = zp_of(n->out);
	cv->lo = attr_int(n, "act_min"), cv->hi = attr_int(n, "act_max");
	cv->mult = attr_ints(n, "mult", &len);
	cv->shift = attr_ints(n, "shift", NULL);
	cv->mstep = len == 1 ? 0 : 1;
}

static int32_t conv_requant(const Conv *cv, int64_t oc, int64_t acc)
{
	return requant(acc, cv->mult[oc * cv->mstep], cv->shift[oc * cv->mstep],
		cv->zy, cv->lo, cv->hi);
}

/* The contract's sum as written: the reference the fast paths below must
 * equal, and the path for data they do not cover. */
static void conv_ref(const Conv *cv, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	int64_t H = cv->g.H, W = cv->g.W, KH = cv->g.KH, KW = cv->g.KW, ICG = cv->g.ICG;
	for (int64_t b = 0; b < cv->g.N; b++)
	for (int64_t oc = 0; oc < cv->g.OC; oc++) {
		int64_t g = oc / cv->g.OCG;
		const int32_t *xg = x + (b * cv->g.C + g * ICG) * H * W;
		const int32_t *wo = w + oc * ICG * KH * KW;
		for (int64_t oh = 0; oh < cv->g.OH; oh++) {
			/* the kernel rows that land inside the input */
			int64_t ih0 = oh * cv->g.sh - cv->g.pt, kh0, kh1;
			window_inside(ih0, KH, cv->g.dh, H, &kh0, &kh1);
			for (int64_t ow = 0; ow < cv->g.OW; ow++) {
				int64_t iw0 = ow * cv->g.sw - cv->g.pl, kw0, kw1;
				window_inside(iw0, KW, cv->g.dw, W, &kw0, &kw1);
				/* padding holds zx: it adds nothing */
				int64_t acc = bias ? bias[oc] : 0;
				for (int64_t ic = 0; ic < ICG; ic++) {
					const int32_t *xc = xg + ic * H * W;
					const int32_t *wc = wo + ic * KH * KW;
					for (int64_t kh = kh0; kh < kh1; kh++) {
						const int32_t *xr = xc +
							(ih0 + kh * cv->g.dh) * W + iw0;
						const int32_t *wr = wc + kh * KW;
						for (int64_t kw = kw0; kw < kw1; kw++)
							acc += ((int64_t)xr[kw * cv->g.dw] - cv->zx) *
								wr[kw];
					}
				}
				y[((b * cv->g.OC + oc) * cv->g.OH + oh) * cv->g.OW + ow] =
					conv_requant(cv, oc, acc);
			}
		}
	}
}

/* The fast paths compute the same sum in another order, which integer
 * addition allows. x - zx is formed once into int16 planes whose padding
 * holds 0 (zx - zx), so no tap tests a border; a product of two int16 is
 * exact in int32; sums are formed in uint32_t, modulo 2^32, which is the
 * wrap acc32() applies to the exact sum, so the result is the reference's
 * even outside the contract. They need every weight and every x - zx in
 * int16: always true of data in its types' ranges (weights are i8 or i16,
 * 8-bit activations give |x - zx| <= 255, i16 ones have zx = 0), which the
 * parser, `qcc run` and every kernel's clamp ensure; other data (a library
 * caller's) take conv_ref. */
static int fits_i16(const int32_t *v, int64_t count, int32_t zp)
{
	/* with |zp| <= 2^15, v - zp + 2^15 computed modulo 2^32 is below 2^16
	 * exactly when v - zp is in int16; eight lanes, a constant trip count:
	 * gcc -O2 vectorizes it */
	uint32_t off = 32768u - (uint32_t)zp, bad[8] = {0}, any = 0;
	int64_t i = 0;
	for (; i + 8 <= count; i += 8)
		for (int j = 0; j < 8; j++)
			bad[j] |= ((uint32_t)v[i + j] + off) & 0xffff0000u;
	for (; i < count; i++)
		bad[0] |= ((uint32_t)v[i] + off) & 0xffff0000u;
	for (int j = 0; j < 8; j++)
		any |= bad[j];
	return zp >= -32768 && zp <= 32768 && any == 0;
}

/* Requantize n accumulators of channel oc (sums modulo 2^32). */
static void requant_row(const Conv *cv, int64_t oc, const uint32_t *acc,
	int64_t n, int32_t *y)
{
	int64_t mult = cv->mult[oc * cv->mstep], shift = cv->shift[oc * cv->mstep];
	for (int64_t i = 0; i < n; i++)
		y[i] = requant((int32_t)acc[i], mult, shift, cv->zy, cv->lo, cv->hi);
}

/* The rows (cols) of the padded plane that OH (OW) outputs read. */
static int64_t padded_len(int64_t out, int64_t stride, int64_t k, int64_t dil)
{
	return (out - 1) * stride + (k - 1) * dil + 1;
}

/* The PH x PW padded plane of one input channel, x - zx inside the input
 * and 0 outside, its columns dealt into `phases` planes: column c goes to
 * plane c % phases, column c / phases, each plane PH x ceil(PW / phases).
 * With phases = stride the columns an output row reads with one tap are
 * contiguous in one plane. */
static void pad_plane(const Conv *cv, const int32_t *x, int16_t *xp,
	int64_t PH, int64_t PW, int64_t phases)
{
	int64_t PWS = (PW + phases - 1) / phases;
	memset(xp, 0, (size_t)(phases * PH * PWS) * sizeof *xp);
	/* the input's columns [c0, c1) of the padded plane */
	int64_t c0 = cv->g.pl < PW ? cv->g.pl : PW;
	int64_t c1 = cv->g.pl + cv->g.W < PW ? cv->g.pl + cv->g.W : PW;
	if (c0 >= c1)
		return;
	for (int64_t ih = 0; ih < cv->g.H; ih++) {
		int64_t r = ih + cv->g.pt;
		if (r >= PH)
			break;
		const int32_t *xr = x + ih * cv->g.W;   /* column c at xr[c - pl] */
		if (phases == 1) {
			int16_t *row = xp + r * PWS + cv->g.pl;
			int64_t i = 0, n = c1 - c0;
			for (; i + 8 <= n; i += 8)  /* vectorizable */
				for (int j = 0; j < 8; j++)
					row[i + j] = (int16_t)(xr[i + j] - cv->zx);
			for (; i < n; i++)
				row[i] = (int16_t)(xr[i] - cv->zx);
			continue;
		}
		for (int64_t q = 0; q < phases; q++) {
			/* the first column >= c0 of phase q, and its place */
			int64_t c = c0 + (q - c0 % phases + phases) % phases;
			int16_t *row = xp + (q * PH + r) * PWS;
			for (int64_t t = c / phases; c < c1; c += phases, t++)
				row[t] = (int16_t)(xr[c - cv->g.pl] - cv->zx);
		}
	}
}

/* acc[i] += wv * src[i] for i < n, n a multiple of 8: chunks of 8 with a
 * constant trip count are what gcc -O2 vectorizes. */
static void add_tap(uint32_t *restrict acc, const int16_t *restrict src,
	int16_t wv, int64_t n)
{
	int16_t wvec[8];
	for (int j = 0; j < 8; j++)
		wvec[j] = wv;
	for (int64_t i = 0; i < n; i += 8)
		for (int j = 0; j < 8; j++)
			acc[i + j] += (uint32_t)((int32_t)wvec[j] * src[i + j]);
}

/* Depthwise (one input and one output channel per group): per output
 * row, each tap adds a weighted row of the padded plane, read from the
 * phase plane that makes it contiguous. Rows are computed OWP wide, OW
 * rounded up to 8; the planes are wide enough for it. */
static int conv_depthwise(const Conv *cv, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	int64_t OH = cv->g.OH, OW = cv->g.OW, KH = cv->g.KH, KW = cv->g.KW;
	int64_t sw = cv->g.sw, OWP = (OW + 7) / 8 * 8;
	int64_t PH = padded_len(OH, cv->g.sh, KH, cv->g.dh);
	int64_t PW = padded_len(OWP, sw, KW, cv->g.dw);
	int64_t PWS = (PW + sw - 1) / sw;
	int16_t *xp = malloc((size_t)(sw * PH * PWS) * sizeof *xp);
	uint32_t *acc = malloc((size_t)OWP * sizeof *acc);
	int64_t *coff = malloc((size_t)KW * sizeof *coff);
	if (!xp || !acc || !coff) {
		free(xp);
		free(acc);
		free(coff);
		return -1;
	}
	/* where column kw*dw of a row starts: its phase plane and place */
	for (int64_t kw = 0; kw < KW; kw++)
		coff[kw] = kw * cv->g.dw % sw * PH * PWS + kw * cv->g.dw / sw;
	for (int64_t b = 0; b < cv->g.N; b++)
	for (int64_t c = 0; c < cv->g.C; c++) {
		const int32_t *wc = w + c * KH * KW;
		int32_t *yc = y + (b * cv->g.OC + c) * OH * OW;
		pad_plane(cv, x + (b * cv->g.C + c) * cv->g.H * cv->g.W, xp, PH, PW, sw);
		for (int64_t oh = 0; oh < OH; oh++) {
			for (int64_t ow = 0; ow < OWP; ow++)
				acc[ow] = bias ? (uint32_t)bias[c] : 0;
			for (int64_t kh = 0; kh < KH; kh++)
			for (int64_t kw = 0; kw < KW; kw++) {
				int64_t r = oh * cv->g.sh + kh * cv->g.dh;
				add_tap(acc, xp + r * PWS + coff[kw],
					(int16_t)wc[kh * KW + kw], OWP);
			}
			requant_row(cv, c, acc, OW, yc + oh * OW);
		}
	}
	free(xp);
	free(acc);
	free(coff);
	return 0;
}

/* sum a[k] * b[k] modulo 2^32 for n a multiple of 16: sixteen lane sums
 * (lane j takes k = j mod 16; integer addition in any order gives the
 * same sum), written with vector types where the compiler has them: gcc
 * leaves the plain loop scalar at the short n of small layers. */
#if defined(__GNUC__)
typedef int16_t v16s __attribute__((vector_size(32)));
typedef uint32_t v16u __attribute__((vector_size(64)));

static uint32_t dot16(const int16_t *restrict a, const int16_t *restrict b,
	int64_t n)
{
	v16u lane = {0};
	for (int64_t k = 0; k < n; k += 16) {
		v16s av, bv;
		memcpy(&av, a + k, sizeof av);
		memcpy(&bv, b + k, sizeof bv);
		/* |a*b| <= 2^30: the int32 product, taken modulo 2^32 */
		lane += __builtin_convertvector(av, v16u) *
			__builtin_convertvector(bv, v16u);
	}
	uint32_t s = 0;
	for (int j = 0; j < 16; j++)
		s += lane[j];
	return s;
}
#else
static uint32_t dot16(const int16_t *restrict a, const int16_t *restrict b,
	int64_t n)
{
	uint32_t s = 0;
	for (int64_t k = 0; k < n; k++)
		s += (uint32_t)((int32_t)a[k] * b[k]);
	return s;
}
#endif

/* col[p][k]: the patch of output position p (im2col), k = (ic, kh, kw) in
 * the weights' order; xp holds the ICG padded planes of the group. */
static void im2col(const Conv *cv, const int16_t *xp, int64_t PH, int64_t PW,
	int16_t *col, int64_t KP)
{
	int64_t KH = cv->g.KH, KW = cv->g.KW;
	for (int64_t oh = 0; oh < cv->g.OH; oh++)
	for (int64_t ow = 0; ow < cv->g.OW; ow++) {
		int16_t *cp = col + (oh * cv->g.OW + ow) * KP;
		const int16_t *xo = xp + oh * cv->g.sh * PW + ow * cv->g.sw;
		for (int64_t ic = 0; ic < cv->g.ICG; ic++, xo += PH * PW)
		for (int64_t kh = 0; kh < KH; kh++)
		for (int64_t kw = 0; kw < KW; kw++)
			*cp++ = xo[kh * cv->g.dh * PW + kw * cv->g.dw];
	}
}

/* A 1x1 conv with stride 1 and no padding reads x itself: the patch of
 * position p is x[ic][p] - zx, ic < ICG. */
static int is_pointwise(const Conv *cv)
{
	return cv->g.KH == 1 && cv->g.KW == 1 && cv->g.sh == 1 && cv->g.sw == 1 &&
		cv->g.pt == 0 && cv->g.pl == 0 && cv->g.OH == cv->g.H && cv->g.OW == cv->g.W;
}

static void pointwise_col(const Conv *cv, const int32_t *xg, int16_t *col,
	int64_t KP)
{
	int64_t P = cv->g.H * cv->g.W;
	for (int64_t ic = 0; ic < cv->g.ICG; ic++)
		for (int64_t p = 0; p < P; p++)
			col[p * KP + ic] = (int16_t)(xg[ic * P + p] - cv->zx);
}

/* The weight rows conv_gemm reads: taps in the IR's (ic, kh, kw) order,
 * which is im2col's, K padded to a multiple of 16 (dot16), int16. */
static const PackSpec sim_pack = {PACK_OIHW, 16, 0, 16};

/* Any other conv, per group: each output is the dot product of a weight
 * row and a row of col, both zero-padded from K = ICG*KH*KW to KP. */
static int conv_gemm(const Conv *cv, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	const WinGeom *g = &cv->g;
	int64_t PH = padded_len(g->OH, g->sh, g->KH, g->dh);
	int64_t PW = padded_len(g->OW, g->sw, g->KW, g->dw);
	int64_t ICG = g->ICG, OCG = g->OCG, P = g->OH * g->OW;
	int64_t KP = pack_kp(&sim_pack, g->K);
	int16_t *xp = malloc((size_t)(ICG * PH * PW) * sizeof *xp);
	int16_t *col = calloc((size_t)(P * KP), sizeof *col);
	int16_t *wp = malloc((size_t)pack_bytes(&sim_pack, g->OC, g->K));
	uint32_t *acc = malloc((size_t)P * sizeof *acc);
	if (!xp || !col || !wp || !acc) {
		free(xp);
		free(col);
		free(wp);
		free(acc);
		return -1;
	}
	pack_conv(&sim_pack, g, w, wp);
	for (int64_t gi = 0; gi < g->groups; gi++)
	for (int64_t b = 0; b < g->N; b++) {
		const int32_t *xg = x + (b * g->C + gi * ICG) * g->H * g->W;
		if (is_pointwise(cv)) {
			pointwise_col(cv, xg, col, KP);
		} else {
			for (int64_t ic = 0; ic < ICG; ic++)
				pad_plane(cv, xg + ic * g->H * g->W,
					xp + ic * PH * PW, PH, PW, 1);
			im2col(cv, xp, PH, PW, col, KP);
		}
		for (int64_t oc = gi * OCG; oc < (gi + 1) * OCG; oc++) {
			uint32_t b0 = bias ? (uint32_t)bias[oc] : 0;
			for (int64_t p = 0; p < P; p++)
				acc[p] = b0 + dot16(wp + oc * KP, col + p * KP, KP);
			requant_row(cv, oc, acc, P, y + (b * g->OC + oc) * P);
		}
	}
	free(xp);
	free(col);
	free(wp);
	free(acc);
	return 0;
}

static void qconv2d(const Node *n, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *out)
{
	Conv cv;
	conv_params(n, &cv);
	if (cv.g.OH <= 0 || cv.g.OW <= 0)
		return;
	int fast = fits_i16(x, cv.g.N * cv.g.C * cv.g.H * cv.g.W, cv.zx) &&
		fits_i16(w, cv.g.OC * cv.g.ICG * cv.g.KH * cv.g.KW, 0);
	if (fast && cv.g.ICG == 1 && cv.g.OCG == 1 &&
	    conv_depthwise(&cv, x, w, bias, out) == 0)
		return;
	if (fast && conv_gemm(&cv, x, w, bias, out) == 0)
		return;
	conv_ref(&cv, x, w, bias, out);
}

/* Weights of 4 bits or fewer arrive as read through their packed layout
 * (exec_run, exec/wpack.c). */
void eval_qconv2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *w = in[1], *bias = n->nin > 2 && n->in[2] ? in[2] : NULL;
	if (xnor_applies(n) && wpack_xnor_conv(n, in[0], w, bias, out) == 0)
		return;
	qconv2d(n, in[0], w, bias, out);
}

/* ---- pooling ---- */

/* Padding never wins; a window entirely in padding (ceil_mode edge) finds
 * nothing, INT32_MIN, and yields qmin. */
void eval_qmaxpool2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	WinGeom g;
	geom_pool(n, &g);
	int64_t KH = g.KH, KW = g.KW, sh = g.sh, sw = g.sw, dh = g.dh, dw = g.dw;
	int32_t qmin = type_qmin(&n->out->type);
	int64_t planes = g.N * g.C, H = g.H, W = g.W, OH = g.OH, OW = g.OW;
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++) {
		int64_t ih0 = oh * sh - g.pt, kh0, kh1;
		window_inside(ih0, KH, dh, H, &kh0, &kh1);
		int32_t *yr = y + (p * OH + oh) * OW;
		for (int64_t ow = 0; ow < OW; ow++) {
			int64_t iw0 = ow * sw - g.pl, kw0 = 0, kw1 = KW;
			if (iw0 < 0 || iw0 + (KW - 1) * dw >= W)
				window_inside(iw0, KW, dw, W, &kw0, &kw1);
			int32_t m = INT32_MIN;
			for (int64_t kh = kh0; kh < kh1; kh++) {
				const int32_t *xr = x + (p * H + ih0 + kh * dh) * W + iw0;
				for (int64_t kw = kw0; kw < kw1; kw++)
					m = xr[kw * dw] > m ? xr[kw * dw] : m;
			}
			yr[ow] = m == INT32_MIN ? qmin : m;
		}
	}
}

void eval_qavgpool2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	WinGeom g;
	geom_pool(n, &g);
	int include_pad = g.count_include_pad;
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t NC = g.N * g.C, H = g.H, W = g.W, OH = g.OH, OW = g.OW;
	for (int64_t c = 0; c < NC; c++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		int64_t acc = 0, count = 0;
		for (int64_t kh = 0; kh < g.KH; kh++) {
			int64_t ih = oh * g.sh - g.pt + kh;
			for (int64_t kw = 0; kw < g.KW; kw++) {
				int64_t iw = ow * g.sw - g.pl + kw;
				int inside = ih >= 0 && ih < H && iw >= 0 && iw < W;
				/* count_include_pad counts the padding, not the
				 * part of a ceil_mode window past it */
				int in_pad = ih >= -g.pt && ih < H + g.pb &&
					iw >= -g.pl && iw < W + g.pr;
				if (inside)
					acc += (int64_t)x[(c * H + ih) * W + iw] - zx;
				if (inside || (include_pad && in_pad))
					count++;
			}
		}
		y[(c * OH + oh) * OW + ow] = count == 0 ? clamp64(zy, lo, hi) :
			requant(acc, mult[count - 1], shift[count - 1], zy, lo, hi);
	}
}

void eval_qglobal_avgpool(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t NC = xt->dims[0] * xt->dims[1];
	int64_t area = type_numel(xt) / NC;
	for (int64_t c = 0; c < NC; c++) {
		int64_t acc = 0;
		for (int64_t i = 0; i < area; i++)
			acc += (int64_t)x[c * area + i] - zx;
		y[c] = requant(acc, mult, shift, zy, lo, hi);
	}
}
