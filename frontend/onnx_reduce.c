/* onnx_reduce.c - the importers of the reductions and statistics:
 * ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceSumSquare, ReduceL1
 * and ReduceL2 (one `reduce` node, folded when its input is known at
 * import time), and InstanceNormalization. */
#include <string.h>

#include "onnx_imp.h"

/* The opset from which the op takes axes as input 1 instead of an
 * attribute (and noop_with_empty_axes). */
static int axes_input_from(const NodeCtx *n)
{
	return strcmp(n->p->op_type, "ReduceSum") == 0 ? 13 : 18;
}

/* The axes (*len 0: none given) from the attribute or input 1. */
static int reduce_axes(Ctx *c, NodeCtx *n, int64_t *axes, int *len)
{
	int from = axes_input_from(n);
	if (imp_attr_opsets(c, n, "axes", 1, from - 1) ||
	    imp_attr_opsets(c, n, "noop_with_empty_axes", from, 0))
		return -1;
	*len = 0;
	if (n->opset < from) {
		if (n->nin > 1)
			return imp_reject(c, n, "takes one input before opset %d", from);
		if (imp_attr_ints(c, n, "axes", axes, QCC_MAX_RANK, len))
			return -1;
		if (*len < 0)
			*len = 0;
		return 0;
	}
	if (!imp_has(n, 1))
		return 0;
	Tens *t = imp_const(c, n, 1);
	if (!t)
		return -1;
	if (t->is_float || t->rank > 1 || t->numel > QCC_MAX_RANK)
		return imp_reject(c, n, "axes must be a list of at most %d integers",
			QCC_MAX_RANK);
	*len = (int)t->numel;
	memcpy(axes, t->i, *len * sizeof *axes);
	return 0;
}

/* ReduceX -> reduce fn=x */
static const char *const fns[][2] = {
	{"ReduceL1", "l1"}, {"ReduceL2", "l2"}, {"ReduceMax", "max"},
	{"ReduceMean", "mean"}, {"ReduceMin", "min"}, {"ReduceSum", "sum"},
	{"ReduceSumSquare", "sum_square"},
};

static int import_reduce(Ctx *c, NodeCtx *n)
{
	const char *fn = NULL;
	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
		if (!strcmp(n->p->op_type, fns[i][0]))
			fn = fns[i][1];
	int64_t axes[QCC_MAX_RANK], keepdims, noop = 0;
	int len;
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	if (reduce_axes(c, n, axes, &len) ||
	    imp_attr_int(c, n, "keepdims", 1, &keepdims) ||
	    imp_attr_int(c, n, "noop_with_empty_axes", 0, &noop))
		return -1;
	if (len == 0 && noop)
		return imp_alias(c, n);
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	/* l2 of a run-time value is sqrt(sum_square), so that quantization
	 * calibrates the sum and the square root is a table */
	int split = !strcmp(fn, "l2") && x->kind != VAL_CONST;
	Node *node = imp_node(c, n, OP_REDUCE, &x, 1, split ? -1 : 0,
		split ? "_sumsq" : NULL);
	if (!node)
		return -1;
	attr_set_str(c->g, node, "fn", split ? "sum_square" : fn);
	attr_set_ints(c->g, node, "axes", axes, len);
	attr_set_int(c->g, node, "keepdims", keepdims != 0);
	if (!split)
		return imp_finish_fold(c, n, node, 0);
	if (imp_finish(c, n, node, -1))
		return -1;
	Node *root = imp_node(c, n, OP_SQRT, &node->out, 1, 0, NULL);
	return root ? imp_finish(c, n, root, 0) : -1;
}

/* A [C] constant of v, named after the node's output plus suffix. */
static Value *channel_const(Ctx *c, NodeCtx *n, int64_t channels, float v,
	const char *suffix)
{
	Type t = {0};
	t.elem = DT_F32;
	t.rank = 1;
	t.dims[0] = channels;
	float *d = graph_alloc_data(c->g, &t);
	for (int64_t i = 0; i < channels; i++)
		d[i] = v;
	return graph_add_const(c->g, sym_fresh_name(c, n->p->output[0], suffix),
		&t, d, c->loc);
}

/* InstanceNormalization: each sample's channel normalized over its
 * spatial dims (a layernorm from axis 2), then the scale and bias of the
 * channel (a batchnorm of mean 0, variance 1 and epsilon 0, exactly
 * y = scale x + bias, which quantize lowers to qaffine). */
static int import_instancenorm(Ctx *c, NodeCtx *n)
{
	double eps;
	Value *x, *s, *b;
	if (imp_attr_float(c, n, "epsilon", 1e-5, &eps))
		return -1;
	if (!(x = imp_value(c, n, 0)) || !(s = imp_value(c, n, 1)) ||
	    !(b = imp_value(c, n, 2)))
		return -1;
	if (x->type.rank < 3)
		return imp_reject(c, n, "input must have rank >= 3 [N,C,spatial...], "
			"got rank %d", x->type.rank);
	Node *ln = imp_node(c, n, OP_LAYERNORM, &x, 1, -1, "_norm");
	if (!ln)
		return -1;
	attr_set_int(c->g, ln, "axis", 2);
	attr_set_float(c->g, ln, "epsilon", (float)eps);
	if (imp_finish(c, n, ln, -1))
		return -1;
	int64_t channels = x->type.dims[1];
	Value *in[5] = {ln->out, s, b, channel_const(c, n, channels, 0, "_mean"),
		channel_const(c, n, channels, 1, "_var")};
	Node *bn = imp_node(c, n, OP_BATCHNORM, in, 5, 0, NULL);
	if (!bn)
		return -1;
	attr_set_float(c->g, bn, "epsilon", 0);
	return imp_finish(c, n, bn, 0);
}

#define REDUCE_ATTRS "axes keepdims noop_with_empty_axes"

static const OnnxOp rows[] = {
	{"InstanceNormalization", 6, 0, 0, import_instancenorm, "epsilon",
	 "layernorm over the spatial dims, then batchnorm for scale and bias"},
	{"ReduceL1", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=l1; axes an input from opset 18"},
	{"ReduceL2", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=sum_square, then sqrt; axes an input from opset 18"},
	{"ReduceMax", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=max; axes an input from opset 18"},
	{"ReduceMean", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=mean; axes an input from opset 18"},
	{"ReduceMin", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=min; axes an input from opset 18"},
	{"ReduceSum", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=sum; axes an input from opset 13"},
	{"ReduceSumSquare", 1, 0, 2, import_reduce, REDUCE_ATTRS,
	 "reduce fn=sum_square; axes an input from opset 18"},
};

const OnnxOpTable onnx_reduce_table = ONNX_OP_TABLE(rows);
