/* token_dense.c - a matmul of activations by a constant matrix becomes a
 * dense layer over the rows.
 *
 * requires: matmul(x, w) with x a float activation of rank >= 3 [..., K]
 *   and w a float constant [K, M] (the linear layers of a transformer on
 *   its tokens, as torch.onnx.export writes them: MatMul, then Add of the
 *   bias).
 * guarantees: reshape(x, [P, K]) -> dense(trans_w=0, w[, b]) -> reshape to
 *   [..., M], P the product of x's leading dims; when the matmul's only
 *   reader is an add of a constant holding M values along the last axis
 *   (shape [M] or [1, ..., 1, M]) with no clamp, the constant becomes the
 *   dense's bias and the add is gone. The result keeps the name of the
 *   value it replaces. Both reshapes are views (the memory plan gives them
 *   no bytes).
 * why: a matmul's constant operand is quantized like an activation, one
 *   scale for the whole matrix at the activation width; as a dense the
 *   weights get per-channel scales at --weight-bits, the bias is folded in
 *   int32, and every target's dense kernels apply. The float function is
 *   the same (each output is the same dot product plus bias).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* The bias vector the add a reads besides y, or NULL if a is not a plain
 * add of M constants along the last axis. */
static Value *bias_of(const Node *a, const Value *y, int64_t M)
{
	if (a->op != OP_ADD || a->dead || attr_float(a, "act_min") != -INFINITY ||
	    attr_float(a, "act_max") != INFINITY)
		return NULL;
	Value *b = a->in[0] == y ? a->in[1] : a->in[1] == y ? a->in[0] : NULL;
	if (!b || b == y || b->kind != VAL_CONST || b->type.elem != DT_F32 ||
	    b->type.q.present || b->type.rank < 1 ||
	    b->type.rank > y->type.rank ||
	    b->type.dims[b->type.rank - 1] != M || type_numel(&b->type) != M ||
	    !type_same_shape(&a->out->type, &y->type))
		return NULL;
	return b;
}

static Node *add_node(Graph *g, int pos, int op, Value **in, int nin,
	const char *base, int rank, const int64_t *dims, Loc loc)
{
	Type t = {0};
	t.elem = DT_F32;
	t.rank = rank;
	memcpy(t.dims, dims, rank * sizeof *dims);
	return graph_insert_node(g, pos, op, in, nin, graph_fresh_name(g, base),
		&t, loc);
}

int pass_token_dense(Graph *g, const Options *o)
{
	(void)o;
	int nto = g->nvalues;
	/* per value with one reader: that reader */
	Node **reader = calloc(nto + 1, sizeof *reader);
	Value **to = calloc(nto + 1, sizeof *to);
	Value **named = calloc(nto + 1, sizeof *named);
	if (!reader || !to || !named)
		abort();
	for (int k = 0; k < g->nnodes; k++)
		for (int i = 0; i < g->nodes[k]->nin; i++) {
			Value *v = g->nodes[k]->in[i];
			if (v && v->id < nto && v->nuse == 1)
				reader[v->id] = g->nodes[k];
		}
	int nnodes = g->nnodes, any = 0;
	graph_defer_inserts(g);
	for (int k = 0; k < nnodes; k++) {
		Node *n = g->nodes[k];
		Value *x = n->in[0], *w = n->nin > 1 ? n->in[1] : NULL;
		if (n->dead || n->op != OP_MATMUL || x->type.elem != DT_F32 ||
		    x->type.q.present || x->type.rank < 3 || !w ||
		    w->kind != VAL_CONST || w->type.elem != DT_F32 ||
		    w->type.q.present || w->type.rank != 2 ||
		    w->type.dims[0] != x->type.dims[x->type.rank - 1])
			continue;
		const Type *yt = &n->out->type;
		int64_t K = w->type.dims[0], M = w->type.dims[1], P = 1;
		for (int d = 0; d < x->type.rank - 1; d++)
			P *= x->type.dims[d];
		Node *a = n->out->is_output || n->out->id >= nto ? NULL :
			reader[n->out->id];
		Value *b = a ? bias_of(a, n->out, M) : NULL;
		Value *last = b ? a->out : n->out;
		if (b && b->type.rank != 1) {
			Type bt = b->type;
			bt.rank = 1;
			bt.dims[0] = M;
			b = graph_add_const(g, graph_fresh_name(g, b->name), &bt,
				b->data, b->loc);
		}
		int64_t rows[2] = {P, K}, outs[2] = {P, M};
		Node *r1 = add_node(g, k, OP_RESHAPE, &x, 1, n->out->name, 2, rows,
			n->loc);
		attr_set_ints(g, r1, "shape", rows, 2);
		Value *din[3] = {r1->out, w, b};
		Node *d = add_node(g, k, OP_DENSE, din, b ? 3 : 2, n->out->name, 2,
			outs, n->loc);
		attr_set_int(g, d, "trans_w", 0);
		Node *r2 = add_node(g, k, OP_RESHAPE, &d->out, 1, last->name,
			yt->rank, yt->dims, n->loc);
		attr_set_ints(g, r2, "shape", yt->dims, yt->rank);
		to[last->id] = r2->out;
		named[last->id] = r2->out;
		node_kill(g, n);
		if (b)
			node_kill(g, a);
		any = 1;
	}
	graph_flush_inserts(g);
	if (any) {
		graph_replace_uses_by(g, to, nto);
		/* the result takes the replaced value's name */
		for (int i = 0; i < nto; i++)
			if (named[i]) {
				Value *old = g->values[i];
				const char *name = old->name;
				graph_rename(g, old, graph_fresh_name(g, "dead"));
				graph_rename(g, named[i], name);
			}
		graph_compact(g);
	}
	free(reader);
	free(to);
	free(named);
	return 0;
}
