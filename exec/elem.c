/* elem.c - elementwise kernels, float and integer: the binary and n-ary
 * ops with numpy broadcasting (add, sub, mul, div, sum, mean, prelu, max,
 * min; qadd, qmul, qsum, qprelu, qdiv, qmax, qmin), the activations and
 * their integer table (qlut), and the boundary and change of scale
 * (quantize, dequantize, requantize).
 *
 * Float semantics follow PyTorch/ONNX; transcendental functions are
 * evaluated in double and rounded once to float. The integer kernels follow
 * docs/arith.md exactly (qarith.h); only quantize and dequantize touch
 * floats.
 */
#include <math.h>
#include <string.h>

#include "bcast.h"
#include "ir.h"
#include "qarith.h"

/* ---- binary ops with broadcasting ---- */

typedef enum { BIN_ADD, BIN_SUB, BIN_MUL, BIN_DIV } BinOp;

static void binary(const Node *n, const void *const *in, void *out, BinOp op)
{
	const Type *o = &n->out->type;
	const float *a = in[0], *b = in[1];
	float *y = out;
	Walk wa, wb;
	walk_init(&wa, &n->in[0]->type, o);
	walk_init(&wb, &n->in[1]->type, o);
	int64_t total = type_numel(o);
	for (int64_t k = 0; k < total; k++, walk_next(&wa), walk_next(&wb)) {
		float x = a[wa.pos], z = b[wb.pos];
		switch (op) {
		case BIN_ADD: y[k] = x + z; break;
		case BIN_SUB: y[k] = x - z; break;
		case BIN_MUL: y[k] = x * z; break;
		case BIN_DIV: y[k] = x / z; break;
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

/* sum, mean: the inputs added in order in float, as ONNX's reference
 * does; mean divides the sum by the count. */
static void total(const Node *n, const void *const *in, void *out, int mean)
{
	const Type *o = &n->out->type;
	float *y = out;
	int64_t count = type_numel(o);
	for (int i = 0; i < n->nin; i++) {
		const float *x = in[i];
		Walk w;
		walk_init(&w, &n->in[i]->type, o);
		for (int64_t k = 0; k < count; k++, walk_next(&w))
			y[k] = i ? y[k] + x[w.pos] : x[w.pos];
	}
	for (int64_t k = 0; mean && k < count; k++)
		y[k] /= (float)n->nin;
}

void eval_sum(const Node *n, const void *const *in, void *out)
{
	total(n, in, out, 0);
}

void eval_mean(const Node *n, const void *const *in, void *out)
{
	total(n, in, out, 1);
}

/* x < 0: slope * x (slope broadcast to x's shape), else x. */
void eval_prelu(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type;
	const float *x = in[0], *a = in[1];
	float *y = out;
	Walk w;
	walk_init(&w, &n->in[1]->type, o);
	for (int64_t k = 0, m = type_numel(o); k < m; k++, walk_next(&w))
		y[k] = x[k] < 0 ? a[w.pos] * x[k] : x[k];
}

/* max, min: over any number of broadcast inputs; a NaN wins, as in
 * numpy's maximum/minimum. */
static void extreme(const Node *n, const void *const *in, void *out, int big)
{
	const Type *o = &n->out->type;
	float *y = out;
	int64_t count = type_numel(o);
	for (int i = 0; i < n->nin; i++) {
		const float *x = in[i];
		Walk w;
		walk_init(&w, &n->in[i]->type, o);
		for (int64_t k = 0; k < count; k++, walk_next(&w)) {
			float v = x[w.pos];
			if (i == 0 || (y[k] == y[k] && (v != v ||
					(big ? v > y[k] : v < y[k]))))
				y[k] = v;
		}
	}
}

void eval_max(const Node *n, const void *const *in, void *out)
{
	extreme(n, in, out, 1);
}

void eval_min(const Node *n, const void *const *in, void *out)
{
	extreme(n, in, out, 0);
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


/* ---- boundary ---- */

void eval_quantize(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	int32_t *y = out;
	const Type *t = &n->out->type;
	int64_t lo = type_qmin(t), hi = type_qmax(t);
	int64_t count = type_numel(t), inner = 1;
	for (int d = t->q.axis + 1; t->q.axis >= 0 && d < t->rank; d++)
		inner *= t->dims[d];
	for (int64_t i = 0; i < count; i++) {
		int c = t->q.axis < 0 ? 0 : (int)(i / inner % t->q.n);
		float r = nearbyintf(x[i] / t->q.scale[c]);
		double v = isnan(r) ? t->q.zp[c] : (double)r + t->q.zp[c];
		y[i] = v < lo ? (int32_t)lo : v > hi ? (int32_t)hi : (int32_t)v;
	}
}

/* ONNX's DynamicQuantizeLinear in float32, as its reference computes it:
 * the range of x widened to hold 0, scale (max - min) / 255 (1 / 255 for
 * an empty range), zero point round(clamp(0 - min / scale, 0, 255)), y
 * clamp(round(x / scale) + zero point, 0, 255), rounding half to even. */
void eval_dynquant(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	int64_t count = type_numel(&n->in[0]->type);
	float lo = 0, hi = 0;
	for (int64_t i = 0; i < count; i++) {
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
	}
	float scale = (hi == lo ? 1.0f : hi - lo) / 255.0f;
	float z0 = 0.0f - lo / scale;
	float zp = nearbyintf(z0 < 0 ? 0 : z0 > 255 ? 255 : z0);
	const char *what = attr_str(n, "out");
	if (!strcmp(what, "scale")) {
		*(float *)out = scale;
		return;
	}
	int32_t *y = out;
	if (!strcmp(what, "zero_point")) {
		*y = (int32_t)zp;
		return;
	}
	for (int64_t i = 0; i < count; i++) {
		float v = nearbyintf(x[i] / scale) + zp;
		y[i] = !(v > 0) ? 0 : v > 255 ? 255 : (int32_t)v;
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
	/* group-wise (a blocked DequantizeLinear): tap k of channel c, in the
	 * order of the other axes, has the scale scale[c] * wgmult[c][k / G] */
	int64_t G = attr_int(n, "wgroup"), ng = G ? (count / ch + G - 1) / G : 0;
	const int64_t *r = G ? attr_ints(n, "wgmult", NULL) : NULL;
	for (int64_t i = 0; i < count; i++) {
		int c = (int)(i / inner % ch);
		int64_t k = i / (ch * inner) * inner + i % inner;
		float s = t->q.scale[c] * (r ? (float)r[c * ng + k / G] : 1.0f);
		y[i] = (float)((int64_t)x[i] - t->q.zp[c]) * s;
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
	Walk wa, wb;
	walk_init(&wa, at, yt);
	walk_init(&wb, bt, yt);
	for (int64_t i = 0; i < count; i++, walk_next(&wa), walk_next(&wb)) {
		int64_t xa = a[wa.pos], xb = b[wb.pos];
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
	Walk wa, wb;
	walk_init(&wa, at, yt);
	walk_init(&wb, bt, yt);
	for (int64_t i = 0; i < count; i++, walk_next(&wa), walk_next(&wb)) {
		int64_t p = ((int64_t)a[wa.pos] - za) * ((int64_t)b[wb.pos] - zb);
		y[i] = clamp64(zy + rshift_round(p * mult, shift), lo, hi);
	}
}

/* zp + R(sum_i (x_i - z_i) * mult[i], shift), at most 16 inputs. */
void eval_qsum(const Node *n, const void *const *in, void *out)
{
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int32_t zy = zp_of(n->out), z[16];
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	Walk w[16];
	for (int i = 0; i < n->nin; i++) {
		walk_init(&w[i], &n->in[i]->type, yt);
		z[i] = zp_of(n->in[i]);
	}
	for (int64_t k = 0, m = type_numel(yt); k < m; k++) {
		int64_t p = 0;
		for (int i = 0; i < n->nin; i++) {
			p += ((int64_t)((const int32_t *)in[i])[w[i].pos] - z[i]) * mult[i];
			walk_next(&w[i]);
		}
		y[k] = clamp64(zy + rshift_round(p, shift), lo, hi);
	}
}

/* u = x - zx: zy + R(u * mult[0], shift[0]) for u >= 0, else
 * zy + R(u * (a - za) * mult[1], shift[1]); clamped to the output. */
void eval_qprelu(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0], *a = in[1];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zx = zp_of(n->in[0]), za = zp_of(n->in[1]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	Walk w;
	walk_init(&w, &n->in[1]->type, yt);
	for (int64_t k = 0, m = type_numel(yt); k < m; k++, walk_next(&w)) {
		int64_t u = (int64_t)x[k] - zx;
		int64_t v = u >= 0 ? rshift_round(u * mult[0], shift[0]) :
			rshift_round(u * ((int64_t)a[w.pos] - za) * mult[1], shift[1]);
		y[k] = clamp64(zy + v, lo, hi);
	}
}

/* t = (a - za) 2^frac / (b - zb) rounded half away from zero, then
 * zy + R(t * mult, shift); b == zb saturates by the sign of a - za (0/0
 * gives zy). */
void eval_qdiv(const Node *n, const void *const *in, void *out)
{
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	int64_t frac = attr_int(n, "frac");
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int32_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	Walk wa, wb;
	walk_init(&wa, &n->in[0]->type, yt);
	walk_init(&wb, &n->in[1]->type, yt);
	for (int64_t k = 0, m = type_numel(yt); k < m;
	     k++, walk_next(&wa), walk_next(&wb)) {
		int64_t u = (int64_t)a[wa.pos] - za, d = (int64_t)b[wb.pos] - zb;
		if (d == 0) {
			y[k] = u > 0 ? (int32_t)hi : u < 0 ? (int32_t)lo :
				clamp64(zy, lo, hi);
			continue;
		}
		int64_t num = (u < 0 ? -u : u) << frac, den = d < 0 ? -d : d;
		int64_t t = (2 * num + den) / (2 * den);
		if ((u < 0) != (d < 0))
			t = -t;
		y[k] = clamp64(zy + rshift_round(t * mult, shift), lo, hi);
	}
}

/* qmax, qmin: every input requantized onto the output's grid, then the
 * largest (smallest); the clamp is monotonic, so it commutes with both. */
static void qextreme(const Node *n, const void *const *in, void *out, int big)
{
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t count = type_numel(yt);
	for (int i = 0; i < n->nin; i++) {
		const int32_t *x = in[i];
		int32_t zx = zp_of(n->in[i]);
		Walk w;
		walk_init(&w, &n->in[i]->type, yt);
		for (int64_t k = 0; k < count; k++, walk_next(&w)) {
			int32_t r = requant((int64_t)x[w.pos] - zx, mult[i], shift[i],
				zy, lo, hi);
			if (i == 0 || (big ? r > y[k] : r < y[k]))
				y[k] = r;
		}
	}
}

void eval_qmax(const Node *n, const void *const *in, void *out)
{
	qextreme(n, in, out, 1);
}

void eval_qmin(const Node *n, const void *const *in, void *out)
{
	qextreme(n, in, out, 0);
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

/* k = the number of knots <= x, then with u = x - zx
 * zy + R(u u square[k] + u mult[k] + bias[k], shift), clamped. */
void eval_qpwl(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	int nk, nq;
	const int64_t *square = attr_ints(n, "square", &nq);
	const int64_t *knots = attr_ints(n, "knots", &nk);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *bias = attr_ints(n, "bias", NULL);
	int64_t shift = attr_int(n, "shift");
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	for (int64_t i = 0, m = type_numel(yt); i < m; i++) {
		int k = 0;
		while (k < nk && x[i] >= knots[k])
			k++;
		int64_t u = (int64_t)x[i] - zx;
		int64_t p = (nq ? u * u * square[k] : 0) + u * mult[k] + bias[k];
		y[i] = clamp64(zy + rshift_round(p, shift), lo, hi);
	}
}
