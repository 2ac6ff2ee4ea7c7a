/* norm.c - normalizations, float and integer: softmax, log_softmax,
 * layernorm, batchnorm and the 8-bit qsoftmax and qlog_softmax. Float
 * reductions are evaluated in double and rounded once to float; the
 * integer kernels follow docs/arith.md.
 */
#include <math.h>
#include <string.h>

#include "ir.h"
#include "qarith.h"

/* The input split at the node's axis: outer slices of len along it,
 * inner apart. */
static void axis_split(const Node *n, int64_t *outer, int64_t *len,
	int64_t *inner)
{
	const Type *t = &n->in[0]->type;
	int64_t axis = attr_int(n, "axis");
	type_split_axis(t, (int)(axis < 0 ? axis + t->rank : axis), outer, len,
		inner);
}

/* Softmax (log_sm 0) or log softmax (1) of every slice along the axis;
 * the maximum is subtracted before exponentiating, so large inputs cannot
 * overflow. */
static void softmax_slices(const Node *n, const void *const *in, void *out,
	int log_sm)
{
	const float *x = in[0];
	float *y = out;
	int64_t outer, mid, inner;
	axis_split(n, &outer, &mid, &inner);
	for (int64_t o = 0; o < outer; o++)
		for (int64_t i = 0; i < inner; i++) {
			const float *xs = x + o * mid * inner + i;
			float *ys = y + o * mid * inner + i;
			double mx = -INFINITY, sum = 0;
			for (int64_t j = 0; j < mid; j++)
				if (xs[j * inner] > mx)
					mx = xs[j * inner];
			for (int64_t j = 0; j < mid; j++)
				sum += exp(xs[j * inner] - mx);
			for (int64_t j = 0; j < mid; j++)
				ys[j * inner] = (float)(log_sm ? xs[j * inner] - mx - log(sum) :
					exp(xs[j * inner] - mx) / sum);
		}
}

void eval_softmax(const Node *n, const void *const *in, void *out)
{
	softmax_slices(n, in, out, 0);
}

void eval_log_softmax(const Node *n, const void *const *in, void *out)
{
	softmax_slices(n, in, out, 1);
}

/* The slices of a layer norm: outer of n elements each, over dims
 * axis..rank-1. */
static void norm_split(const Node *nd, int64_t *outer, int64_t *n)
{
	const Type *t = &nd->in[0]->type;
	int64_t axis = attr_int(nd, "axis");
	if (axis < 0)
		axis += t->rank;
	*outer = 1, *n = 1;
	for (int i = 0; i < t->rank; i++)
		*(i < axis ? outer : n) *= t->dims[i];
}

/* Normalizes each slice over dims axis..rank-1 with the biased variance:
 * y = (x - mean) / sqrt(var + epsilon) * scale + bias. */
void eval_layernorm(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	const float *scale = n->nin > 1 ? in[1] : NULL;
	const float *bias = n->nin > 2 ? in[2] : NULL;
	float *y = out;
	int64_t outer, inner;
	norm_split(n, &outer, &inner);
	double eps = attr_float(n, "epsilon");
	for (int64_t o = 0; o < outer; o++) {
		const float *xs = x + o * inner;
		float *ys = y + o * inner;
		double mean = 0, var = 0;
		for (int64_t j = 0; j < inner; j++)
			mean += xs[j];
		mean /= inner;
		for (int64_t j = 0; j < inner; j++)
			var += (xs[j] - mean) * (xs[j] - mean);
		var /= inner;
		double inv = 1.0 / sqrt(var + eps);
		for (int64_t j = 0; j < inner; j++) {
			double v = (xs[j] - mean) * inv;
			if (scale)
				v *= scale[j];
			if (bias)
				v += bias[j];
			ys[j] = (float)v;
		}
	}
}

/* Inference batch norm over axis 1:
 * y = (x - mean[c]) / sqrt(var[c] + epsilon) * scale[c] + bias[c]. */
void eval_batchnorm(const Node *n, const void *const *in, void *out)
{
	const Type *t = &n->in[0]->type;
	const float *x = in[0], *scale = in[1], *bias = in[2], *mean = in[3],
		*var = in[4];
	float *y = out;
	int64_t outer, channels, inner;
	type_split_axis(t, 1, &outer, &channels, &inner);
	double eps = attr_float(n, "epsilon");
	for (int64_t c = 0; c < channels; c++) {
		double a = scale[c] / sqrt((double)var[c] + eps);
		double b = bias[c] - mean[c] * a;
		for (int64_t o = 0; o < outer; o++) {
			const float *xs = x + (o * channels + c) * inner;
			float *ys = y + (o * channels + c) * inner;
			for (int64_t j = 0; j < inner; j++)
				ys[j] = (float)(xs[j] * a + b);
		}
	}
}

/* exp(-s_x d) in units of 2^-16 from the tables: table[d] for d < 256,
 * else R(hi[d >> 8] * table[d & 255], 16) (16-bit inputs). */
static int64_t exp_q16(int64_t d, const int64_t *table, const int64_t *hi)
{
	return d < 256 ? table[d] : rshift_round(hi[d >> 8] * table[d & 255], 16);
}

/* The slice's maximum *m and the sum of the exponentials at m - x. */
static int64_t exp_sum(const int32_t *xs, int64_t len, int64_t inner,
	const int64_t *table, const int64_t *hi, int32_t *m)
{
	*m = xs[0];
	for (int64_t i = 1; i < len; i++)
		if (xs[i * inner] > *m)
			*m = xs[i * inner];
	int64_t sum = 0;
	for (int64_t i = 0; i < len; i++)
		sum += exp_q16((int64_t)*m - xs[i * inner], table, hi);
	return sum;
}

/* y = zy + round(e U / S) (half up), U = 256 for the i8 output grid
 * q(1/256, -128), 32768 for the i16 one q(1/32768, 0). */
void eval_qsoftmax(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const int64_t *table = attr_ints(n, "table", NULL);
	const int64_t *hi = attr_ints(n, "exp_hi", NULL);
	const Type *yt = &n->out->type;
	int64_t unit = yt->elem == DT_I16 ? 32768 : 256;
	int32_t zy = zp_of(n->out);
	int64_t outer, len, inner;
	axis_split(n, &outer, &len, &inner);
	for (int64_t o = 0; o < outer; o++)
	for (int64_t r = 0; r < inner; r++) {
		const int32_t *xs = x + o * len * inner + r;
		int32_t *ys = y + o * len * inner + r;
		int32_t m;
		int64_t sum = exp_sum(xs, len, inner, table, hi, &m);
		for (int64_t i = 0; i < len; i++) {
			int64_t e = exp_q16((int64_t)m - xs[i * inner], table, hi);
			int64_t v = zy + (2 * unit * e + sum) / (2 * sum);
			ys[i * inner] = clamp64(v, type_qmin(yt), type_qmax(yt));
		}
	}
}

/* ln(S / 2^16) * 2^16 for S >= 1 (the sum of exp table entries): with
 * b = floor(log2 S) and the 16 bits of S after its leading one,
 * r = j * 2^8 + f, the table interpolated: (b - 16) ln 2 + ln(1 + r / 2^16),
 * each in units of 2^-16 (ln_table[256] = ln 2). */
static int64_t log_sum_q16(int64_t sum, const int64_t *ln_table)
{
	int b = 0;
	while ((sum >> (b + 1)) != 0)
		b++;
	int64_t r = (b >= 16 ? sum >> (b - 16) : sum << (16 - b)) - 65536;
	int64_t j = r >> 8, f = r & 255;
	int64_t lnr = ln_table[j] + rshift_round((ln_table[j + 1] - ln_table[j]) *
		f, 8);
	return (b - 16) * ln_table[256] + lnr;
}

/* y = zy + R((x - m) mult[0] - L mult[1], shift), L the fixed-point log of
 * the slice's sum of exp table entries. */
void eval_qlog_softmax(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *etab = attr_ints(n, "exp_table", NULL);
	const int64_t *ehi = attr_ints(n, "exp_hi", NULL);
	const int64_t *ltab = attr_ints(n, "ln_table", NULL);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int32_t zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t outer, len, inner;
	axis_split(n, &outer, &len, &inner);
	for (int64_t o = 0; o < outer; o++)
	for (int64_t r = 0; r < inner; r++) {
		const int32_t *xs = x + o * len * inner + r;
		int32_t *ys = y + o * len * inner + r;
		int32_t m;
		int64_t sum = exp_sum(xs, len, inner, etab, ehi, &m);
		int64_t l = log_sum_q16(sum, ltab) * mult[1];
		for (int64_t i = 0; i < len; i++)
			ys[i * inner] = clamp64(zy + rshift_round(((int64_t)xs[i * inner] -
				m) * mult[0] - l, shift), lo, hi);
	}
}

/* docs/arith.md, "qlayernorm": per slice the integer variance D (times
 * n^2, plus eps), its square root scaled into [2^30, 2^31), the rounded
 * reciprocal inv = 2^60 / r, then t = z 2^20 and the channel's affine. */
void eval_qlayernorm(const Node *nd, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *yt = &nd->out->type;
	const int64_t *mult = attr_ints(nd, "mult", NULL);
	const int64_t *shift = attr_ints(nd, "shift", NULL);
	const int64_t *bias = attr_ints(nd, "bias", NULL);
	int64_t eps = attr_int(nd, "eps");
	int32_t zx = zp_of(nd->in[0]), zy = zp_of(nd->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t outer, n;
	norm_split(nd, &outer, &n);
	for (int64_t o = 0; o < outer; o++) {
		const int32_t *xs = x + o * n;
		int32_t *ys = y + o * n;
		int64_t s1 = 0, s2 = 0;
		for (int64_t i = 0; i < n; i++) {
			int64_t u = (int64_t)xs[i] - zx;
			s1 += u;
			s2 += u * u;
		}
		int64_t d = n * s2 - s1 * s1 + eps;
		if (d == 0)
			d = 1;
		int b = 0;
		while ((d >> (b + 1)) != 0)
			b++;
		int k = (61 - b) >> 1;
		int64_t r = (int64_t)isqrt_u64((uint64_t)d << (2 * k));
		int64_t inv = (((int64_t)1 << 61) + r) / (2 * r);
		for (int64_t i = 0; i < n; i++) {
			int64_t c = n * ((int64_t)xs[i] - zx) - s1;
			int64_t t = rshift_round(c * inv, 40 - k);
			ys[i] = clamp64(zy + rshift_round(t * mult[i] + bias[i],
				shift[i]), lo, hi);
		}
	}
}
