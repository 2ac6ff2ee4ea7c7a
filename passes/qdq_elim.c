/* qdq_elim.c - turns a QDQ model's quantize/dequantize pairs into qcc's
 * quantized types, so that the rest of the pipeline compiles it without
 * calibration data.
 *
 * 1. A dequantize of a constant folds into an f32 constant; weights (8
 *    bits or fewer) keep their q(...) so that quantize reproduces their
 *    integers and scales exactly, at the narrowest width whose restricted
 *    range [-(2^(b-1)-1), 2^(b-1)-1] holds them (4-bit weights stored as
 *    int8 stay 4-bit); a nonzero zero point zw folds into them: per
 *    channel (w - zw) / f on the scale s f, f the common factor of the
 *    w - zw (9 bits where they leave [-127, 127]); an int32 bias at
 *    s_x s_w becomes the float it stands for (quantize finds the same
 *    integers again).
 * 2. A pair x_q = quantize(x), x_dq = dequantize(x_q) puts x_q's q on x
 *    (a uint8 q becomes int8 with zp - 128: the same reals, codes moved by
 *    128), and x_dq's readers read x: the q(...) the range pass would have
 *    written. Both nodes go.
 * 3. matmul(x, w) of a 2-D x and w now constant is dense(x, w); dense(x,
 *    w) + b, the Gemm of a non-constant bias, is dense(x, w, b) again
 *    once b is constant.
 *
 * requires: a float graph (a lowered one is left alone).
 * guarantees: no quantize or dequantize node; every value a pair marked
 *   has a per-tensor 8-bit q(...), or 16-bit with zero point 0 (int16
 *   pairs). A quantize whose output is read by anything else than a
 *   dequantize, an int16 pair with a nonzero zero point and a per-axis
 *   pair are errors naming the node.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* The graph has integer ops other than the boundary: already lowered. */
static int lowered(const Graph *g)
{
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (!n->dead && op_has(n->op, OPF_INT) && n->op != OP_QUANTIZE &&
		    n->op != OP_DEQUANTIZE)
			return 1;
	}
	return 0;
}

/* Whether matmul node m becomes a dense layer (3a: both operands 2-D,
 * the second constant once its dequantize folds). */
static int dense_matmul(const Node *m)
{
	return m->op == OP_MATMUL && m->in[0]->type.rank == 2 &&
		m->in[1]->type.rank == 2;
}

/* The output-channel axis of v when it is read as the weights (input 1)
 * of a layer (0: [OC, ...]; 1: a dense's [K, M] with trans_w=0), or of a
 * matmul that becomes one (1); -1 when it is not. */
static int weights_axis(const Graph *g, const Value *v)
{
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead || n->nin < 2 || n->in[1] != v)
			continue;
		if (dense_matmul(n))
			return 1;
		if (op_has(n->op, OPF_LAYER))
			return op_attr_index(n->op, "trans_w") >= 0 &&
				!attr_int(n, "trans_w");
	}
	return -1;
}

/* Weights a blocked dequantize folded into: their layer takes its groups
 * (wgroup, wgmult) once the matmuls are dense layers. */
typedef struct {
	const Value *w;
	int64_t group;
	const int64_t *mult;   /* the dequantize's wgmult */
	int nmult;
} Groups;

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Weights with a nonzero zero point (ONNX Runtime's older asymmetric
 * uint8 weights), folded into symmetric ones with the same reals: in *q,
 * per channel c along axis, w' = (w - zp[c]) / f[c] on the scale
 * scale[c] * f[c], f[c] the greatest common divisor of the channel's
 * w - zp[c], zero point 0; the codes w' in *out (arena). The 8-bit codes
 * and zero points put every w' in [-255, 255]: 9-bit weights at most, 8
 * where the channels' w' fit [-127, 127] (the factor helps there). */
static void fold_zero_points(Graph *g, const Node *n, int axis, QParams *q,
	const int32_t **out)
{
	const Type *t = &n->in[0]->type;
	const int32_t *w = n->in[0]->data;
	int64_t ch = t->dims[axis], inner = 1, count = type_numel(t);
	for (int d = axis + 1; d < t->rank; d++)
		inner *= t->dims[d];
	*q = (QParams){.present = 1, .axis = axis, .n = (int)ch};
	q->scale = arena_alloc(&g->arena, ch * sizeof *q->scale);
	q->zp = arena_alloc(&g->arena, ch * sizeof *q->zp);
	/* per channel: the common factor f of w - zp */
	int64_t *f = arena_alloc(&g->arena, ch * sizeof *f);
	int32_t *d = arena_alloc(&g->arena, count * sizeof *d);
	for (int64_t i = 0; i < count; i++) {
		int64_t c = i / inner % ch;
		d[i] = w[i] - t->q.zp[t->q.n > 1 ? c : 0];
		f[c] = gcd64(f[c], d[i] < 0 ? -(int64_t)d[i] : d[i]);
	}
	for (int64_t c = 0; c < ch; c++) {
		int k = t->q.n > 1 ? (int)c : 0;
		f[c] = f[c] ? f[c] : 1;
		q->scale[c] = (float)((double)t->q.scale[k] * (double)f[c]);
	}
	for (int64_t i = 0; i < count; i++)
		d[i] = (int32_t)(d[i] / f[i / inner % ch]);
	*out = d;
}

/* 1. dequantize(constant) -> an f32 constant. */
static int fold_const(Graph *g, Node *n, Value **to, Groups *gr, int *ngr)
{
	const Value *x = n->in[0];
	const Type *t = &x->type;
	Type ft = *t;
	ft.elem = DT_F32;
	ft.q.present = 0;
	float *d = graph_alloc_data(g, &ft);
	const void *in[1] = {x->data};
	op_info(OP_DEQUANTIZE)->eval(n, in, d);
	int axis = dtype_bits(t->elem) <= 8 ? weights_axis(g, n->out) : -1;
	if (axis >= 0) {
		if (t->q.n > 1 && t->q.axis != axis) {
			diag_error(n->loc, "node '%s' (dequantize): weights quantized "
				"per axis %d; qcc's weights have one scale per output "
				"channel (axis %d here)", n->out->name, t->q.axis, axis);
			return -1;
		}
		/* the codes and q to keep: a zero point folds into them */
		const int32_t *w = x->data;
		QParams wq = t->q;
		for (int i = 0; i < t->q.n; i++)
			if (t->q.zp[i] != 0) {
				fold_zero_points(g, n, axis, &wq, &w);
				break;
			}
		/* the narrowest restricted range holding the integers: QAT's
		 * 4-bit weights in int8 storage stay 4-bit */
		int64_t amax = 0;
		for (int64_t i = 0; i < type_numel(t); i++)
			amax = w[i] < 0 ? (-w[i] > amax ? -w[i] : amax) :
				(w[i] > amax ? w[i] : amax);
		int bits = 2, zero = 0;
		int wmax = w != x->data ? 9 : dtype_bits(t->elem);
		while (bits < wmax && amax > (1 << (bits - 1)) - 1)
			bits++;
		for (int64_t i = 0; i < type_numel(t) && !zero; i++)
			zero = w[i] == 0;
		if (amax == 1 && !zero)
			bits = 1;   /* binary: -1 and +1 only */
		ft.q = wq;
		ft.q.bits = bits;
	}
	int64_t G = attr_int(n, "wgroup");
	if (G && (axis < 0 || ft.q.bits > 4 || ft.q.bits < 2)) {
		diag_error(n->loc, "node '%s' (dequantize): blocked scales on %s; "
			"qcc's group-wise scales are on weights of 2 to 4 bits",
			n->out->name, axis < 0 ? "a constant that is not a layer's "
			"weights" : ft.q.bits > 4 ? "weights of more than 4 bits" :
			"binary weights");
		return -1;
	}
	to[n->out->id] = graph_add_const(g, graph_fresh_name(g, n->out->name),
		&ft, d, n->loc);
	if (G) {
		Groups *e = &gr[(*ngr)++];
		e->w = to[n->out->id];
		e->group = G;
		e->mult = attr_ints(n, "wgmult", &e->nmult);
	}
	node_kill(g, n);
	return 0;
}

/* 4. each layer on grouped weights takes their groups */
static void set_groups(Graph *g, const Groups *gr, int ngr)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		for (int i = 0; i < ngr && !n->dead && op_has(n->op, OPF_LAYER); i++)
			if (n->in[1] == gr[i].w) {
				attr_set_int(g, n, "wgroup", gr[i].group);
				attr_set_ints(g, n, "wgmult", gr[i].mult, gr[i].nmult);
			}
	}
}

/* The per-tensor q of x_q, as the f32 value's int8 (or 16-bit) grid. */
static int pair_q(Graph *g, const Node *q, QParams *out)
{
	const Type *t = &q->out->type;
	if (t->q.axis >= 0) {
		diag_error(q->loc, "node '%s' (quantize): activations quantized per "
			"axis (axis %d) are not supported; qcc quantizes activations per "
			"tensor", q->out->name, t->q.axis);
		return -1;
	}
	if (t->elem != DT_U8 && t->elem != DT_I8 && t->elem != DT_I16) {
		diag_error(q->loc, "node '%s' (quantize): %s activations from "
			"QuantizeLinear are not supported (int8, uint8, int16)",
			q->out->name, dtype_name(t->elem));
		return -1;
	}
	if (t->elem == DT_I16 && t->q.zp[0] != 0) {
		diag_error(q->loc, "node '%s' (quantize): int16 activations with "
			"zero point %d; qcc's 16-bit activations are symmetric (zero "
			"point 0)", q->out->name, (int)t->q.zp[0]);
		return -1;
	}
	*out = t->q;
	out->scale = arena_alloc(&g->arena, sizeof *out->scale);
	out->zp = arena_alloc(&g->arena, sizeof *out->zp);
	out->scale[0] = t->q.scale[0];
	out->zp[0] = t->q.zp[0] - (t->elem == DT_U8 ? 128 : 0);
	out->bits = t->elem == DT_I16 ? 16 : 8;
	return 0;
}

/* 2. x_dq = dequantize(quantize(x)): x takes the q, x_dq's readers x. */
static int fold_pair(Graph *g, Node *n, Value **to)
{
	Node *q = n->in[0]->def;
	Value *x = q->in[0];
	QParams p;
	if (pair_q(g, q, &p) < 0)
		return -1;
	if (x->type.q.present && (x->type.q.scale[0] != p.scale[0] ||
	    x->type.q.zp[0] != p.zp[0])) {
		diag_error(q->loc, "node '%s' (quantize): '%s' is quantized twice "
			"with different scales or zero points", q->out->name, x->name);
		return -1;
	}
	x->type.q = p;
	if (n->out->is_output && x->kind == VAL_NODE && x->nuse == 1) {
		graph_take_over(g, n, x->def);   /* the output keeps its name */
		return 0;
	}
	to[n->out->id] = x;
	node_kill(g, n);
	return 0;
}

/* A quantize left with readers: a Q without its DQ. */
static int check_quantize(Graph *g, Node *n)
{
	if (n->out->nuse == 0 && !n->out->is_output) {
		node_kill(g, n);
		return 0;
	}
	diag_error(n->loc, "node '%s' (quantize): its integer output is %s, "
		"not dequantized; qcc compiles QuantizeLinear -> DequantizeLinear "
		"pairs", n->out->name, n->out->is_output ? "a graph output" :
		"read by another op");
	return -1;
}

/* 3a. matmul(x, w) of a 2-D x and the 2-D constant w a dequantize
 * folded into: dense(x, w) with trans_w=0, as the importer makes of a
 * constant B. */
static void make_dense(Graph *g, int k)
{
	Node *m = g->nodes[k];
	if (m->dead || !dense_matmul(m) || m->in[1]->kind != VAL_CONST)
		return;
	Node *d = graph_insert_node(g, k, OP_DENSE, m->in, 2,
		graph_fresh_name(g, m->out->name), &m->out->type, m->loc);
	attr_set_int(g, d, "trans_w", 0);
	graph_take_over(g, m, d);
}

/* 3b. y = add(dense(x, w), b), b a constant of the dense's M outputs:
 * dense(x, w, b). */
static void fuse_bias(Graph *g, int k)
{
	Node *a = g->nodes[k];
	if (a->dead || a->op != OP_ADD || a->in[0]->kind != VAL_NODE)
		return;
	Node *d = a->in[0]->def;
	Value *b = a->in[1];
	const Type *yt = &d->out->type;
	if (d->op != OP_DENSE || d->nin > 2 || d->out->nuse != 1 ||
	    d->out->is_output || b->kind != VAL_CONST || b->type.rank != 1 ||
	    b->type.elem != DT_F32 || b->type.dims[0] != yt->dims[yt->rank - 1] ||
	    attr_float(a, "act_min") != -INFINITY ||
	    attr_float(a, "act_max") != INFINITY)
		return;
	Value *in[3] = {d->in[0], d->in[1], b};
	Node *f = graph_insert_node(g, k, OP_DENSE, in, 3,
		graph_fresh_name(g, d->out->name), &a->out->type, a->loc);
	for (int i = 0; i < op_info(OP_DENSE)->nattr; i++)
		f->attr[i] = d->attr[i];
	graph_take_over(g, a, f);
	node_kill(g, d);
}

int pass_qdq_elim(Graph *g, const Options *o)
{
	(void)o;
	if (lowered(g))
		return 0;
	int rc = 0, nto = g->nvalues, ngr = 0;
	Value **to = calloc(nto + 1, sizeof *to);
	Groups *gr = calloc(g->nnodes + 1, sizeof *gr);
	if (!to || !gr)
		abort();
	for (int k = 0; k < g->nnodes && rc == 0; k++) {
		Node *n = g->nodes[k];
		if (n->dead || n->op != OP_DEQUANTIZE)
			continue;
		if (n->in[0]->kind == VAL_CONST)
			rc = fold_const(g, n, to, gr, &ngr);
		else if (n->in[0]->kind == VAL_NODE &&
			n->in[0]->def->op == OP_QUANTIZE)
			rc = fold_pair(g, n, to);
	}
	if (rc == 0)
		graph_replace_uses_by(g, to, nto);
	free(to);
	for (int k = 0; k < g->nnodes && rc == 0; k++)
		if (!g->nodes[k]->dead && g->nodes[k]->op == OP_QUANTIZE)
			rc = check_quantize(g, g->nodes[k]);
	for (int k = 0; k < g->nnodes && rc == 0; k++)
		make_dense(g, k);
	for (int k = 0; k < g->nnodes && rc == 0; k++)
		fuse_bias(g, k);
	if (rc == 0)
		set_groups(g, gr, ngr);
	free(gr);
	if (rc == 0)
		graph_compact(g);
	return rc;
}
