/* onnx_quant.c - importers of ONNX's quantization boundary:
 * QuantizeLinear and DequantizeLinear become quantize and dequantize, the
 * scale and zero point moving into the q(...) of the integer value (a
 * DequantizeLinear of a constant makes the constant a quantized one). The
 * qdq_elim pass then turns the Q -> DQ pairs around float ops into qcc's
 * quantized types (docs/onnx.md, "Quantized models").
 *
 * QLinearConv, QLinearMatMul and ONNX Runtime's contrib ops (QGemm,
 * QLinearAdd, QLinearMul, QLinearGlobalAveragePool, QLinearConcat) are
 * the same boundary around the float op. ConvInteger and MatMulInteger
 * are the float op of the operands minus their zero points (each a
 * dequantize at scale 1), quantized to i32 at scale 1: exact, as the
 * importer proves that no sum passes 2^24. DynamicQuantizeLinear is a
 * dynquant node per output (onnx_dynq.c turns ONNX Runtime's dynamic
 * quantization pattern into the float op instead).
 *
 * Element types: int8 and uint8, and int16, uint16 (held as int16 minus
 * 32768), int4, uint4 from opset 21; per tensor or
 * per axis (a QuantizeLinear of a constant is computed here; of a run-time
 * value, per axis runs in the interpreter only, qdq_elim refuses it). Scales
 * must be positive and finite, zero points within their type, a per-axis
 * scale as long as its axis. Blocked quantization (block_size) of constant
 * weights is onnx_blocked.c's; the float8 types are refused. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

int imp_zp_elem(int dt)
{
	switch (dt) {
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: return DT_I8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: return DT_U8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: return DT_I16;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT16: return DT_I16;  /* - 2^15 */
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: return DT_I32;  /* biases */
	case ONNX_DT_INT4: return DT_I8;   /* with q.bits 4 */
	case ONNX_DT_UINT4: return DT_U8;
	default: return -1;
	}
}

/* The offset of the int16 codes of uint16 type dt (0 for the others):
 * a uint16 u is held as u - 32768, its zero point likewise, so that the
 * reals (u - zp) * scale are unchanged. */
static int u16_shift(int dt)
{
	return dt == ONNX__TENSOR_PROTO__DATA_TYPE__UINT16 ? 32768 : 0;
}

/* The q(...) of node n (inputs 1 and 2: scale, zero point) for its data
 * input of rank `rank` and dims, the element type of its integer side and
 * (dtp not NULL) its ONNX type: the zero point's, else def_dt (0: the
 * output_dtype attribute, else uint8). 0, or -1 after rejecting n. */
static int read_qparams(Ctx *c, NodeCtx *n, int si, int axis_def, int rank,
	const int64_t *dims, int def_dt, int *elem, int *dtp, QParams *q)
{
	int64_t axis = axis_def, block, od;
	if ((axis_def == 1 && imp_attr_int(c, n, "axis", 1, &axis)) ||
	    imp_attr_int(c, n, "block_size", 0, &block) ||
	    imp_attr_int(c, n, "output_dtype", 0, &od))
		return -1;
	if (block != 0)
		return imp_reject(c, n, "blocked quantization (block_size %lld) is "
			"supported on a DequantizeLinear of constant weights only",
			(long long)block);
	int zi = si + 1;
	Tens *s = imp_const(c, n, si), *z = imp_has(n, zi) ? imp_const(c, n, zi) :
		NULL;
	if (!s || (imp_has(n, zi) && !z))
		return -1;
	int dt = z ? z->dt : od ? (int)od : def_dt ? def_dt :
		ONNX__TENSOR_PROTO__DATA_TYPE__UINT8;
	*elem = imp_zp_elem(dt);
	if (dtp)
		*dtp = dt;
	if (*elem < 0)
		return imp_reject(c, n, "quantized type %s is not supported (int4, "
			"uint4, int8, uint8, int16, uint16)", onnx_dtype_name(dt));
	if (!s->is_float)
		return imp_reject(c, n, "the scale must be float, got %s",
			onnx_dtype_name(s->dt));
	if (z && z->numel != s->numel)
		return imp_reject(c, n, "%lld scales but %lld zero points",
			(long long)s->numel, (long long)z->numel);
	memset(q, 0, sizeof *q);
	q->present = 1;
	q->axis = -1;
	q->n = (int)s->numel;
	if (s->rank > 1 || (s->rank == 1 && s->numel > 1) || s->numel < 1) {
		int ax;
		if (s->rank != 1 || imp_axis(c, n, axis, rank, &ax))
			return s->rank != 1 ? imp_reject(c, n, "the scale must be a "
				"scalar or 1-D, got rank %d", s->rank) : -1;
		if (dims[ax] != s->numel)
			return imp_reject(c, n, "%lld scales for axis %d of length %lld",
				(long long)s->numel, ax, (long long)dims[ax]);
		q->axis = ax;
	}
	q->scale = arena_alloc(&c->g->arena, q->n * sizeof *q->scale);
	q->zp = arena_alloc(&c->g->arena, q->n * sizeof *q->zp);
	q->bits = dt == ONNX_DT_INT4 || dt == ONNX_DT_UINT4 ? 4 : 0;
	Type t = {.elem = *elem, .q = {.present = 1, .bits = q->bits}};
	for (int i = 0; i < q->n; i++) {
		float sc = s->f[i];
		int64_t zp = z ? z->i[i] : 0, zq = zp - u16_shift(dt);
		if (!(sc > 0) || !isfinite(sc))
			return imp_reject(c, n, "scale %g%s is not a positive finite "
				"number", sc, q->n > 1 ? " of a channel" : "");
		if (zq < type_qmin(&t) || zq > type_qmax(&t))
			return imp_reject(c, n, "zero point %lld is out of range for "
				"%s", (long long)zp, onnx_dtype_name(dt));
		q->scale[i] = sc;
		q->zp[i] = (int32_t)zq;
	}
	return 0;
}

static int same_q(const QParams *a, const QParams *b)
{
	if (a->axis != b->axis || a->n != b->n)
		return 0;
	for (int i = 0; i < a->n; i++)
		if (a->scale[i] != b->scale[i] || a->zp[i] != b->zp[i])
			return 0;
	return 1;
}

/* Whether the model's graph has an output named name. */
static int graph_output(const Ctx *c, const char *name)
{
	const Onnx__GraphProto *gp = c->model ? c->model->graph : NULL;
	for (size_t i = 0; gp && i < gp->n_output; i++)
		if (!strcmp(gp->output[i]->name, name))
			return 1;
	return 0;
}

/* quantize(x) with the q of n's inputs si, si + 1, as output k of n (or,
 * k < 0, an intermediate named with suffix); 0, or -1 after reporting. */
static int quantize_to(Ctx *c, NodeCtx *n, Value *x, int si, int k,
	const char *suffix)
{
	int elem, dt;
	QParams q;
	if (read_qparams(c, n, si, 1, x->type.rank, x->type.dims, 0, &elem, &dt,
	    &q))
		return -1;
	if (u16_shift(dt) && k >= 0 && graph_output(c, n->p->output[k]))
		return imp_reject(c, n, "a uint16 graph output is not supported "
			"(qcc holds uint16 codes as int16 minus 32768): dequantize it");
	if (elem == DT_I16 && q.zp[0] != 0)
		return imp_reject(c, n, "%s zero point %d: qcc's 16-bit activations "
			"are symmetric (zero point 0 for int16, 32768 for uint16)",
			onnx_dtype_name(dt), (int)q.zp[0] + u16_shift(dt));
	if (q.bits == 4)
		return imp_reject(c, n, "4-bit activations are not supported (4-bit "
			"weights are: a DequantizeLinear of an int4 constant)");
	if (elem == DT_I32)
		return imp_reject(c, n, "quantized type int32 is not supported");
	Node *node = imp_node(c, n, OP_QUANTIZE, &x, 1, k, suffix);
	node->out->type = x->type;   /* the shape; shape inference checks it */
	node->out->type.elem = elem;
	node->out->type.q = q;
	if (imp_finish(c, n, node, k))
		return -1;
	if (k >= 0)   /* uint16 stays uint16 for the DequantizeLinear */
		sym_get(c, n->p->output[k])->dt = dt;
	return 0;
}

/* QuantizeLinear of a float constant (QAT exports fake-quantize weights
 * that way, per tensor or per output channel): its integers, computed now
 * as eval_quantize would, bound as an integer constant. */
static int quantize_const(Ctx *c, NodeCtx *n, const Tens *x)
{
	int elem, dt;
	QParams q;
	if (read_qparams(c, n, 1, 1, x->rank, x->dims, 0, &elem, &dt, &q))
		return -1;
	if (elem == DT_I32)
		return imp_reject(c, n, "quantized type int32 is not supported");
	Tens *t = tens_new(c, 0, x->rank, x->dims);
	Type ty = {.elem = elem, .q = {.present = 1, .bits = q.bits}};
	int64_t inner = 1;
	for (int d = q.axis + 1; q.axis >= 0 && d < x->rank; d++)
		inner *= x->dims[d];
	t->dt = q.bits == 4 ? (elem == DT_I8 ? ONNX_DT_INT4 : ONNX_DT_UINT4) :
		elem == DT_I8 ? ONNX__TENSOR_PROTO__DATA_TYPE__INT8 :
		elem == DT_I16 ? dt : ONNX__TENSOR_PROTO__DATA_TYPE__UINT8;
	for (int64_t i = 0; i < x->numel; i++) {
		int k = q.axis < 0 ? 0 : (int)(i / inner % q.n);
		float r = nearbyintf(x->f[i] / q.scale[k]);
		double v = isnan(r) ? q.zp[k] : (double)r + q.zp[k];
		t->i[i] = (v < type_qmin(&ty) ? type_qmin(&ty) :
			v > type_qmax(&ty) ? type_qmax(&ty) : (int64_t)v) +
			u16_shift(dt);
	}
	return sym_bind_tens(c, n->p->output[0], t);
}

int imp_dynquant(Ctx *c, NodeCtx *n, Value *x, int k,
	const char *which)
{
	Node *node = imp_node(c, n, OP_DYNQUANT, &x, 1, k, NULL);
	if (!node)
		return -1;
	attr_set_str(c->g, node, "out", which);
	return imp_finish(c, n, node, k);
}

/* Whether input i of n is dynquant(x, out=which). */
static int is_dynquant(const NodeCtx *n, int i, const Value *x,
	const char *which)
{
	const Value *v = imp_has(n, i) ? n->in[i]->v : NULL;
	return v && x && v->kind == VAL_NODE && v->def->op == OP_DYNQUANT &&
		v->def->in[0] == x && !strcmp(attr_str(v->def, "out"), which);
}

static int import_quantize_linear(Ctx *c, NodeCtx *n)
{
	if (imp_attr_opsets(c, n, "saturate", 19, 0))
		return -1;
	Sym *s = imp_has(n, 0) ? n->in[0] : NULL;
	if (s && s->t && !s->v && s->t->is_float)
		return quantize_const(c, n, s->t);
	/* by DynamicQuantizeLinear's scale and zero point of x (its function
	 * body, onnx_dynq.c): its y */
	if (s && is_dynquant(n, 1, s->v, "scale") &&
	    is_dynquant(n, 2, s->v, "zero_point"))
		return imp_dynquant(c, n, s->v, 0, "y");
	Value *x = imp_value(c, n, 0);
	return x ? quantize_to(c, n, x, 1, 0, NULL) : -1;
}

Value *imp_quantized_const(Ctx *c, NodeCtx *n, int xi, int elem,
	const QParams *q)
{
	const Tens *t = n->in[xi]->t;
	Type ty = {.elem = elem, .rank = t->rank, .q = *q};
	memcpy(ty.dims, t->dims, sizeof ty.dims);
	int32_t *d = graph_alloc_data(c->g, &ty);
	for (int64_t k = 0; k < t->numel; k++) {
		int64_t v = t->i[k] - u16_shift(t->dt);
		if (v < type_qmin(&ty) || v > type_qmax(&ty)) {
			imp_reject(c, n, "element %lld is %lld, out of range for %s",
				(long long)k, (long long)t->i[k], onnx_dtype_name(t->dt));
			return NULL;
		}
		d[k] = (int32_t)v;
	}
	return graph_add_const(c->g, sym_fresh_name(c, n->in[xi]->name, NULL),
		&ty, d, c->loc);
}

/* dequantize(input xi) with the type elem and q; the dequantized value,
 * named with suffix, or NULL after reporting. */
static Value *dequantize_q(Ctx *c, NodeCtx *n, int xi, int elem,
	const QParams *q, const char *suffix)
{
	Sym *s = n->in[xi];
	Value *x = s->v;
	if (!x && s->t && !s->t->is_float) {
		if (!(x = imp_quantized_const(c, n, xi, elem, q)))
			return NULL;
	} else if (x && x->type.q.present) {
		if (!same_q(&x->type.q, q)) {
			imp_reject(c, n, "its scale or zero point differ from those of "
				"the QuantizeLinear of '%s'", s->name);
			return NULL;
		}
	} else if (x && (int)x->type.elem == elem && (x->kind == VAL_INPUT ||
		(x->kind == VAL_NODE && op_has(x->def->op, OPF_VIEW)))) {
		x->type.q = *q;  /* a quantized graph input, or a view of one */
	} else {
		imp_reject(c, n, "input '%s' is not a quantized integer tensor",
			s->name);
		return NULL;
	}
	Node *node = imp_node(c, n, OP_DEQUANTIZE, &x, 1, suffix ? -1 : 0,
		suffix);
	return imp_finish(c, n, node, suffix ? -1 : 0) ? NULL : node->out;
}

/* dequantize(input xi) with the q of inputs xi + 1, xi + 2, per axis on
 * `axis` (1: DequantizeLinear's attribute, default 1) when the scale is
 * 1-D; the dequantized value, named with suffix, or NULL after
 * reporting. */
static Value *dequantize_of(Ctx *c, NodeCtx *n, int xi, int axis,
	const char *suffix)
{
	Sym *s = imp_has(n, xi) ? n->in[xi] : NULL;
	int elem, qdt, dt = s ? sym_dtype(s) : 0;
	QParams q;
	int64_t dims[QCC_MAX_RANK];
	int rank;
	if (!s) {
		imp_reject(c, n, "input %d is required", xi);
		return NULL;
	}
	imp_shape(s, &rank, dims);
	int64_t block, ax = axis;
	if (imp_attr_int(c, n, "block_size", 0, &block) ||
	    (axis == 1 && imp_attr_int(c, n, "axis", 1, &ax)))
		return NULL;
	if (block)
		return imp_dequantize_blocked(c, n, xi, ax, block, suffix);
	/* without a zero point, that of x's type (0) */
	if (read_qparams(c, n, xi + 1, axis, rank, dims, dt, &elem, &qdt, &q))
		return NULL;
	if (qdt != dt) {
		imp_reject(c, n, "input '%s' is %s but its zero point is %s",
			s->name, onnx_dtype_name(dt), onnx_dtype_name(qdt));
		return NULL;
	}
	return dequantize_q(c, n, xi, elem, &q, suffix);
}

static int import_dequantize_linear(Ctx *c, NodeCtx *n)
{
	return dequantize_of(c, n, 0, 1, NULL) ? 0 : -1;
}

/* ---- QLinearConv, QLinearMatMul: dequantize, the float op, quantize ---- */

/* The float op `op_type` of n's attributes on the inputs in[] (NULL:
 * absent), as an intermediate value. */
static Value *float_op(Ctx *c, NodeCtx *n, const char *op_type, Value **in,
	int nin)
{
	Onnx__NodeProto p = *n->p;
	char *out = (char *)sym_fresh_onnx(c, n->p->output[0], "_f");
	char *names[3];
	NodeCtx sub = *n;
	p.op_type = (char *)op_type;
	p.output = &out;
	p.n_output = 1;
	p.input = names;
	p.n_input = nin;
	sub.p = &p;
	sub.nin = nin;
	sub.nout = 1;
	for (int i = 0; i < nin; i++) {
		names[i] = in[i] ? (char *)sym_fresh_onnx(c, out, "_in") : "";
		if (in[i] && sym_bind_value(c, names[i], in[i],
		    ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT))
			return NULL;
		sub.in[i] = in[i] ? sym_get(c, names[i]) : NULL;
	}
	if (onnx_op_find(op_type)->fn(c, &sub))
		return NULL;
	Sym *r = sym_get(c, out);
	return r ? r->v : NULL;
}

/* Input bi of n, int32 at the scale of x times that of w per channel
 * (QLinearConv's B, QGemm's C), as the float constant it stands for;
 * NULL after reporting. */
static Value *int32_bias(Ctx *c, NodeCtx *n, int bi, const Value *x,
	const Value *w)
{
	const Tens *b = imp_const(c, n, bi);
	const QParams *wq = &w->def->in[0]->type.q;
	if (!b)
		return NULL;
	if (b->is_float || b->rank != 1 || (wq->n > 1 && b->numel != wq->n)) {
		imp_reject(c, n, "the bias must be int32 [M]");
		return NULL;
	}
	Type ft = {.elem = DT_F32, .rank = 1, .dims = {b->numel}};
	float *d = graph_alloc_data(c->g, &ft);
	float xs = x->def->in[0]->type.q.scale[0];
	for (int64_t k = 0; k < b->numel; k++)
		d[k] = (float)b->i[k] * (xs * wq->scale[wq->n > 1 ? k : 0]);
	return graph_add_const(c->g, sym_fresh_name(c, n->in[bi]->name, NULL),
		&ft, d, c->loc);
}

/* QLinearConv (x, xs, xz, w, ws, wz, ys, yz, B): the bias is int32 at
 * xs * ws of its channel, as a DequantizeLinear of it would read it. */
static int import_qlinear_conv(Ctx *c, NodeCtx *n)
{
	Value *in[3] = {dequantize_of(c, n, 0, 1, "_xdq"), NULL, NULL};
	if (!in[0] || !(in[1] = dequantize_of(c, n, 3, 0, "_wdq")) ||
	    (imp_has(n, 8) && !(in[2] = int32_bias(c, n, 8, in[0], in[1]))))
		return -1;
	Value *y = float_op(c, n, "Conv", in, in[2] ? 3 : 2);
	return y ? quantize_to(c, n, y, 6, 0, NULL) : -1;
}

static int import_qlinear_matmul(Ctx *c, NodeCtx *n)
{
	Value *in[2] = {dequantize_of(c, n, 0, 1, "_adq"), NULL};
	if (!in[0] || !(in[1] = dequantize_of(c, n, 3, 1, "_bdq")))
		return -1;
	Value *y = float_op(c, n, "MatMul", in, 2);
	return y ? quantize_to(c, n, y, 6, 0, NULL) : -1;
}

int imp_quantized_move(Ctx *c, NodeCtx *n)
{
	Value *x = imp_has(n, 0) ? n->in[0]->v : NULL;
	if (!x || !dtype_is_int(x->type.elem) || !x->type.q.present)
		return 1;
	if (x->type.q.axis >= 0 || n->nin != 1)
		return imp_reject(c, n, "a quantized input must be per tensor and "
			"alone");
	Node *dq = imp_node(c, n, OP_DEQUANTIZE, &x, 1, -1, "_dq");
	if (imp_finish(c, n, dq, -1))
		return -1;
	Value *y = float_op(c, n, n->p->op_type, &dq->out, 1);
	if (!y)
		return -1;
	Node *q = imp_node(c, n, OP_QUANTIZE, &y, 1, 0, NULL);
	q->out->type = y->type;
	q->out->type.elem = x->type.elem;
	q->out->type.q = x->type.q;
	return imp_finish(c, n, q, 0);
}

/* ---- ConvInteger, MatMulInteger: int32 sums of integer products ---- */

/* The q at scale 1 of integer input xi with the zero point of input zi
 * (absent: 0): one zero point, or one per index of `axis` (-1: only one
 * allowed, named by what). 0, or -1 after rejecting n. */
static int integer_q(Ctx *c, NodeCtx *n, int xi, int zi, int axis,
	const char *what, int *elem, QParams *q)
{
	Sym *s = n->in[xi];
	int dt = sym_dtype(s), rank;
	int64_t dims[QCC_MAX_RANK];
	if (dt != ONNX__TENSOR_PROTO__DATA_TYPE__INT8 &&
	    dt != ONNX__TENSOR_PROTO__DATA_TYPE__UINT8)
		return imp_reject(c, n, "input '%s' has element type %s; expected "
			"int8 or uint8", s->name, onnx_dtype_name(dt));
	*elem = imp_zp_elem(dt);
	Tens *z = imp_has(n, zi) ? imp_const(c, n, zi) : NULL;
	if (imp_has(n, zi) && !z)
		return -1;
	if (z && z->dt != dt)
		return imp_reject(c, n, "zero point '%s' is %s but input '%s' is %s",
			n->in[zi]->name, onnx_dtype_name(z->dt), s->name,
			onnx_dtype_name(dt));
	imp_shape(s, &rank, dims);
	memset(q, 0, sizeof *q);
	q->present = 1;
	q->axis = -1;
	q->n = z ? (int)z->numel : 1;
	if (z && (z->numel != 1 || z->rank > 1)) {
		if (axis < 0 || z->rank != 1 || z->numel != dims[axis])
			return imp_reject(c, n, "zero point '%s' has %lld elements; "
				"expected one%s", n->in[zi]->name, (long long)z->numel, what);
		q->axis = axis;
	}
	q->scale = arena_alloc(&c->g->arena, q->n * sizeof *q->scale);
	q->zp = arena_alloc(&c->g->arena, q->n * sizeof *q->zp);
	Type t = {.elem = *elem, .q = {.present = 1}};
	for (int i = 0; i < q->n; i++) {
		int64_t zp = z ? z->i[i] : 0;
		if (zp < type_qmin(&t) || zp > type_qmax(&t))
			return imp_reject(c, n, "zero point %lld is out of range for %s",
				(long long)zp, onnx_dtype_name(dt));
		q->scale[i] = 1;
		q->zp[i] = (int32_t)zp;
	}
	return 0;
}

/* The largest |x - zp| of the integer value under dequantize d: over the
 * data of a constant, else over the type's range. */
static int64_t int_span(const Value *d)
{
	const Value *x = d->def->in[0];
	const Type *t = &x->type;
	const QParams *q = &t->q;
	int64_t span = 0, inner = 1, count = type_numel(t);
	for (int k = q->axis + 1; q->axis >= 0 && k < t->rank; k++)
		inner *= t->dims[k];
	for (int i = 0; i < q->n && !x->data; i++) {
		int64_t lo = (int64_t)q->zp[i] - type_qmin(t);
		int64_t hi = (int64_t)type_qmax(t) - q->zp[i];
		span = lo > span ? lo : span;
		span = hi > span ? hi : span;
	}
	for (int64_t i = 0; x->data && i < count; i++) {
		int c = q->axis < 0 ? 0 : (int)(i / inner % q->n);
		int64_t v = llabs((int64_t)((const int32_t *)x->data)[i] - q->zp[c]);
		span = v > span ? v : span;
	}
	return span;
}

/* y = the float op's output as int32: exact when no sum can pass 2^24
 * (float32 holds every integer up to it; the float kernels sum in double
 * and round once), which k terms of a times b bound; else n is refused. */
static int int32_out(Ctx *c, NodeCtx *n, Value *y, int64_t k, const Value *a,
	const Value *b)
{
	int64_t sa = int_span(a), sb = int_span(b), lim = (int64_t)1 << 24;
	if (sa && sb && (sa * sb > lim || k > lim / (sa * sb)))
		return imp_reject(c, n, "its int32 sums (%lld products of up to %lld "
			"x %lld) may pass 2^24, where float32 is no longer exact",
			(long long)k, (long long)sa, (long long)sb);
	Node *node = imp_node(c, n, OP_QUANTIZE, &y, 1, 0, NULL);
	if (!node)
		return -1;
	node->out->type = y->type;
	node->out->type.elem = DT_I32;
	node->out->type.q = (QParams){.present = 1, .axis = -1, .n = 1};
	node->out->type.q.scale = arena_alloc(&c->g->arena, sizeof(float));
	node->out->type.q.zp = arena_alloc(&c->g->arena, sizeof(int32_t));
	node->out->type.q.scale[0] = 1;
	node->out->type.q.zp[0] = 0;
	return imp_finish(c, n, node, 0);
}

/* ConvInteger (x, w, x_zero_point, w_zero_point per tensor or per output
 * channel): the float Conv of x - xz and w - wz. */
static int import_conv_integer(Ctx *c, NodeCtx *n)
{
	int e[2];
	QParams q[2];
	Value *in[2];
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "inputs x and w are required");
	if (integer_q(c, n, 0, 2, -1, "", &e[0], &q[0]) ||
	    integer_q(c, n, 1, 3, 0, " or one per output channel", &e[1], &q[1]) ||
	    !(in[0] = dequantize_q(c, n, 0, e[0], &q[0], "_xdq")) ||
	    !(in[1] = dequantize_q(c, n, 1, e[1], &q[1], "_wdq")))
		return -1;
	Value *y = float_op(c, n, "Conv", in, 2);
	const Type *w = &in[1]->type;
	return y ? int32_out(c, n, y, type_numel(w) / w->dims[0], in[0], in[1]) :
		-1;
}

/* MatMulInteger (A, B, a_zero_point per tensor or per row of a 2-D A,
 * b_zero_point per tensor or per column of a 2-D B): the float MatMul of
 * A - az and B - bz. */
static int import_matmul_integer(Ctx *c, NodeCtx *n)
{
	int e[2], ra, rb;
	int64_t da[QCC_MAX_RANK], db[QCC_MAX_RANK];
	QParams q[2];
	Value *in[2];
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "inputs A and B are required");
	imp_shape(n->in[0], &ra, da);
	imp_shape(n->in[1], &rb, db);
	if (integer_q(c, n, 0, 2, ra == 2 ? 0 : -1, " or one per row of a 2-D A",
	    &e[0], &q[0]) ||
	    integer_q(c, n, 1, 3, rb == 2 ? 1 : -1,
	    " or one per column of a 2-D B", &e[1], &q[1]) ||
	    !(in[0] = dequantize_q(c, n, 0, e[0], &q[0], "_adq")) ||
	    !(in[1] = dequantize_q(c, n, 1, e[1], &q[1], "_bdq")))
		return -1;
	Value *y = float_op(c, n, "MatMul", in, 2);
	return y ? int32_out(c, n, y, ra ? da[ra - 1] : 1, in[0], in[1]) : -1;
}

/* DynamicQuantizeLinear (x) -> (y, y_scale, y_zero_point): one dynquant
 * node per output that is used. */
static int import_dynamic_quantize_linear(Ctx *c, NodeCtx *n)
{
	static const char *const outs[] = {"y", "scale", "zero_point"};
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	for (int k = 0; k < 3 && k < n->nout; k++)
		if (n->p->output[k] && *n->p->output[k] &&
		    imp_dynquant(c, n, x, k, outs[k]))
			return -1;
	return 0;
}

/* ---- ONNX Runtime's contrib ops (com.microsoft), as its graph
 * optimizer writes them ---- */

/* QGemm (A, As, Az, B, Bs, Bz, C?, Ys?, Yz?): Y float when Ys is absent. */
static int import_qgemm(Ctx *c, NodeCtx *n)
{
	int64_t tb;
	double alpha;
	if (imp_attr_int(c, n, "transB", 0, &tb) ||
	    imp_attr_float(c, n, "alpha", 1, &alpha))
		return -1;
	if (alpha != 1)
		return imp_reject(c, n, "alpha %g: only 1 is supported", alpha);
	Value *in[3] = {dequantize_of(c, n, 0, 1, "_adq"), NULL, NULL};
	if (!in[0] || !(in[1] = dequantize_of(c, n, 3, tb ? 0 : 1, "_bdq")) ||
	    (imp_has(n, 6) && !(in[2] = int32_bias(c, n, 6, in[0], in[1]))))
		return -1;
	Value *y = float_op(c, n, "Gemm", in, 3);
	if (!y)
		return -1;
	if (imp_has(n, 7))
		return quantize_to(c, n, y, 7, 0, NULL);
	return sym_bind_value(c, n->p->output[0], y,
		ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT);
}

/* QLinearAdd, QLinearMul (A, As, Az, B, Bs, Bz, Cs, Cz) */
static int binary(Ctx *c, NodeCtx *n, const char *op_type)
{
	Value *in[2] = {dequantize_of(c, n, 0, 1, "_adq"), NULL};
	if (!in[0] || !(in[1] = dequantize_of(c, n, 3, 1, "_bdq")))
		return -1;
	Value *y = float_op(c, n, op_type, in, 2);
	return y ? quantize_to(c, n, y, 6, 0, NULL) : -1;
}

static int import_qlinear_add(Ctx *c, NodeCtx *n)
{
	return binary(c, n, "Add");
}

static int import_qlinear_mul(Ctx *c, NodeCtx *n)
{
	return binary(c, n, "Mul");
}

static int import_qlinear_global_avgpool(Ctx *c, NodeCtx *n)
{
	int64_t last;
	if (imp_attr_int(c, n, "channels_last", 0, &last))
		return -1;
	if (last)
		return imp_reject(c, n, "channels_last=1 is not supported");
	Value *x = dequantize_of(c, n, 0, 1, "_xdq");
	Value *y = x ? float_op(c, n, "GlobalAveragePool", &x, 1) : NULL;
	return y ? quantize_to(c, n, y, 3, 0, NULL) : -1;
}

/* QLinearConcat (Ys, Yz, X1, X1s, X1z, ...) */
static int import_qlinear_concat(Ctx *c, NodeCtx *n)
{
	Value *in[4];
	int k = 0;
	if ((n->nin - 2) % 3 || n->nin < 5 || n->nin > 2 + 3 * 4)
		return imp_reject(c, n, "expected Y's scale and zero point, then 1 "
			"to 4 triples (X, scale, zero point)");
	for (int i = 2; i + 2 < n->nin; i += 3)
		if (!(in[k++] = dequantize_of(c, n, i, 1, "_dq")))
			return -1;
	Value *y = float_op(c, n, "Concat", in, k);
	if (!y)
		return -1;
	/* quantize_to reads the scale and zero point at 0, 1 */
	return quantize_to(c, n, y, 0, 0, NULL);
}

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"ConvInteger", 10, 0, 0xc, import_conv_integer,
	 "auto_pad dilations group kernel_shape pads strides",
	 "conv of x - xz and w - wz in float, int32 out (exact below 2^24)"},
	{"DequantizeLinear", 10, 0, 0x6, import_dequantize_linear,
	 "axis block_size",
	 "dequantize; per tensor or axis, int4/8/16/32, uint4/8/16; qdq_elim "
	 "folds it"},
	{"DynamicQuantizeLinear", 11, 0, 0, import_dynamic_quantize_linear, "",
	 "dynquant (y, scale, zero point from the run-time range); in ONNX "
	 "Runtime's dynamic quantization, the float op on dequantized weights"},
	{"MatMulInteger", 10, 0, 0xc, import_matmul_integer, "",
	 "matmul of A - az and B - bz in float, int32 out (exact below 2^24)"},
	{"QLinearConv", 10, 0, 0x1f6, import_qlinear_conv,
	 "auto_pad dilations group kernel_shape pads strides",
	 "dequantize, conv, quantize (qdq_elim folds the pairs)"},
	{"QLinearMatMul", 10, 0, 0xf6, import_qlinear_matmul, "",
	 "dequantize, matmul, quantize (qdq_elim folds the pairs)"},
	{"QuantizeLinear", 10, 0, 0x6, import_quantize_linear,
	 "axis block_size output_dtype saturate",
	 "quantize; int8/uint8/int16/uint16; per tensor, or per axis "
	 "(constants fold, activations only in the interpreter); qdq_elim folds "
	 "it"},
};

const OnnxOpTable onnx_quant_table = ONNX_OP_TABLE(rows);

/* com.microsoft, version 1 (opsets unchecked) */
static const OnnxOp contrib_rows[] = {
	{"QGemm", 1, 0, 0x1f6 | 0x180, import_qgemm, "alpha transA transB",
	 "dequantize, gemm, quantize (float output without Y's scale)"},
	{"QLinearAdd", 1, 0, 0xf6, import_qlinear_add, "",
	 "dequantize, add, quantize"},
	{"QLinearConcat", 1, 0, 0, import_qlinear_concat, "axis",
	 "dequantize, concat, quantize; up to 4 inputs"},
	{"QLinearGlobalAveragePool", 1, 0, 0x1e, import_qlinear_global_avgpool,
	 "channels_last", "dequantize, global average pool, quantize"},
	{"QLinearMul", 1, 0, 0xf6, import_qlinear_mul, "",
	 "dequantize, mul, quantize"},
};

const OnnxOp *onnx_contrib_find(const char *op_type)
{
	for (size_t i = 0; i < sizeof contrib_rows / sizeof *contrib_rows; i++)
		if (!strcmp(contrib_rows[i].op_type, op_type))
			return &contrib_rows[i];
	return NULL;
}
