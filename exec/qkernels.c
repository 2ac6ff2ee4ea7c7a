/* qkernels.c - the integer kernels: the integer simulator of docs/arith.md.
 *
 * Each kernel computes exactly what the contract says, in the contract's
 * words: int32 accumulators, R(p, n) rounding half away from zero, one
 * clamp at the end. Zero points and scales come from the q(...) of the value
 * types. Only quantize and dequantize touch floats (the graph boundary).
 * Data are int32_t per element (float for the f32 side of the boundary).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ir.h"

/* R(p, n): p / 2^n rounded to nearest, ties away from zero; |p| < 2^62. */
static int64_t rshift_round(int64_t p, int64_t n)
{
	if (n == 0)
		return p;
	int64_t half = (int64_t)1 << (n - 1);
	if (p >= 0)
		return (p + half) >> n;
	return -((-p + half) >> n);
}

static int32_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	return (int32_t)(v < lo ? lo : v > hi ? hi : v);
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

void eval_qconv2d(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0], *w = in[1];
	const int32_t *bias = n->nin > 2 && n->in[2] ? in[2] : NULL;
	int32_t *y = out;
	const Type *xt = &n->in[0]->type, *wt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int64_t groups = attr_int(n, "groups");
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t N = xt->dims[0], C = xt->dims[1], H = xt->dims[2], W = xt->dims[3];
	int64_t OC = wt->dims[0], ICG = wt->dims[1], KH = wt->dims[2],
		KW = wt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3], OCG = OC / groups;

	for (int64_t b = 0; b < N; b++)
	for (int64_t oc = 0; oc < OC; oc++) {
		int64_t mult, shift, g = oc / OCG;
		channel_requant(n, oc, &mult, &shift);
		const int32_t *xg = x + (b * C + g * ICG) * H * W;
		const int32_t *wo = w + oc * ICG * KH * KW;
		for (int64_t oh = 0; oh < OH; oh++) {
			/* the kernel rows that land inside the input */
			int64_t ih0 = oh * stride[0] - pad[0];
			int64_t kh0 = 0, kh1 = KH;
			while (kh0 < KH && ih0 + kh0 * dil[0] < 0)
				kh0++;
			while (kh1 > kh0 && ih0 + (kh1 - 1) * dil[0] >= H)
				kh1--;
			for (int64_t ow = 0; ow < OW; ow++) {
				int64_t iw0 = ow * stride[1] - pad[1];
				int64_t kw0 = 0, kw1 = KW;
				while (kw0 < KW && iw0 + kw0 * dil[1] < 0)
					kw0++;
				while (kw1 > kw0 && iw0 + (kw1 - 1) * dil[1] >= W)
					kw1--;
				/* padding holds zx: it adds nothing */
				int64_t acc = bias ? bias[oc] : 0;
				for (int64_t ic = 0; ic < ICG; ic++) {
					const int32_t *xc = xg + ic * H * W;
					const int32_t *wc = wo + ic * KH * KW;
					for (int64_t kh = kh0; kh < kh1; kh++) {
						const int32_t *xr = xc + (ih0 + kh * dil[0]) * W + iw0;
						const int32_t *wr = wc + kh * KW;
						for (int64_t kw = kw0; kw < kw1; kw++)
							acc += ((int64_t)xr[kw * dil[1]] - zx) * wr[kw];
					}
				}
				y[((b * OC + oc) * OH + oh) * OW + ow] =
					requant(acc, mult, shift, zy, lo, hi);
			}
		}
	}
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
			int64_t acc = bias ? bias[m] : 0;
			for (int64_t k = 0; k < K; k++)
				acc += ((int64_t)x[b * K + k] - zx) * w[m * K + k];
			y[b * M + m] = requant(acc, mult, shift, zy, lo, hi);
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

/* The float kernel's integer path; a window entirely in padding (ceil_mode
 * edge) leaves INT32_MIN there, outside any 8- or 16-bit input, and yields
 * qmin. */
void eval_qmaxpool2d(const Node *n, const void *const *in, void *out)
{
	op_info(OP_MAXPOOL2D)->eval(n, in, out);
	int32_t *y = out;
	int32_t qmin = type_qmin(&n->out->type);
	int64_t count = type_numel(&n->out->type);
	for (int64_t i = 0; i < count; i++)
		if (y[i] == INT32_MIN)
			y[i] = qmin;
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
