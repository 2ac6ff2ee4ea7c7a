/* qkernels.c - the integer kernels: the integer simulator of docs/arith.md.
 *
 * Each kernel computes exactly what the contract says: int32 accumulators,
 * R(p, n) rounding half away from zero, one clamp at the end. Most do it in
 * the contract's words; qconv2d, where the time goes, sums in another order
 * (exact: integer addition is associative) over int16 copies of its
 * operands, with depthwise and 1x1 shapes apart (see fits_i16). Zero points
 * and scales come from the q(...) of the value types. Only quantize and
 * dequantize touch floats (the graph boundary). Data are int32_t per
 * element (float for the f32 side of the boundary).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* R(p, n): p / 2^n rounded to nearest, ties away from zero; |p| < 2^62. */
static int64_t rshift_round(int64_t p, int64_t n)
{
	if (n == 0)
		return p;
	/* on the magnitude, without a branch on the sign */
	int64_t half = (int64_t)1 << (n - 1);
	int64_t mag = ((p < 0 ? -p : p) + half) >> n;
	return p < 0 ? -mag : mag;
}

static int32_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	v = v < lo ? lo : v;
	return (int32_t)(v > hi ? hi : v);
}

/* An accumulator outside int32 is outside the contract (the compiler
 * proves it cannot happen); wrap it as 32-bit hardware would rather than
 * invoke undefined behaviour. */
static int64_t acc32(int64_t acc)
{
	return (int64_t)(int32_t)(uint32_t)acc;
}

static int32_t zp_of(const Value *v)
{
	return v->type.q.present ? v->type.q.zp[0] : 0;
}

/* y = clamp(zy + R(acc * mult, shift), lo, hi) */
static int32_t requant(int64_t acc, int64_t mult, int64_t shift, int32_t zy,
	int64_t lo, int64_t hi)
{
	return clamp64(zy + rshift_round(acc32(acc) * mult, shift), lo, hi);
}

/* ---- boundary ---- */

void eval_quantize(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	int32_t *y = out;
	const Type *t = &n->out->type;
	float scale = t->q.scale[0];
	int32_t zp = t->q.zp[0];
	int64_t lo = type_qmin(t), hi = type_qmax(t);
	int64_t count = type_numel(t);
	for (int64_t i = 0; i < count; i++) {
		float r = nearbyintf(x[i] / scale);
		double v = isnan(r) ? zp : (double)r + zp;
		y[i] = v < lo ? (int32_t)lo : v > hi ? (int32_t)hi : (int32_t)v;
	}
}

void eval_dequantize(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	float *y = out;
	const Type *t = &n->in[0]->type;
	int64_t count = type_numel(t);
	if (t->q.axis < 0) {
		for (int64_t i = 0; i < count; i++)
			y[i] = (float)((int64_t)x[i] - t->q.zp[0]) * t->q.scale[0];
		return;
	}
	int64_t inner = 1, ch = t->dims[t->q.axis];
	for (int d = t->q.axis + 1; d < t->rank; d++)
		inner *= t->dims[d];
	for (int64_t i = 0; i < count; i++) {
		int c = (int)(i / inner % ch);
		y[i] = (float)((int64_t)x[i] - t->q.zp[c]) * t->q.scale[c];
	}
}

void eval_requantize(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int64_t count = type_numel(&n->out->type);
	for (int64_t i = 0; i < count; i++)
		y[i] = requant((int64_t)x[i] - zx, mult, shift, zy, lo, hi);
}

/* ---- conv and dense ---- */

/* mult/shift of channel c: one entry for all, or one per channel. */
static void channel_requant(const Node *n, int64_t c, int64_t *mult,
	int64_t *shift)
{
	int len;
	const int64_t *m = attr_ints(n, "mult", &len);
	const int64_t *s = attr_ints(n, "shift", NULL);
	*mult = m[len == 1 ? 0 : c];
	*shift = s[len == 1 ? 0 : c];
}

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

/* A qconv2d's shape and attributes, read once per call. */
typedef struct {
	int64_t N, C, H, W;           /* input */
	int64_t OC, ICG, KH, KW;      /* weights */
	int64_t OH, OW, groups, OCG;
	int64_t sh, sw, dh, dw;       /* stride, dilation */
	int64_t pt, pl;               /* top and left padding */
	int32_t zx, zy;
	int64_t lo, hi;               /* act_min, act_max */
	const int64_t *mult, *shift;  /* channel c at [c * mstep] */
	int64_t mstep;                /* 0: one entry for all channels */
} Conv;

static void conv_params(const Node *n, Conv *cv)
{
	const Type *xt = &n->in[0]->type, *wt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int len;
	cv->N = xt->dims[0], cv->C = xt->dims[1];
	cv->H = xt->dims[2], cv->W = xt->dims[3];
	cv->OC = wt->dims[0], cv->ICG = wt->dims[1];
	cv->KH = wt->dims[2], cv->KW = wt->dims[3];
	cv->OH = yt->dims[2], cv->OW = yt->dims[3];
	cv->groups = attr_int(n, "groups");
	cv->OCG = cv->OC / cv->groups;
	cv->sh = stride[0], cv->sw = stride[1];
	cv->dh = dil[0], cv->dw = dil[1];
	cv->pt = pad[0], cv->pl = pad[1];
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
	int64_t H = cv->H, W = cv->W, KH = cv->KH, KW = cv->KW, ICG = cv->ICG;
	for (int64_t b = 0; b < cv->N; b++)
	for (int64_t oc = 0; oc < cv->OC; oc++) {
		int64_t g = oc / cv->OCG;
		const int32_t *xg = x + (b * cv->C + g * ICG) * H * W;
		const int32_t *wo = w + oc * ICG * KH * KW;
		for (int64_t oh = 0; oh < cv->OH; oh++) {
			/* the kernel rows that land inside the input */
			int64_t ih0 = oh * cv->sh - cv->pt, kh0, kh1;
			window_inside(ih0, KH, cv->dh, H, &kh0, &kh1);
			for (int64_t ow = 0; ow < cv->OW; ow++) {
				int64_t iw0 = ow * cv->sw - cv->pl, kw0, kw1;
				window_inside(iw0, KW, cv->dw, W, &kw0, &kw1);
				/* padding holds zx: it adds nothing */
				int64_t acc = bias ? bias[oc] : 0;
				for (int64_t ic = 0; ic < ICG; ic++) {
					const int32_t *xc = xg + ic * H * W;
					const int32_t *wc = wo + ic * KH * KW;
					for (int64_t kh = kh0; kh < kh1; kh++) {
						const int32_t *xr = xc +
							(ih0 + kh * cv->dh) * W + iw0;
						const int32_t *wr = wc + kh * KW;
						for (int64_t kw = kw0; kw < kw1; kw++)
							acc += ((int64_t)xr[kw * cv->dw] - cv->zx) *
								wr[kw];
					}
				}
				y[((b * cv->OC + oc) * cv->OH + oh) * cv->OW + ow] =
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
	int64_t c0 = cv->pl < PW ? cv->pl : PW;
	int64_t c1 = cv->pl + cv->W < PW ? cv->pl + cv->W : PW;
	if (c0 >= c1)
		return;
	for (int64_t ih = 0; ih < cv->H; ih++) {
		int64_t r = ih + cv->pt;
		if (r >= PH)
			break;
		const int32_t *xr = x + ih * cv->W;   /* column c at xr[c - pl] */
		if (phases == 1) {
			int16_t *row = xp + r * PWS + cv->pl;
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
				row[t] = (int16_t)(xr[c - cv->pl] - cv->zx);
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
	int64_t OH = cv->OH, OW = cv->OW, KH = cv->KH, KW = cv->KW;
	int64_t sw = cv->sw, OWP = (OW + 7) / 8 * 8;
	int64_t PH = padded_len(OH, cv->sh, KH, cv->dh);
	int64_t PW = padded_len(OWP, sw, KW, cv->dw);
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
		coff[kw] = kw * cv->dw % sw * PH * PWS + kw * cv->dw / sw;
	for (int64_t b = 0; b < cv->N; b++)
	for (int64_t c = 0; c < cv->C; c++) {
		const int32_t *wc = w + c * KH * KW;
		int32_t *yc = y + (b * cv->OC + c) * OH * OW;
		pad_plane(cv, x + (b * cv->C + c) * cv->H * cv->W, xp, PH, PW, sw);
		for (int64_t oh = 0; oh < OH; oh++) {
			for (int64_t ow = 0; ow < OWP; ow++)
				acc[ow] = bias ? (uint32_t)bias[c] : 0;
			for (int64_t kh = 0; kh < KH; kh++)
			for (int64_t kw = 0; kw < KW; kw++) {
				int64_t r = oh * cv->sh + kh * cv->dh;
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

/* sum a[k] * b[k] modulo 2^32 for n a multiple of 16: chunks of 16 with a
 * constant trip count are what gcc -O2 vectorizes (pmaddwd on x86). */
static uint32_t dot16(const int16_t *restrict a, const int16_t *restrict b,
	int64_t n)
{
	uint32_t s = 0;
	for (int64_t k = 0; k < n; k += 16)
		for (int j = 0; j < 16; j++)
			s += (uint32_t)((int32_t)a[k + j] * b[k + j]);
	return s;
}

/* col[p][k]: the patch of output position p (im2col), k = (ic, kh, kw) in
 * the weights' order; xp holds the ICG padded planes of the group. */
static void im2col(const Conv *cv, const int16_t *xp, int64_t PH, int64_t PW,
	int16_t *col, int64_t KP)
{
	int64_t KH = cv->KH, KW = cv->KW;
	for (int64_t oh = 0; oh < cv->OH; oh++)
	for (int64_t ow = 0; ow < cv->OW; ow++) {
		int16_t *cp = col + (oh * cv->OW + ow) * KP;
		const int16_t *xo = xp + oh * cv->sh * PW + ow * cv->sw;
		for (int64_t ic = 0; ic < cv->ICG; ic++, xo += PH * PW)
		for (int64_t kh = 0; kh < KH; kh++)
		for (int64_t kw = 0; kw < KW; kw++)
			*cp++ = xo[kh * cv->dh * PW + kw * cv->dw];
	}
}

/* A 1x1 conv with stride 1 and no padding reads x itself: the patch of
 * position p is x[ic][p] - zx, ic < ICG. */
static int is_pointwise(const Conv *cv)
{
	return cv->KH == 1 && cv->KW == 1 && cv->sh == 1 && cv->sw == 1 &&
		cv->pt == 0 && cv->pl == 0 && cv->OH == cv->H && cv->OW == cv->W;
}

static void pointwise_col(const Conv *cv, const int32_t *xg, int16_t *col,
	int64_t KP)
{
	int64_t P = cv->H * cv->W;
	for (int64_t ic = 0; ic < cv->ICG; ic++)
		for (int64_t p = 0; p < P; p++)
			col[p * KP + ic] = (int16_t)(xg[ic * P + p] - cv->zx);
}

/* Any other conv, per group: each output is the dot product of a weight
 * row and a row of col, both zero-padded from K = ICG*KH*KW to KP, a
 * multiple of 16. */
static int conv_gemm(const Conv *cv, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	int64_t PH = padded_len(cv->OH, cv->sh, cv->KH, cv->dh);
	int64_t PW = padded_len(cv->OW, cv->sw, cv->KW, cv->dw);
	int64_t ICG = cv->ICG, OCG = cv->OCG, P = cv->OH * cv->OW;
	int64_t K = ICG * cv->KH * cv->KW, KP = (K + 15) / 16 * 16;
	int16_t *xp = malloc((size_t)(ICG * PH * PW) * sizeof *xp);
	int16_t *col = calloc((size_t)(P * KP), sizeof *col);
	int16_t *wg = calloc((size_t)(OCG * KP), sizeof *wg);
	uint32_t *acc = malloc((size_t)P * sizeof *acc);
	if (!xp || !col || !wg || !acc) {
		free(xp);
		free(col);
		free(wg);
		free(acc);
		return -1;
	}
	for (int64_t g = 0; g < cv->groups; g++) {
		for (int64_t o = 0; o < OCG; o++)
			for (int64_t k = 0; k < K; k++)
				wg[o * KP + k] = (int16_t)w[(g * OCG + o) * K + k];
		for (int64_t b = 0; b < cv->N; b++) {
			const int32_t *xg = x + (b * cv->C + g * ICG) * cv->H * cv->W;
			if (is_pointwise(cv)) {
				pointwise_col(cv, xg, col, KP);
			} else {
				for (int64_t ic = 0; ic < ICG; ic++)
					pad_plane(cv, xg + ic * cv->H * cv->W,
						xp + ic * PH * PW, PH, PW, 1);
				im2col(cv, xp, PH, PW, col, KP);
			}
			for (int64_t o = 0; o < OCG; o++) {
				int64_t oc = g * OCG + o;
				uint32_t b0 = bias ? (uint32_t)bias[oc] : 0;
				for (int64_t p = 0; p < P; p++)
					acc[p] = b0 + dot16(wg + o * KP, col + p * KP, KP);
				requant_row(cv, oc, acc, P, y + (b * cv->OC + oc) * P);
			}
		}
	}
	free(xp);
	free(col);
	free(wg);
	free(acc);
	return 0;
}

void eval_qconv2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0], *w = in[1];
	const int32_t *bias = n->nin > 2 && n->in[2] ? in[2] : NULL;
	Conv cv;
	conv_params(n, &cv);
	if (cv.OH <= 0 || cv.OW <= 0)
		return;
	int fast = fits_i16(x, cv.N * cv.C * cv.H * cv.W, cv.zx) &&
		fits_i16(w, cv.OC * cv.ICG * cv.KH * cv.KW, 0);
	if (fast && cv.ICG == 1 && cv.OCG == 1 &&
	    conv_depthwise(&cv, x, w, bias, out) == 0)
		return;
	if (fast && conv_gemm(&cv, x, w, bias, out) == 0)
		return;
	conv_ref(&cv, x, w, bias, out);
}

/* sum (x[k] - zx) * w[k] modulo 2^32 - which is what acc32() makes of the
 * exact sum - in eight lanes with a constant trip count (vectorizable). */
static uint32_t dot_zx(const int32_t *x, int32_t zx, const int32_t *w,
	int64_t n)
{
	uint32_t lane[8] = {0}, s = 0;
	int64_t k = 0;
	for (; k + 8 <= n; k += 8)
		for (int j = 0; j < 8; j++)
			lane[j] += ((uint32_t)x[k + j] - (uint32_t)zx) *
				(uint32_t)w[k + j];
	for (; k < n; k++)
		s += ((uint32_t)x[k] - (uint32_t)zx) * (uint32_t)w[k];
	for (int j = 0; j < 8; j++)
		s += lane[j];
	return s;
}

void eval_qdense(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0], *w = in[1];
	const int32_t *bias = n->nin > 2 && n->in[2] ? in[2] : NULL;
	int32_t *y = out;
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	for (int64_t m = 0; m < M; m++) {
		int64_t mult, shift;
		channel_requant(n, m, &mult, &shift);
		for (int64_t b = 0; b < N; b++) {
			uint32_t acc = bias ? (uint32_t)bias[m] : 0;
			acc += dot_zx(x + b * K, zx, w + m * K, K);
			y[b * M + m] = requant((int32_t)acc, mult, shift, zy, lo, hi);
		}
	}
}

/* ---- broadcasting helpers ---- */

void eval_qmatmul(const Node *n, const void *const *in, void *out)
{
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	int64_t M = at->dims[at->rank - 2], K = at->dims[at->rank - 1];
	int64_t P = bt->dims[bt->rank - 1];
	int32_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]), zy = zp_of(n->out);
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	/* batch shapes: the types with their two matrix dims dropped */
	Type ab = *at, bb = *bt, yb = *yt;
	ab.rank -= 2, bb.rank -= 2, yb.rank -= 2;
	int64_t batches = type_numel(&yb);
	for (int64_t bi = 0; bi < batches; bi++) {
		const int32_t *am = a + type_bcast_offset(&ab, &yb, bi) * M * K;
		const int32_t *bm = b + type_bcast_offset(&bb, &yb, bi) * K * P;
		int32_t *ym = y + bi * M * P;
		for (int64_t i = 0; i < M; i++)
			for (int64_t j = 0; j < P; j++) {
				int64_t acc = 0;
				for (int64_t k = 0; k < K; k++)
					acc += ((int64_t)am[i * K + k] - za) *
						((int64_t)bm[k * P + j] - zb);
				ym[i * P + j] = requant(acc, mult, shift, zy, lo, hi);
			}
	}
}

void eval_qadd(const Node *n, const void *const *in, void *out)
{
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	int32_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]), zy = zp_of(n->out);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int64_t count = type_numel(yt);
	for (int64_t i = 0; i < count; i++) {
		int64_t xa = a[type_bcast_offset(at, yt, i)];
		int64_t xb = b[type_bcast_offset(bt, yt, i)];
		int64_t p = (xa - za) * mult[0] + (xb - zb) * mult[1];
		y[i] = clamp64(zy + rshift_round(p, shift), lo, hi);
	}
}

void eval_qmul(const Node *n, const void *const *in, void *out)
{
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	int32_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]), zy = zp_of(n->out);
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int64_t count = type_numel(yt);
	for (int64_t i = 0; i < count; i++) {
		int64_t p = ((int64_t)a[type_bcast_offset(at, yt, i)] - za) *
			((int64_t)b[type_bcast_offset(bt, yt, i)] - zb);
		y[i] = clamp64(zy + rshift_round(p * mult, shift), lo, hi);
	}
}

void eval_qconcat(const Node *n, const void *const *in, void *out)
{
	int32_t *y = out;
	const Type *yt = &n->out->type;
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += yt->rank;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t outer, mid, inner;
	type_split_axis(yt, axis, &outer, &mid, &inner);
	int64_t ystride = mid * inner, base = 0;
	for (int i = 0; i < n->nin; i++) {
		const int32_t *x = in[i];
		int32_t zx = zp_of(n->in[i]);
		int64_t chunk = n->in[i]->type.dims[axis] * inner;
		for (int64_t o = 0; o < outer; o++)
			for (int64_t k = 0; k < chunk; k++)
				y[o * ystride + base + k] = requant(
					(int64_t)x[o * chunk + k] - zx, mult[i], shift[i],
					zy, lo, hi);
		base += chunk;
	}
}

/* ---- pooling ---- */

/* Padding never wins; a window entirely in padding (ceil_mode edge) finds
 * nothing, INT32_MIN, and yields qmin. */
void eval_qmaxpool2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *k = attr_ints(n, "kernel", NULL);
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int64_t KH = k[0], KW = k[1], sh = stride[0], sw = stride[1];
	int64_t dh = dil[0], dw = dil[1];
	int32_t qmin = type_qmin(yt);
	int64_t planes = xt->dims[0] * xt->dims[1];
	int64_t H = xt->dims[2], W = xt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3];
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++) {
		int64_t ih0 = oh * sh - pad[0], kh0, kh1;
		window_inside(ih0, KH, dh, H, &kh0, &kh1);
		int32_t *yr = y + (p * OH + oh) * OW;
		for (int64_t ow = 0; ow < OW; ow++) {
			int64_t iw0 = ow * sw - pad[1], kw0 = 0, kw1 = KW;
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
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *k = attr_ints(n, "kernel", NULL);
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int include_pad = (int)attr_int(n, "count_include_pad");
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t NC = xt->dims[0] * xt->dims[1], H = xt->dims[2], W = xt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3];
	for (int64_t c = 0; c < NC; c++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		int64_t acc = 0, count = 0;
		for (int64_t kh = 0; kh < k[0]; kh++) {
			int64_t ih = oh * stride[0] - pad[0] + kh;
			for (int64_t kw = 0; kw < k[1]; kw++) {
				int64_t iw = ow * stride[1] - pad[1] + kw;
				int inside = ih >= 0 && ih < H && iw >= 0 && iw < W;
				/* count_include_pad counts the padding, not the
				 * part of a ceil_mode window past it */
				int in_pad = ih >= -pad[0] && ih < H + pad[2] &&
					iw >= -pad[1] && iw < W + pad[3];
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

/* ---- tables ---- */

void eval_qlut(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *table = attr_ints(n, "table", NULL);
	int64_t count = type_numel(xt);
	if (xt->elem != DT_I16) {
		int32_t qmin = type_qmin(xt);
		for (int64_t i = 0; i < count; i++)
			y[i] = (int32_t)table[x[i] - qmin];
		return;
	}
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	for (int64_t i = 0; i < count; i++) {
		int64_t u = (int64_t)x[i] + 32768;
		int64_t j = u >> 7, f = u & 127;
		int64_t v = table[j] + rshift_round((table[j + 1] - table[j]) * f, 7);
		y[i] = clamp64(v, lo, hi);
	}
}

void eval_qsoftmax(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *xt = &n->in[0]->type;
	const int64_t *table = attr_ints(n, "table", NULL);
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += xt->rank;
	int64_t outer, len, inner;
	type_split_axis(xt, axis, &outer, &len, &inner);
	for (int64_t o = 0; o < outer; o++)
	for (int64_t r = 0; r < inner; r++) {
		const int32_t *xs = x + o * len * inner + r;
		int32_t *ys = y + o * len * inner + r;
		int32_t m = xs[0];
		for (int64_t i = 1; i < len; i++)
			if (xs[i * inner] > m)
				m = xs[i * inner];
		int64_t sum = 0;
		for (int64_t i = 0; i < len; i++)
			sum += table[m - xs[i * inner]];
		for (int64_t i = 0; i < len; i++) {
			int64_t e = table[m - xs[i * inner]];
			int64_t v = -128 + (512 * e + sum) / (2 * sum);
			ys[i * inner] = clamp64(v, -128, 127);
		}
	}
}
