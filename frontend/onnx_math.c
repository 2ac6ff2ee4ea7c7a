/* onnx_math.c - the ONNX elementwise math functions: Exp, Log, Sqrt,
 * Reciprocal, Neg, Abs, Sign, Erf, Elu, Selu, Celu, Softplus, Softsign,
 * HardSigmoid, HardSwish, Shrink, ThresholdedRelu, Mish, Gelu, Pow with a
 * constant exponent, PRelu and the n-ary Sum and Mean, with their table at
 * the end.
 *
 * Each becomes the IR op of the same function; the IR op's float
 * attributes carry the ONNX attributes of the same names (alpha, gamma,
 * beta, bias, lambd) with the ONNX defaults. A node whose inputs are all
 * constants is computed at import time (imp_finish_fold). */
#include <string.h>

#include "onnx_imp.h"

/* One IR op on input 0, its float attributes read from the node. */
static int function(Ctx *c, NodeCtx *n, int op)
{
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, op, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	const OpInfo *info = op_info(op);
	for (int i = 0; i < info->nattr; i++) {
		double v;
		if (info->attrs[i].kind != AK_FLOAT)
			continue;
		if (imp_attr_float(c, n, info->attrs[i].name, info->attrs[i].def.f,
				&v))
			return -1;
		attr_set_float(c->g, node, info->attrs[i].name, (float)v);
	}
	return imp_finish_fold(c, n, node, 0);
}

static int import_exp(Ctx *c, NodeCtx *n) { return function(c, n, OP_EXP); }
static int import_log(Ctx *c, NodeCtx *n) { return function(c, n, OP_LOG); }
static int import_sqrt(Ctx *c, NodeCtx *n) { return function(c, n, OP_SQRT); }
static int import_reciprocal(Ctx *c, NodeCtx *n) { return function(c, n, OP_RECIPROCAL); }
static int import_neg(Ctx *c, NodeCtx *n) { return function(c, n, OP_NEG); }
static int import_abs(Ctx *c, NodeCtx *n) { return function(c, n, OP_ABS); }
static int import_sign(Ctx *c, NodeCtx *n) { return function(c, n, OP_SIGN); }
static int import_erf(Ctx *c, NodeCtx *n) { return function(c, n, OP_ERF); }
static int import_round(Ctx *c, NodeCtx *n) { return function(c, n, OP_ROUND); }
static int import_elu(Ctx *c, NodeCtx *n) { return function(c, n, OP_ELU); }
static int import_selu(Ctx *c, NodeCtx *n) { return function(c, n, OP_SELU); }
static int import_celu(Ctx *c, NodeCtx *n) { return function(c, n, OP_CELU); }
static int import_softplus(Ctx *c, NodeCtx *n) { return function(c, n, OP_SOFTPLUS); }
static int import_softsign(Ctx *c, NodeCtx *n) { return function(c, n, OP_SOFTSIGN); }
static int import_hardsigmoid(Ctx *c, NodeCtx *n) { return function(c, n, OP_HARDSIGMOID); }
static int import_hardswish(Ctx *c, NodeCtx *n) { return function(c, n, OP_HARDSWISH); }
static int import_shrink(Ctx *c, NodeCtx *n) { return function(c, n, OP_SHRINK); }
static int import_thresholded_relu(Ctx *c, NodeCtx *n) { return function(c, n, OP_THRESHOLDED_RELU); }
static int import_mish(Ctx *c, NodeCtx *n) { return function(c, n, OP_MISH); }

static int import_gelu(Ctx *c, NodeCtx *n)
{
	const char *approx;
	if (imp_attr_str(c, n, "approximate", "none", &approx))
		return -1;
	if (strcmp(approx, "none") && strcmp(approx, "tanh"))
		return imp_reject(c, n, "approximate must be none or tanh, got '%s'",
			approx);
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_GELU, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	attr_set_str(c->g, node, "approx", approx);
	return imp_finish_fold(c, n, node, 0);
}

/* The one value every element of a constant holds; -1 if they differ. */
static int uniform(const Tens *t, double *v)
{
	for (int64_t k = 0; k < t->numel; k++) {
		double e = t->is_float ? t->f[k] : (double)t->i[k];
		if (k && e != *v)
			return -1;
		*v = e;
	}
	return 0;
}

/* X^Y with Y a constant of one value (a scalar, or a tensor of equal
 * values that broadcasts to X's shape): pow with that exponent. */
static int import_pow(Ctx *c, NodeCtx *n)
{
	double e = 0;
	if (imp_has(n, 0) && imp_has(n, 1) && imp_legacy_broadcast(c, n))
		return -1;
	Tens *y = imp_has(n, 1) ? imp_const(c, n, 1) : NULL;
	if (!y)
		return imp_has(n, 1) ? -1 : imp_reject(c, n, "expects 2 inputs");
	if (y->numel == 0 || uniform(y, &e))
		return imp_reject(c, n, "the exponent must be one constant value "
			"(a scalar, or a tensor of equal values)");
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	Type o, yt = {.rank = y->rank};
	memcpy(yt.dims, y->dims, sizeof yt.dims);
	if (shape_broadcast(&x->type, &yt, &o) < 0 ||
	    !type_same_shape(&o, &x->type))
		return imp_reject(c, n, "the exponent's shape must broadcast to the "
			"base's");
	Node *node = imp_node(c, n, OP_POW, &x, 1, 0, NULL);
	if (!node)
		return -1;
	attr_set_float(c->g, node, "exponent", e);
	return imp_finish_fold(c, n, node, 0);
}

/* PRelu's slope, at opset 6 one per channel of axis 1 ([C] for
 * [N, C, ...], made [C, 1, ...]), from opset 7 broadcast to X. */
static int import_prelu(Ctx *c, NodeCtx *n)
{
	Value *in[2] = {imp_value(c, n, 0), NULL};
	if (!in[0] || !(in[1] = imp_value(c, n, 1)))
		return -1;
	const Type *x = &in[0]->type, *a = &in[1]->type;
	if (n->opset < 7 && x->rank > 2 && a->rank == 1 &&
	    a->dims[0] == x->dims[1] && a->dims[0] > 1) {
		int64_t d[QCC_MAX_RANK] = {a->dims[0]};
		for (int i = 1; i < x->rank - 1; i++)
			d[i] = 1;
		if (in[1]->kind == VAL_CONST) {
			/* a constant slope stays a constant (quantize takes it as
			 * one), reshaped here */
			Type t = in[1]->type;
			t.rank = x->rank - 1;
			memcpy(t.dims, d, sizeof t.dims);
			float *data = graph_alloc_data(c->g, &t);
			memcpy(data, in[1]->data, a->dims[0] * sizeof *data);
			in[1] = graph_add_const(c->g, sym_fresh_name(c, n->p->output[0],
				"_slope"), &t, data, c->loc);
		} else if (!(in[1] = imp_reshape_to(c, n, in[1], x->rank - 1, d, -1,
				"_slope")))
			return -1;
	}
	Node *node = imp_node(c, n, OP_PRELU, in, 2, 0, NULL);
	return node ? imp_finish_fold(c, n, node, 0) : -1;
}

/* Sum, Mean: 1 to 16 float inputs, broadcasting (opset 6: equal shapes,
 * which broadcasting covers). */
static int nary(Ctx *c, NodeCtx *n, int op)
{
	Value *in[16];
	if (n->nin < 1)
		return imp_reject(c, n, "expects at least 1 input");
	for (int i = 0; i < n->nin; i++)
		if (!(in[i] = imp_value(c, n, i)))
			return -1;
	Node *node = imp_node(c, n, op, in, n->nin, 0, NULL);
	return node ? imp_finish_fold(c, n, node, 0) : -1;
}

static int import_sum(Ctx *c, NodeCtx *n) { return nary(c, n, OP_SUM); }
static int import_mean(Ctx *c, NodeCtx *n) { return nary(c, n, OP_MEAN); }

/* ---- the table: math functions ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"Abs", 6, 0, 0, import_abs, "", "abs"},
	{"Celu", 12, 0, 0, import_celu, "alpha", "celu"},
	{"Elu", 6, 0, 0, import_elu, "alpha", "elu"},
	{"Erf", 9, 0, 0, import_erf, "", "erf"},
	{"Exp", 6, 0, 0, import_exp, "", "exp"},
	{"Gelu", 20, 0, 0, import_gelu, "approximate", "gelu (none or tanh)"},
	{"HardSigmoid", 6, 0, 0, import_hardsigmoid, "alpha beta", "hardsigmoid"},
	{"HardSwish", 14, 0, 0, import_hardswish, "", "hardswish"},
	{"Log", 6, 0, 0, import_log, "", "log"},
	{"Mean", 6, 0, 0, import_mean, "", "mean, n-ary, broadcasting"},
	{"Mish", 18, 0, 0, import_mish, "", "mish"},
	{"Neg", 6, 0, 0, import_neg, "", "neg"},
	{"Pow", 1, 0, 0x2, import_pow, "axis broadcast",
	 "pow; the exponent one constant value"},
	{"PRelu", 6, 0, 0, import_prelu, "",
	 "prelu; opset 6: one slope per channel"},
	{"Reciprocal", 6, 0, 0, import_reciprocal, "", "reciprocal"},
	{"Selu", 6, 0, 0, import_selu, "alpha gamma", "selu"},
	{"Shrink", 9, 0, 0, import_shrink, "bias lambd", "shrink"},
	{"Round", 11, 0, 0, import_round, "", "round (halves to even)"},
	{"Sign", 9, 0, 0, import_sign, "", "sign"},
	{"Softplus", 1, 0, 0, import_softplus, "", "softplus"},
	{"Softsign", 1, 0, 0, import_softsign, "", "softsign"},
	{"Sqrt", 6, 0, 0, import_sqrt, "", "sqrt"},
	{"Sum", 6, 0, 0, import_sum, "", "sum, n-ary, broadcasting"},
	{"ThresholdedRelu", 10, 0, 0, import_thresholded_relu, "alpha",
	 "thresholded_relu"},
};

const OnnxOpTable onnx_math_table = ONNX_OP_TABLE(rows);
