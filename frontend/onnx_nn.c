/* onnx_nn.c - the ONNX ops with structure to resolve: Conv and the pools
 * (auto_pad into explicit pads, 1-D windows as 2-D over a height of 1),
 * Gemm and MatMul (alpha, beta and transA folded or made explicit),
 * Softmax and LogSoftmax (the 2-D coercion before opset 13),
 * LayerNormalization (with its optional statistics outputs) and
 * BatchNormalization (kept as a node). */
#include <string.h>

#include "onnx_imp.h"

/* ---- convolution and pooling windows ---- */

typedef struct {
	int64_t kernel[2], stride[2], dil[2], pads[4];
} Window;

/* Reads kernel_shape, strides, dilations, pads and auto_pad for nsp spatial
 * dims of sizes in[], resolving auto_pad into explicit pads. */
static int window(Ctx *c, NodeCtx *n, int nsp, const int64_t *in,
	const int64_t *wkernel, int with_dil, Window *w)
{
	int64_t v[8];
	int len;
	const char *auto_pad;
	if (imp_attr_ints(c, n, "kernel_shape", v, 8, &len))
		return -1;
	if (len < 0 && !wkernel)
		return imp_reject(c, n, "attribute 'kernel_shape' is required");
	for (int i = 0; i < nsp; i++) {
		w->kernel[i] = len >= 0 ? v[i] : wkernel[i];
		w->stride[i] = w->dil[i] = 1;
		w->pads[i] = w->pads[nsp + i] = 0;
	}
	if (len >= 0 && (len != nsp || (wkernel && (v[0] != wkernel[0] ||
		(nsp > 1 && v[1] != wkernel[1])))))
		return imp_reject(c, n, "kernel_shape does not match the input "
			"or the weights");
	if (imp_attr_ints(c, n, "strides", v, 8, &len))
		return -1;
	if (len >= 0 && len != nsp)
		return imp_reject(c, n, "strides has %d entries; expected %d", len, nsp);
	for (int i = 0; i < len; i++)
		w->stride[i] = v[i];
	if (with_dil) {
		if (imp_attr_ints(c, n, "dilations", v, 8, &len))
			return -1;
		if (len >= 0 && len != nsp)
			return imp_reject(c, n, "dilations has %d entries; expected %d",
				len, nsp);
		for (int i = 0; i < len; i++)
			w->dil[i] = v[i];
	}
	for (int i = 0; i < nsp; i++)
		if (w->kernel[i] < 1 || w->stride[i] < 1 || w->dil[i] < 1 ||
			w->kernel[i] > 1 << 16 || w->stride[i] > 1 << 16 ||
			w->dil[i] > 1 << 16)
			return imp_reject(c, n, "kernel, strides and dilations must be "
				"from 1 to 65536");
	if (imp_attr_str(c, n, "auto_pad", "NOTSET", &auto_pad))
		return -1;
	if (strcmp(auto_pad, "NOTSET") == 0) {
		if (imp_attr_ints(c, n, "pads", v, 8, &len))
			return -1;
		if (len >= 0 && len != 2 * nsp)
			return imp_reject(c, n, "pads has %d entries; expected %d",
				len, 2 * nsp);
		for (int i = 0; i < len; i++) {
			if (v[i] < 0 || v[i] > 1 << 16)
				return imp_reject(c, n, "pads must be from 0 to 65536");
			w->pads[i] = v[i];
		}
	} else if (strcmp(auto_pad, "SAME_UPPER") == 0 ||
		strcmp(auto_pad, "SAME_LOWER") == 0) {
		for (int i = 0; i < nsp; i++) {
			int64_t out = (in[i] + w->stride[i] - 1) / w->stride[i];
			int64_t eff = (w->kernel[i] - 1) * w->dil[i] + 1;
			int64_t total = (out - 1) * w->stride[i] + eff - in[i];
			if (total < 0)
				total = 0;
			int64_t small = total / 2, big = total - small;
			int upper = auto_pad[5] == 'U';
			w->pads[i] = upper ? small : big;
			w->pads[nsp + i] = upper ? big : small;
		}
	} else if (strcmp(auto_pad, "VALID") != 0) {
		return imp_reject(c, n, "unsupported auto_pad value '%s'", auto_pad);
	}
	return 0;
}

/* 1-D windows run as 2-D ones over a height of 1. */
static void lift_window(Window *w)
{
	int64_t pb = w->pads[0], pe = w->pads[1];
	w->kernel[1] = w->kernel[0], w->kernel[0] = 1;
	w->stride[1] = w->stride[0], w->stride[0] = 1;
	w->dil[1] = w->dil[0], w->dil[0] = 1;
	w->pads[0] = 0, w->pads[1] = pb, w->pads[2] = 0, w->pads[3] = pe;
}

/* Input i, [A,B,L], as [A,B,1,L]: a new constant, or a reshape. */
static Value *lift_input(Ctx *c, NodeCtx *n, int i, const char *suffix)
{
	Sym *s = n->in[i];
	int rank;
	int64_t d[QCC_MAX_RANK];
	imp_shape(s, &rank, d);
	int64_t d4[4] = {d[0], d[1], 1, d[2]};
	if (s->t && !s->v && s->t->is_float) {
		Tens *t = tens_new(c, 1, 4, d4);
		memcpy(t->f, s->t->f, t->numel * sizeof *t->f);
		Sym tmp = {s->name, NULL, t, t->dt};
		NodeCtx m = *n;
		m.in[i] = &tmp;
		return imp_value(c, &m, i);
	}
	Value *v = imp_value(c, n, i);
	return v ? imp_reshape_to(c, n, v, 4, d4, -1, suffix) : NULL;
}

/* Makes node's output n's: a 1-D op's 2-D result is reshaped back to
 * [N, C, L]. */
static int finish_window(Ctx *c, NodeCtx *n, Node *node, int nsp)
{
	if (imp_finish(c, n, node, nsp == 2 ? 0 : -1))
		return -1;
	if (nsp == 2)
		return 0;
	const int64_t *d = node->out->type.dims;
	int64_t d3[3] = {d[0], d[1], d[3]};
	return imp_reshape_to(c, n, node->out, 3, d3, 0, NULL) ? 0 : -1;
}

static int import_conv(Ctx *c, NodeCtx *n)
{
	int xr, wr;
	int64_t xd[QCC_MAX_RANK], wd[QCC_MAX_RANK], group;
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "inputs X and W are required");
	imp_shape(n->in[0], &xr, xd);
	imp_shape(n->in[1], &wr, wd);
	if (xr != wr || (xr != 3 && xr != 4))
		return imp_reject(c, n, "only 1-D and 2-D convolution are supported "
			"(input rank %d, weight rank %d)", xr, wr);
	int nsp = xr - 2, k = nsp == 2 ? 0 : -1;
	Window w;
	if (window(c, n, nsp, &xd[2], &wd[2], 1, &w) ||
		imp_attr_int(c, n, "group", 1, &group))
		return -1;
	Value *in[3] = {NULL, NULL, NULL};
	int nin = imp_has(n, 2) ? 3 : 2;
	if (nsp == 1) {
		in[0] = lift_input(c, n, 0, "_2d");
		in[1] = lift_input(c, n, 1, "_w2d");
		lift_window(&w);
	} else {
		in[0] = imp_value(c, n, 0);
		in[1] = imp_value(c, n, 1);
	}
	if (!in[0] || !in[1] || (nin == 3 && !(in[2] = imp_value(c, n, 2))))
		return -1;
	Node *node = imp_node(c, n, OP_CONV2D, in, nin, k, "_conv");
	if (!node)
		return -1;
	attr_set_ints(c->g, node, "stride", w.stride, 2);
	attr_set_ints(c->g, node, "pad", w.pads, 4);
	attr_set_ints(c->g, node, "dilation", w.dil, 2);
	attr_set_int(c->g, node, "groups", group);
	return finish_window(c, n, node, nsp);
}

/* The pooling attributes newer than opset 1: MaxPool's storage_order
 * (8), ceil_mode and dilations (10); AveragePool's count_include_pad (7),
 * ceil_mode (10) and dilations (19). */
static int pool_attr_opsets(Ctx *c, NodeCtx *n, int max)
{
	return imp_attr_opsets(c, n, "ceil_mode", 10, 0) ||
		imp_attr_opsets(c, n, "dilations", max ? 10 : 19, 0) ||
		(max ? imp_attr_opsets(c, n, "storage_order", 8, 0) :
		 imp_attr_opsets(c, n, "count_include_pad", 7, 0));
}

/* 1-D pooling runs as 2-D pooling over [N,C,1,L]. */
static int pool(Ctx *c, NodeCtx *n, int op)
{
	Value *x = imp_value(c, n, 0);
	if (!x || imp_single_output(c, n, "Indices"))
		return -1;
	int rank = x->type.rank;
	if (rank != 3 && rank != 4)
		return imp_reject(c, n, "only 1-D and 2-D pooling are supported "
			"(input rank %d)", rank);
	int nsp = rank - 2, max = op == OP_MAXPOOL2D;
	Window w;
	int64_t ceil_mode = 0, count_pad = 0, storage = 0;
	if (pool_attr_opsets(c, n, max) ||
		window(c, n, nsp, &x->type.dims[2], NULL, 1, &w) ||
		imp_attr_int(c, n, "ceil_mode", 0, &ceil_mode) ||
		imp_attr_int(c, n, "count_include_pad", 0, &count_pad) ||
		imp_attr_int(c, n, "storage_order", 0, &storage))
		return -1;
	if (storage != 0)
		return imp_reject(c, n, "storage_order=%lld is not supported",
			(long long)storage);
	if (!max && (w.dil[0] != 1 || (nsp > 1 && w.dil[1] != 1)))
		return imp_reject(c, n, "dilations other than 1 are not supported "
			"for average pooling");
	if (nsp == 1) {
		int64_t d4[4] = {x->type.dims[0], x->type.dims[1], 1, x->type.dims[2]};
		if (!(x = imp_reshape_to(c, n, x, 4, d4, -1, "_2d")))
			return -1;
		lift_window(&w);
	}
	Node *node = imp_node(c, n, op, &x, 1, nsp == 2 ? 0 : -1, "_pool");
	if (!node)
		return -1;
	attr_set_ints(c->g, node, "kernel", w.kernel, 2);
	attr_set_ints(c->g, node, "stride", w.stride, 2);
	attr_set_ints(c->g, node, "pad", w.pads, 4);
	attr_set_int(c->g, node, "ceil_mode", ceil_mode);
	if (op == OP_MAXPOOL2D)
		attr_set_ints(c->g, node, "dilation", w.dil, 2);
	else
		attr_set_int(c->g, node, "count_include_pad", count_pad);
	return finish_window(c, n, node, nsp);
}

static int import_maxpool(Ctx *c, NodeCtx *n)
{
	int r = imp_quantized_move(c, n);   /* on uint8, as ORT writes it */
	return r <= 0 ? r : pool(c, n, OP_MAXPOOL2D);
}

static int import_avgpool(Ctx *c, NodeCtx *n)
{
	return pool(c, n, OP_AVGPOOL2D);
}

static int import_global_avgpool(Ctx *c, NodeCtx *n)
{
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	if (x->type.rank != 4)
		return imp_reject(c, n, "only 2-D pooling is supported (input rank "
			"%d)", x->type.rank);
	return imp_unary(c, n, OP_GLOBAL_AVGPOOL);
}

/* ---- dense algebra ---- */

static Value *transpose2d(Ctx *c, NodeCtx *n, Value *v, const char *suffix)
{
	static const int64_t perm[2] = {1, 0};
	Node *t = imp_node(c, n, OP_TRANSPOSE, &v, 1, -1, suffix);
	if (!t)
		return NULL;
	attr_set_ints(c->g, t, "perm", perm, 2);
	return imp_finish(c, n, t, -1) == 0 ? t->out : NULL;
}

static Value *scaled(Ctx *c, NodeCtx *n, Value *v, double s, const char *sfx)
{
	if (s == 1)
		return v;
	Value *in[2] = {v, imp_scalar(c, n, (float)s, sfx)};
	if (!in[1])
		return NULL;
	Node *m = imp_node(c, n, OP_MUL, in, 2, -1, sfx);
	return m && imp_finish(c, n, m, -1) == 0 ? m->out : NULL;
}

/* A constant float tensor times s, as a new constant value. */
static Value *scaled_const(Ctx *c, NodeCtx *n, int i, double s, int rank,
	const int64_t *dims)
{
	const Tens *t = n->in[i]->t;
	Tens *o = tens_new(c, 1, rank, dims);
	for (int64_t k = 0; k < o->numel; k++)
		o->f[k] = (float)(s * t->f[t->numel == 1 ? 0 : k % t->numel]);
	Sym tmp = {n->in[i]->name, NULL, o, o->dt};
	NodeCtx m = *n;
	m.in[i] = &tmp;
	return imp_value(c, &m, i);
}

static int import_gemm(Ctx *c, NodeCtx *n)
{
	int64_t ta, tb;
	double alpha, beta;
	if (imp_attr_opsets(c, n, "broadcast", 1, 6) ||
		imp_attr_int(c, n, "transA", 0, &ta) ||
		imp_attr_int(c, n, "transB", 0, &tb) ||
		imp_attr_float(c, n, "alpha", 1, &alpha) ||
		imp_attr_float(c, n, "beta", 1, &beta))
		return -1;
	Value *a = imp_value(c, n, 0);
	if (!a || !imp_has(n, 1))
		return a ? imp_reject(c, n, "input 1 is required") : -1;
	int rb;
	int64_t db[QCC_MAX_RANK];
	imp_shape(n->in[1], &rb, db);
	if (a->type.rank != 2 || rb != 2)
		return imp_reject(c, n, "A and B must be 2-D");
	int64_t m = tb ? db[0] : db[1];
	Value *b;
	int bconst = n->in[1]->t && n->in[1]->t->is_float && !n->in[1]->v;
	if (bconst)
		b = scaled_const(c, n, 1, alpha, 2, db);
	else if ((b = imp_value(c, n, 1)))
		a = alpha != 1 ? scaled(c, n, a, alpha, "_alpha") : a;
	if (!a || !b || (ta && !(a = transpose2d(c, n, a, "_t"))))
		return -1;
	/* C: a bias vector folds into dense; anything else is added after */
	Value *in[3] = {a, b, NULL};
	Value *cv = NULL;
	if (imp_has(n, 2) && beta != 0) {
		int rc;
		int64_t dc[QCC_MAX_RANK];
		imp_shape(n->in[2], &rc, dc);
		int64_t cn = 1;
		for (int i = 0; i < rc; i++)
			cn *= dc[i];
		int vec = rc <= 2 && (cn == 1 || (cn == m && dc[rc - 1] == m));
		if (n->in[2]->t && n->in[2]->t->is_float && !n->in[2]->v && vec)
			in[2] = scaled_const(c, n, 2, beta, 1, &m);
		else if ((cv = imp_value(c, n, 2)))
			cv = scaled(c, n, cv, beta, "_beta");
		if (!in[2] && !cv)
			return -1;
	}
	Node *d = imp_node(c, n, OP_DENSE, in, in[2] ? 3 : 2, cv ? -1 : 0, "_mm");
	if (!d)
		return -1;
	attr_set_int(c->g, d, "trans_w", tb ? 1 : 0);
	if (imp_finish(c, n, d, cv ? -1 : 0) || !cv)
		return cv ? -1 : 0;
	Value *add[2] = {d->out, cv};
	Node *s = imp_node(c, n, OP_ADD, add, 2, 0, NULL);
	return s ? imp_finish(c, n, s, 0) : -1;
}

static int import_matmul(Ctx *c, NodeCtx *n)
{
	Value *a = imp_value(c, n, 0), *b = imp_value(c, n, 1);
	if (!a || !b)
		return -1;
	if (a->type.rank < 2 || b->type.rank < 2)
		return imp_reject(c, n, "1-D operands are not supported");
	Value *in[2] = {a, b};
	int dense = a->type.rank == 2 && b->type.rank == 2 &&
		b->kind == VAL_CONST;
	Node *node = imp_node(c, n, dense ? OP_DENSE : OP_MATMUL, in, 2, 0, NULL);
	if (!node)
		return -1;
	if (dense)
		attr_set_int(c->g, node, "trans_w", 0);
	return imp_finish(c, n, node, 0);
}

/* ---- normalisation and softmax ---- */

/* Softmax and LogSoftmax (op): before opset 13 over the dims from axis on,
 * flattened; from 13 along one axis. */
static int softmax(Ctx *c, NodeCtx *n, int op)
{
	int64_t axis;
	Value *x = imp_value(c, n, 0);
	if (!x || imp_attr_int(c, n, "axis", n->opset < 13 ? 1 : -1, &axis))
		return -1;
	int rank = x->type.rank, ax;
	int64_t dims[QCC_MAX_RANK];
	memcpy(dims, x->type.dims, sizeof dims);
	if (imp_axis(c, n, axis, rank, &ax))
		return -1;
	/* before opset 13: softmax over the flattened dims axis.. */
	int coerce = n->opset < 13 && ax != rank - 1;
	if (coerce) {
		Node *f = imp_node(c, n, OP_FLATTEN, &x, 1, -1, "_2d");
		if (!f)
			return -1;
		attr_set_int(c->g, f, "axis", ax);
		if (imp_finish(c, n, f, -1))
			return -1;
		x = f->out;
	}
	Node *s = imp_node(c, n, op, &x, 1, coerce ? -1 : 0, "_sm");
	if (!s)
		return -1;
	attr_set_int(c->g, s, "axis", coerce ? 1 : ax);
	if (imp_finish(c, n, s, coerce ? -1 : 0))
		return -1;
	if (!coerce)
		return 0;
	return imp_reshape_to(c, n, s->out, rank, dims, 0, NULL) ? 0 : -1;
}

static int import_softmax(Ctx *c, NodeCtx *n)
{
	return softmax(c, n, OP_SOFTMAX);
}

static int import_log_softmax(Ctx *c, NodeCtx *n)
{
	return softmax(c, n, OP_LOG_SOFTMAX);
}

static Value *const_fill(Ctx *c, NodeCtx *n, int rank, const int64_t *dims,
	float x, const char *suffix)
{
	Tens *t = tens_new(c, 1, rank, dims);
	for (int64_t k = 0; k < t->numel; k++)
		t->f[k] = x;
	size_t len = strlen(n->p->output[0]) + strlen(suffix) + 1;
	char *name = arena_alloc(&c->g->arena, len);
	snprintf(name, len, "%s%s", n->p->output[0], suffix);
	Sym tmp = {name, NULL, t, t->dt};
	NodeCtx m = *n;
	m.nin = 1;
	m.in[0] = &tmp;
	return imp_value(c, &m, 0);
}

static Value *emit(Ctx *c, NodeCtx *n, int op, Value *a, Value *b, int k,
	const char *suffix)
{
	Value *in[2] = {a, b};
	Node *node = imp_node(c, n, op, in, b ? 2 : 1, k, suffix);
	return node && imp_finish(c, n, node, k) == 0 ? node->out : NULL;
}

/* LayerNormalization's optional outputs Mean and InvStdDev, shaped
 * dims[:axis] + [1,...]: the rows [1,R,I,1] are averaged by global_avgpool,
 * and 1/sqrt(var + eps) is a batchnorm of ones with variance var. */
static int layernorm_stats(Ctx *c, NodeCtx *n, Value *x, int ax, double eps)
{
	int rank = x->type.rank;
	int64_t r = 1, in = 1, sd[QCC_MAX_RANK];
	for (int i = 0; i < rank; i++) {
		*(i < ax ? &r : &in) *= x->type.dims[i];
		sd[i] = i < ax ? x->type.dims[i] : 1;
	}
	int64_t rows[4] = {1, r, in, 1}, one_r[2] = {1, r};
	Value *xr = imp_reshape_to(c, n, x, 4, rows, -1, "_rows");
	Value *m = xr ? emit(c, n, OP_GLOBAL_AVGPOOL, xr, NULL, -1, "_mean") : NULL;
	Value *d = m ? emit(c, n, OP_SUB, xr, m, -1, "_dev") : NULL;
	Value *d2 = d ? emit(c, n, OP_MUL, d, d, -1, "_dev2") : NULL;
	Value *v = d2 ? emit(c, n, OP_GLOBAL_AVGPOOL, d2, NULL, -1, "_var") : NULL;
	Value *vr = v ? imp_reshape_to(c, n, v, 1, &r, -1, "_var_r") : NULL;
	if (!vr)
		return -1;
	if (n->nout > 1 && *n->p->output[1] &&
		!imp_reshape_to(c, n, m, rank, sd, 1, NULL))
		return -1;
	if (n->nout < 3 || !*n->p->output[2])
		return 0;
	Value *bn[5] = {const_fill(c, n, 2, one_r, 1, "_ones"),
		const_fill(c, n, 1, &r, 1, "_one"), const_fill(c, n, 1, &r, 0, "_zero"),
		NULL, vr};
	bn[3] = bn[2];
	Node *b = imp_node(c, n, OP_BATCHNORM, bn, 5, -1, "_invstd");
	if (!b)
		return -1;
	attr_set_float(c->g, b, "epsilon", (float)eps);
	if (imp_finish(c, n, b, -1))
		return -1;
	return imp_reshape_to(c, n, b->out, rank, sd, 2, NULL) ? 0 : -1;
}

static int import_layernorm(Ctx *c, NodeCtx *n)
{
	int64_t axis, stash;
	double eps;
	if (imp_attr_int(c, n, "axis", -1, &axis) ||
		imp_attr_int(c, n, "stash_type", 1, &stash) ||
		imp_attr_float(c, n, "epsilon", 1e-5, &eps))
		return -1;
	if (stash != 1)
		return imp_reject(c, n, "stash_type=%lld is not supported; expected 1 "
			"(float)", (long long)stash);
	Value *in[3] = {imp_value(c, n, 0), NULL, NULL};
	int nin = imp_has(n, 2) ? 3 : 2;
	if (!in[0] || !(in[1] = imp_value(c, n, 1)) ||
		(nin == 3 && !(in[2] = imp_value(c, n, 2))))
		return -1;
	int ax;
	if (imp_axis(c, n, axis, in[0]->type.rank, &ax))
		return -1;
	Node *node = imp_node(c, n, OP_LAYERNORM, in, nin, 0, NULL);
	if (!node)
		return -1;
	attr_set_int(c->g, node, "axis", ax);
	attr_set_float(c->g, node, "epsilon", (float)eps);
	if (imp_finish(c, n, node, 0))
		return -1;
	return n->nout > 1 ? layernorm_stats(c, n, in[0], ax, eps) : 0;
}

static int import_batchnorm(Ctx *c, NodeCtx *n)
{
	int64_t training, is_test, spatial;
	double eps, momentum;
	if (imp_attr_opsets(c, n, "is_test", 1, 6) ||
		imp_attr_opsets(c, n, "spatial", 1, 8) ||
		imp_attr_opsets(c, n, "training_mode", 14, 0) ||
		imp_attr_int(c, n, "is_test", n->opset < 7 ? 0 : 1, &is_test) ||
		imp_attr_int(c, n, "spatial", 1, &spatial))
		return -1;
	if (!is_test)
		return imp_reject(c, n, "is_test=0 (training) is not supported; qcc "
			"compiles inference");
	if (!spatial)
		return imp_reject(c, n, "spatial=0 (statistics per element) is not "
			"supported");
	if (imp_single_output(c, n, "running mean and variance") ||
		imp_attr_int(c, n, "training_mode", 0, &training) ||
		imp_attr_float(c, n, "momentum", 0.9, &momentum) ||
		imp_attr_float(c, n, "epsilon", 1e-5, &eps))
		return -1;
	if (training)
		return imp_reject(c, n, "training_mode=1 is not supported; qcc "
			"compiles inference");
	Value *in[5];
	for (int i = 0; i < 5; i++)
		if (!(in[i] = imp_value(c, n, i)))
			return -1;
	Node *node = imp_node(c, n, OP_BATCHNORM, in, 5, 0, NULL);
	if (!node)
		return -1;
	attr_set_float(c->g, node, "epsilon", (float)eps);
	return imp_finish(c, n, node, 0);
}

/* ---- the table: windows, matrices, normalisation ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"AveragePool", 1, 0, 0, import_avgpool,
	 "auto_pad ceil_mode count_include_pad dilations kernel_shape pads strides",
	 "avgpool2d; 1-D through [N,C,1,L]; dilations 1"},
	{"BatchNormalization", 6, 0, 0, import_batchnorm,
	 "epsilon is_test momentum spatial training_mode",
	 "batchnorm (inference: is_test=1 before opset 7, spatial=1)"},
	{"Conv", 1, 0, 0, import_conv,
	 "auto_pad dilations group kernel_shape pads strides",
	 "conv2d (1-D as 2-D); auto_pad resolved to explicit pads"},
	{"Gemm", 6, 0, 0, import_gemm, "alpha beta broadcast transA transB",
	 "dense; alpha/beta folded into constants, transA by a transpose"},
	{"GlobalAveragePool", 1, 0, 0, import_global_avgpool, "",
	 "global_avgpool (2-D)"},
	{"LayerNormalization", 17, 0, 0, import_layernorm,
	 "axis epsilon stash_type", "layernorm; no Mean/InvStdDev outputs"},
	{"LogSoftmax", 1, 0, 0, import_log_softmax, "axis",
	 "log_softmax; before opset 13 over the flattened trailing dims"},
	{"MatMul", 1, 0, 0, import_matmul, "",
	 "dense when B is a constant matrix, else matmul; no 1-D operands"},
	{"MaxPool", 1, 0, 0, import_maxpool,
	 "auto_pad ceil_mode dilations kernel_shape pads storage_order strides",
	 "maxpool2d; 1-D through [N,C,1,L]; no Indices output"},
	{"Softmax", 1, 0, 0, import_softmax, "axis",
	 "softmax; before opset 13 over the flattened trailing dims"},
};

const OnnxOpTable onnx_nn_table = ONNX_OP_TABLE(rows);
