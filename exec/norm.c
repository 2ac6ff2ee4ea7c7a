/* norm.c - normalizations, float and integer: softmax, layernorm,
 * batchnorm and the 8-bit qsoftmax. Float reductions are evaluated in
 * double and rounded once to float; qsoftmax follows docs/arith.md.
 */
#include <math.h>
#include <string.h>

#include "ir.h"
#include "qarith.h"

/* Subtracts the maximum before exponentiating, so large inputs cannot
 * overflow. */
void eval_softmax(const Node *n, const void *const *in, void *out)
{
	const Type *t = &n->in[0]->type;
	const float *x = in[0];
	float *y = out;
	int64_t axis = attr_int(n, "axis");
	if (axis < 0)
		axis += t->rank;
	int64_t outer, mid, inner;
	type_split_axis(t, (int)axis, &outer, &mid, &inner);
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
				ys[j * inner] = (float)(exp(xs[j * inner] - mx) / sum);
		}
}

/* Normalizes each slice over dims axis..rank-1 with the biased variance:
 * y = (x - mean) / sqrt(var + epsilon) * scale + bias. */
void eval_layernorm(const Node *n, const void *const *in, void *out)
{
	const Type *t = &n->in[0]->type;
	const float *x = in[0];
	const float *scale = n->nin > 1 ? in[1] : NULL;
	const float *bias = n->nin > 2 ? in[2] : NULL;
	float *y = out;
	int64_t axis = attr_int(n, "axis");
	if (axis < 0)
		axis += t->rank;
	int64_t outer = 1, inner = 1;
	for (int i = 0; i < t->rank; i++)
		*(i < axis ? &outer : &inner) *= t->dims[i];
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
