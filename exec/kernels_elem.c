/* kernels_elem.c - float kernels for elementwise ops (binary with numpy
 * broadcasting, activations) and normalizations (softmax, layernorm,
 * batchnorm). Semantics follow PyTorch/ONNX; transcendental functions and
 * reductions are evaluated in double and rounded once to float. */
#include <math.h>
#include <string.h>

#include "ir.h"

/* ---- binary ops with broadcasting ---- */

/* Strides of t's elements along each dim of the broadcast output o: 0 where
 * t is broadcast (missing or size 1). */
static void bcast_strides(const Type *t, const Type *o, int64_t *st)
{
	int off = o->rank - t->rank;
	int64_t s = 1;
	for (int i = o->rank - 1; i >= 0; i--) {
		int j = i - off;
		st[i] = (j < 0 || t->dims[j] == 1) ? 0 : s;
		if (j >= 0)
			s *= t->dims[j];
	}
}

typedef enum { BIN_ADD, BIN_SUB, BIN_MUL, BIN_DIV } BinOp;

static void binary(const Node *n, const void *const *in, void *out, BinOp op)
{
	const Type *o = &n->out->type;
	const float *a = in[0], *b = in[1];
	float *y = out;
	int64_t sa[QCC_MAX_RANK], sb[QCC_MAX_RANK], idx[QCC_MAX_RANK] = {0};
	bcast_strides(&n->in[0]->type, o, sa);
	bcast_strides(&n->in[1]->type, o, sb);
	int64_t total = type_numel(o), ia = 0, ib = 0;
	for (int64_t k = 0; k < total; k++) {
		switch (op) {
		case BIN_ADD: y[k] = a[ia] + b[ib]; break;
		case BIN_SUB: y[k] = a[ia] - b[ib]; break;
		case BIN_MUL: y[k] = a[ia] * b[ib]; break;
		case BIN_DIV: y[k] = a[ia] / b[ib]; break;
		}
		for (int d = o->rank - 1; d >= 0; d--) {
			ia += sa[d];
			ib += sb[d];
			if (++idx[d] < o->dims[d])
				break;
			ia -= sa[d] * o->dims[d];
			ib -= sb[d] * o->dims[d];
			idx[d] = 0;
		}
	}
}

void eval_add(const Node *n, const void *const *in, void *out)
{
	binary(n, in, out, BIN_ADD);
}

void eval_sub(const Node *n, const void *const *in, void *out)
{
	binary(n, in, out, BIN_SUB);
}

void eval_mul(const Node *n, const void *const *in, void *out)
{
	binary(n, in, out, BIN_MUL);
}

void eval_div(const Node *n, const void *const *in, void *out)
{
	binary(n, in, out, BIN_DIV);
}

/* ---- activations ---- */

static int64_t out_numel(const Node *n)
{
	return type_numel(&n->out->type);
}

void eval_relu(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	for (int64_t k = 0, m = out_numel(n); k < m; k++)
		y[k] = x[k] < 0 ? 0.0f : x[k];   /* NaN passes through */
}

void eval_relu6(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	for (int64_t k = 0, m = out_numel(n); k < m; k++)
		y[k] = x[k] < 0 ? 0.0f : x[k] > 6 ? 6.0f : x[k];
}

/* min > max gives max everywhere, as in ONNX Clip and torch.clamp. */
void eval_clip(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	float lo = (float)attr_float(n, "min"), hi = (float)attr_float(n, "max");
	for (int64_t k = 0, m = out_numel(n); k < m; k++) {
		float v = x[k] < lo ? lo : x[k];
		y[k] = v > hi ? hi : v;
	}
}

void eval_leaky_relu(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	double alpha = attr_float(n, "alpha");
	for (int64_t k = 0, m = out_numel(n); k < m; k++)
		y[k] = x[k] >= 0 ? x[k] : (float)(alpha * x[k]);
}

void eval_sigmoid(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	for (int64_t k = 0, m = out_numel(n); k < m; k++)
		y[k] = (float)(1.0 / (1.0 + exp(-(double)x[k])));
}

void eval_tanh(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	for (int64_t k = 0, m = out_numel(n); k < m; k++)
		y[k] = (float)tanh((double)x[k]);
}

/* Exact: x * Phi(x) = x/2 * (1 + erf(x/sqrt 2)); approx=tanh:
 * x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))). */
void eval_gelu(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	int approx = strcmp(attr_str(n, "approx"), "tanh") == 0;
	const double c = 0.79788456080286535588;  /* sqrt(2/pi) */
	for (int64_t k = 0, m = out_numel(n); k < m; k++) {
		double v = x[k];
		double phi = approx ? 0.5 * (1.0 + tanh(c * (v + 0.044715 * v * v * v)))
		                    : 0.5 * (1.0 + erf(v / sqrt(2.0)));
		y[k] = (float)(v * phi);
	}
}

/* ---- normalizations ---- */

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
