/* fold_bn.c - folds an inference batchnorm into the conv2d or dense before it.
 *
 * requires: the BN's four parameters, the weights and the bias (if any) are
 *   f32 constants; the conv/dense output feeds only the BN; no fused
 *   activation on the conv/dense yet.
 * guarantees: the BN is gone; the node computes the same function with new
 *   constants `W_f` and `B_f` (`W_b_f` without a bias); bn_beta and bn_gamma
 *   hold the BN's beta and |gamma| per channel (the output's expected mean
 *   and standard deviation, for the `bn` estimator). Nothing else changes.
 * maths: bn(y) = gamma (y - mean) / sqrt(var + eps) + beta. With
 *   a = gamma / sqrt(var + eps) per output channel c (computed in double):
 *   W_f[c, ...] = a[c] W[c, ...],  B_f[c] = a[c] (B[c] - mean[c]) + beta[c]
 *   (dense with trans_w=0 stores W as [K, M]: column c is scaled instead).
 */
#include <math.h>
#include <string.h>

#include "ir.h"

static int is_f32_const(const Value *v, int64_t numel)
{
	return v && v->kind == VAL_CONST && v->data && v->type.elem == DT_F32 &&
		!v->type.q.present && type_numel(&v->type) == numel;
}

/* The conv2d or dense the BN can be folded into, or NULL. */
static Node *foldable(const Node *bn)
{
	const Value *y = bn->in[0];
	if (y->kind != VAL_NODE || y->nuse != 1 || y->is_output)
		return NULL;
	Node *p = y->def;
	if (p->dead || !op_has(p->op, OPF_LAYER))
		return NULL;
	if (attr_float(p, "act_min") != -INFINITY ||
	    attr_float(p, "act_max") != INFINITY)
		return NULL;
	if (y->type.rank < 2 || y->type.q.present)
		return NULL;
	int64_t c = y->type.dims[1];
	for (int i = 1; i < 5; i++)
		if (!is_f32_const(bn->in[i], c) || bn->in[i]->type.rank != 1)
			return NULL;
	const Value *w = p->in[1];
	const Value *b = p->nin > 2 ? p->in[2] : NULL;
	if (!is_f32_const(w, type_numel(&w->type)) || (b && !is_f32_const(b, c)))
		return NULL;
	return p;
}

static const char *suffixed(Graph *g, const char *name, const char *suffix)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s%s", name, suffix);
	return graph_fresh_name(g, buf);
}

static void fold(Graph *g, Node *bn, Node *p)
{
	Value *w = p->in[1], *b = p->nin > 2 ? p->in[2] : NULL;
	const float *gamma = bn->in[1]->data, *beta = bn->in[2]->data;
	const float *mean = bn->in[3]->data, *var = bn->in[4]->data;
	double eps = attr_float(bn, "epsilon");
	int64_t nc = p->out->type.dims[1], numel = type_numel(&w->type);
	/* weight element i belongs to channel (i / inner) % nc */
	int64_t inner = numel / nc;
	if (p->op == OP_DENSE && attr_int(p, "trans_w") == 0)
		inner = 1;

	Value *wf = graph_add_const(g, suffixed(g, w->name, "_f"), &w->type,
		graph_alloc_data(g, &w->type), p->loc);
	Type bt = {.elem = DT_F32, .rank = 1, .dims = {nc}};
	Value *bf = graph_add_const(g, b ? suffixed(g, b->name, "_f") :
		suffixed(g, w->name, "_b_f"), &bt, graph_alloc_data(g, &bt), p->loc);

	double *a = arena_alloc(&g->arena, nc * sizeof *a);
	double *bn_beta = arena_alloc(&g->arena, nc * sizeof *bn_beta);
	double *bn_gamma = arena_alloc(&g->arena, nc * sizeof *bn_gamma);
	for (int64_t c = 0; c < nc; c++) {
		a[c] = gamma[c] / sqrt((double)var[c] + eps);
		double bias = b ? ((const float *)b->data)[c] : 0.0;
		((float *)bf->data)[c] = (float)(a[c] * (bias - mean[c]) + beta[c]);
		bn_beta[c] = beta[c];
		bn_gamma[c] = fabs(gamma[c]);
	}
	const float *wsrc = w->data;
	float *wdst = wf->data;
	for (int64_t i = 0; i < numel; i++)
		wdst[i] = (float)(wsrc[i] * a[(i / inner) % nc]);

	node_set_input(p, 1, wf);
	if (p->nin > 2) {
		node_set_input(p, 2, bf);
	} else {
		/* widen the input list to take the new bias */
		Value **in = arena_alloc(&g->arena, 3 * sizeof *in);
		memcpy(in, p->in, p->nin * sizeof *in);
		in[2] = bf;
		bf->nuse++;
		p->in = in;
		p->nin = 3;
	}
	attr_set_floats(g, p, "bn_beta", bn_beta, (int)nc);
	attr_set_floats(g, p, "bn_gamma", bn_gamma, (int)nc);
	graph_take_over(g, bn, p);
}

int pass_fold_bn(Graph *g, const Options *o)
{
	(void)o;
	for (int i = 0; i < g->nnodes; i++) {
		Node *n = g->nodes[i];
		if (n->dead || n->op != OP_BATCHNORM)
			continue;
		Node *p = foldable(n);
		if (p)
			fold(g, n, p);
	}
	graph_compact(g);
	return 0;
}
