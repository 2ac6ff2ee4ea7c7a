/* unary.c - the float kernels of the elementwise functions of one value:
 * exp, log, sqrt, reciprocal, neg, abs, sign, erf, pow, elu, selu, celu,
 * softplus, softsign, hardsigmoid, hardswish, silu, mish, shrink and
 * thresholded_relu (ops.def states each function).
 *
 * Semantics follow ONNX and PyTorch, NaN and infinities as C99's libm
 * gives them (log(0) = -inf, sqrt(-1) = NaN, a NaN input stays NaN).
 * Each is evaluated in double and rounded once to float. Their integer
 * form is a table of the input grid (qlut, LOWER_LUT), which quantize
 * builds by running these kernels; for 16-bit input the ones that are
 * piecewise polynomials of degree 2 at most describe their pieces
 * (unary_pieces), which quantize maps onto the grid exactly (qpwl).
 */
#include <math.h>

#include "ir.h"

/* f of one value with the op's parameters p (its float attributes, in
 * ops.def order). */
typedef double (*Fn)(double x, const double *p);

/* y = f(x) elementwise, the parameters read once. */
static void map(const Node *n, const void *const *in, void *out, Fn f)
{
	const float *x = in[0];
	float *y = out;
	double p[4] = {0};
	const OpInfo *info = op_info(n->op);
	for (int i = 0, k = 0; i < info->nattr && k < 4; i++)
		if (info->attrs[i].kind == AK_FLOAT)
			p[k++] = n->attr[i].f;
	for (int64_t k = 0, m = type_numel(&n->out->type); k < m; k++)
		y[k] = (float)f(x[k], p);
}

static double f_exp(double x, const double *p) { (void)p; return exp(x); }
static double f_log(double x, const double *p) { (void)p; return log(x); }
static double f_sqrt(double x, const double *p) { (void)p; return sqrt(x); }
static double f_reciprocal(double x, const double *p) { (void)p; return 1 / x; }
static double f_neg(double x, const double *p) { (void)p; return -x; }
static double f_abs(double x, const double *p) { (void)p; return fabs(x); }
static double f_erf(double x, const double *p) { (void)p; return erf(x); }

static double f_sign(double x, const double *p)
{
	(void)p;
	return x > 0 ? 1 : x < 0 ? -1 : x;  /* 0, -0 and NaN stay */
}

static double f_round(double x, const double *p)
{
	(void)p;
	return nearbyint(x);   /* the default rounding mode: halves to even */
}

/* p[0] = exponent */
static double f_pow(double x, const double *p) { return pow(x, p[0]); }

/* x > 0: x; else alpha * (e^x - 1). p = {alpha} */
static double f_elu(double x, const double *p)
{
	return x > 0 ? x : p[0] * expm1(x);
}

/* p = {alpha, gamma} */
static double f_selu(double x, const double *p)
{
	return p[1] * (x > 0 ? x : p[0] * expm1(x));
}

/* p = {alpha}, alpha != 0 */
static double f_celu(double x, const double *p)
{
	return fmax(x, 0) + fmin(0, p[0] * expm1(x / p[0]));
}

/* log(1 + e^x) without overflow: x + log(1 + e^-x) for x > 0 */
static double softplus(double x)
{
	return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

static double f_softplus(double x, const double *p)
{
	(void)p;
	return softplus(x);
}

static double f_softsign(double x, const double *p)
{
	(void)p;
	return x / (1 + fabs(x));
}

/* p = {alpha, beta} */
static double f_hardsigmoid(double x, const double *p)
{
	return fmax(0, fmin(1, p[0] * x + p[1]));
}

static double f_hardswish(double x, const double *p)
{
	(void)p;
	return x * fmax(0, fmin(1, x / 6 + 0.5));
}

static double f_silu(double x, const double *p)
{
	(void)p;
	return x / (1 + exp(-x));
}

static double f_mish(double x, const double *p)
{
	(void)p;
	return x * tanh(softplus(x));
}

/* p = {bias, lambd} */
static double f_shrink(double x, const double *p)
{
	return x < -p[1] ? x + p[0] : x > p[1] ? x - p[0] : 0;
}

/* p = {alpha} */
static double f_thresholded_relu(double x, const double *p)
{
	return x > p[0] ? x : 0;
}

/* The kernels ops.def names. */
void eval_exp(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_exp);
}

void eval_log(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_log);
}

void eval_sqrt(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_sqrt);
}

void eval_reciprocal(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_reciprocal);
}

void eval_neg(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_neg);
}

void eval_abs(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_abs);
}

void eval_sign(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_sign);
}

void eval_round(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_round);
}

void eval_erf(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_erf);
}

void eval_pow(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_pow);
}

void eval_elu(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_elu);
}

void eval_selu(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_selu);
}

void eval_celu(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_celu);
}

void eval_softplus(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_softplus);
}

void eval_softsign(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_softsign);
}

void eval_hardsigmoid(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_hardsigmoid);
}

void eval_hardswish(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_hardswish);
}

void eval_silu(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_silu);
}

void eval_mish(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_mish);
}

void eval_shrink(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_shrink);
}

void eval_thresholded_relu(const Node *n, const void *const *in, void *out)
{
	map(n, in, out, f_thresholded_relu);
}

/* ---- pieces of the piecewise-polynomial functions ---- */

static int piece(UnaryPiece *p, int k, double from, int open, double slope,
	double offset)
{
	p[k] = (UnaryPiece){from, open, 0, slope, offset};
	return k + 1;
}

/* max(0, min(1, a x + b)): constant, rising (a > 0) or falling (a < 0). */
static int hardsigmoid_pieces(double a, double b, UnaryPiece *p)
{
	if (a == 0)
		return piece(p, 0, -INFINITY, 0, 0, fmax(0, fmin(1, b)));
	double t0 = -b / a, t1 = (1 - b) / a;
	int k = piece(p, 0, -INFINITY, 0, 0, a > 0 ? 0 : 1);
	k = piece(p, k, fmin(t0, t1), 0, a, b);
	return piece(p, k, fmax(t0, t1), 0, 0, a > 0 ? 1 : 0);
}

int unary_pieces(const Node *n, UnaryPiece *p)
{
	int k;
	switch (n->op) {
	case OP_NEG:
		return piece(p, 0, -INFINITY, 0, -1, 0);
	case OP_ABS:
		return piece(p, piece(p, 0, -INFINITY, 0, -1, 0), 0, 0, 1, 0);
	case OP_SIGN:
		k = piece(p, 0, -INFINITY, 0, 0, -1);
		k = piece(p, k, 0, 0, 0, 0);
		return piece(p, k, 0, 1, 0, 1);
	case OP_LEAKY_RELU:
		k = piece(p, 0, -INFINITY, 0, attr_float(n, "alpha"), 0);
		return piece(p, k, 0, 0, 1, 0);
	case OP_HARDSIGMOID:
		return hardsigmoid_pieces(attr_float(n, "alpha"),
			attr_float(n, "beta"), p);
	case OP_HARDSWISH:  /* x (x / 6 + 1/2) between -3 and 3 */
		k = piece(p, 0, -INFINITY, 0, 0, 0);
		k = piece(p, k, -3, 0, 0.5, 0);
		p[k - 1].square = 1.0 / 6;
		return piece(p, k, 3, 0, 1, 0);
	case OP_SHRINK: {
		double bias = attr_float(n, "bias"), l = attr_float(n, "lambd");
		k = piece(p, 0, -INFINITY, 0, 1, bias);
		k = piece(p, k, -l, 0, 0, 0);
		return piece(p, k, l, 1, 1, -bias);
	}
	case OP_THRESHOLDED_RELU:
		k = piece(p, 0, -INFINITY, 0, 0, 0);
		return piece(p, k, attr_float(n, "alpha"), 1, 1, 0);
	default:
		return 0;
	}
}
