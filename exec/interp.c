/* interp.c - runs a verified graph node by node through the kernels named
 * in ops.def. One buffer per value, kept until exec_free so that callers
 * (calibration, tests, the sensitivity report) can read any intermediate:
 * a constant's buffer is its data in the graph, every other value gets a
 * malloc'd buffer of type_numel entries (float for f32, int32_t otherwise,
 * both 4 bytes).
 */
#include <assert.h>
#include <stdlib.h>

#include "batch.h"
#include "ir.h"
#include "qarith.h"
#include "wpack.h"

int exec_rounding = ROUND_AWAY;

void exec_set_rounding(int mode)
{
	exec_rounding = mode;
}

int64_t exec_round_shift(int64_t p, int n, int mode)
{
	int saved = exec_rounding;
	exec_rounding = mode;
	int64_t r = rshift_round(p, n);
	exec_rounding = saved;
	return r;
}

struct Exec {
	const Graph *g;
	void **buf;        /* indexed by value id */
	char *owned;       /* buf[i] was malloc'd here */
	ExecHook hook;
	void *user;
	int ran, skipped;  /* by the last exec_run */
	/* per node index: the weights of a qconv2d or qdense as its kernel
	 * reads them (exec/wpack.c), made at its first run, kept until
	 * exec_free; wown[k] malloc'd here (NULL when they are the constant) */
	const int32_t **wread;
	int32_t **wown;
	/* per node index: a float conv2d's weights without its dead taps
	 * (conv2d_prepare), made at its first run when prepped[k] is 0 */
	ConvPrep **prep;
	char *prepped;
	/* per node index: its inputs after the first are the same in every
	 * sample (constants, or computed from constants alone), so that the
	 * batched kernels may take image 0's for all */
	char *shared;
};

/* shared[k] for every node k (see Exec). The nodes are in order, so a
 * value's producer is seen before its users. */
static void mark_shared(const Graph *g, char *shared)
{
	char *same = calloc(g->nvalues ? g->nvalues : 1, 1);
	if (!same)
		abort();
	for (int i = 0; i < g->nvalues; i++)
		same[i] = g->values[i]->kind == VAL_CONST;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		int rest = 1;
		for (int i = 1; i < n->nin; i++)
			rest &= !n->in[i] || same[n->in[i]->id];
		shared[k] = rest;
		same[n->out->id] = rest && (n->nin < 1 || !n->in[0] ||
			same[n->in[0]->id]);
	}
	free(same);
}

Exec *exec_new(const Graph *g)
{
	Exec *e = calloc(1, sizeof *e);
	int n = g->nvalues ? g->nvalues : 1;
	int nn = g->nnodes ? g->nnodes : 1;
	if (!e || !(e->buf = calloc(n, sizeof *e->buf)) ||
	    !(e->owned = calloc(n, 1)) ||
	    !(e->wread = calloc(nn, sizeof *e->wread)) ||
	    !(e->wown = calloc(nn, sizeof *e->wown)) ||
	    !(e->prep = calloc(nn, sizeof *e->prep)) ||
	    !(e->prepped = calloc(nn, 1)) || !(e->shared = calloc(nn, 1)))
		abort();
	e->g = g;
	mark_shared(g, e->shared);
	for (int i = 0; i < g->nvalues; i++) {
		const Value *v = g->values[i];
		assert(v->id == i);
		if (v->kind == VAL_CONST) {
			e->buf[i] = v->data;
			continue;
		}
		int64_t numel = type_numel(&v->type);
		e->buf[i] = calloc(numel ? numel : 1, 4);
		if (!e->buf[i])
			abort();
		e->owned[i] = 1;
	}
	return e;
}

void exec_free(Exec *e)
{
	if (!e)
		return;
	for (int i = 0; i < e->g->nvalues; i++)
		if (e->owned[i])
			free(e->buf[i]);
	for (int k = 0; k < e->g->nnodes; k++) {
		free(e->wown[k]);
		conv2d_prep_free(e->prep[k]);
	}
	free(e->buf);
	free(e->owned);
	free(e->wread);
	free(e->wown);
	free(e->prep);
	free(e->prepped);
	free(e->shared);
	free(e);
}

void *exec_buffer(Exec *e, const Value *v)
{
	assert(v->id >= 0 && v->id < e->g->nvalues && e->g->values[v->id] == v);
	return e->buf[v->id];
}

void exec_fill(Exec *e, const Value *v, const Npy *a, int64_t s)
{
	int64_t per = type_numel(&v->type), at = s * per;
	void *buf = exec_buffer(e, v);
	for (int64_t k = 0; k < per; k++) {
		if (v->type.elem == DT_F32)
			((float *)buf)[k] = a->is_float ? a->f[at + k] :
				(float)a->i[at + k];
		else
			((int32_t *)buf)[k] = (int32_t)a->i[at + k];
	}
}

void exec_set_hook(Exec *e, ExecHook hook, void *user)
{
	e->hook = hook;
	e->user = user;
}

/* The graph inputs and constants through the hook. */
static void hook_sources(Exec *e)
{
	if (e->hook)
		for (int i = 0; i < e->g->nvalues; i++)
			if (e->g->values[i]->kind != VAL_NODE)
				e->hook(e->user, NULL, e->g->values[i], e->buf[i]);
}

static int max_inputs(const Graph *g)
{
	int max_in = 1;
	for (int k = 0; k < g->nnodes; k++)
		if (g->nodes[k]->nin > max_in)
			max_in = g->nodes[k]->nin;
	return max_in;
}

/* Node k's input buffers into in[]; a qconv2d's or qdense's weights as
 * read back at its first run and kept in wread[k] (wpack_weights: packed
 * sub-byte weights as int32 codes, the others as they are). */
static void node_inputs(Exec *e, int k, const void **in)
{
	const Node *n = e->g->nodes[k];
	for (int i = 0; i < n->nin; i++)
		in[i] = n->in[i] ? e->buf[n->in[i]->id] : NULL;
	if (n->op != OP_QCONV2D && n->op != OP_QDENSE)
		return;
	if (!e->wread[k] &&
	    !(e->wread[k] = wpack_weights(n, in[1], &e->wown[k])))
		abort();
	in[1] = e->wread[k];
}

/* The batched kernel of node k (interpreter e's, whose prepared weights
 * it takes), if its op has one; -1 if not. */
static int run_batched(Exec *e, int k, const void *const *const *in,
	void *const *out, int nb)
{
	const Node *n = e->g->nodes[k];
	if (n->out->type.elem != DT_F32 || (nb > 1 && !e->shared[k]))
		return -1;
	if (n->op == OP_CONV2D) {
		if (!e->prepped[k]) {
			e->prep[k] = conv2d_prepare(n, in[0][1]);
			e->prepped[k] = 1;
		}
		return eval_conv2d_act_batch(n, e->prep[k], in, out, nb);
	}
	if (n->op == OP_DENSE)
		return eval_dense_act_batch(n, in, out, nb);
	return -1;
}

void exec_run(Exec *e)
{
	const Graph *g = e->g;
	exec_set_rounding(g->rounding);
	hook_sources(e);
	const void **in = malloc(max_inputs(g) * sizeof *in);
	Guard *guard = malloc((g->nnodes ? g->nnodes : 1) * sizeof *guard);
	if (!in || !guard)
		abort();
	graph_guards(g, guard);
	e->ran = e->skipped = 0;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		if (guard[k].cond && (*(const int32_t *)e->buf[guard[k].cond->id]
				!= 0) != guard[k].when) {
			e->skipped++;
			continue;
		}
		e->ran++;
		node_inputs(e, k, in);
		void *out = e->buf[n->out->id];
		/* a float conv2d as a batch of one, to use its prepared weights */
		const void *const *one[1] = {in};
		if (n->op != OP_CONV2D || run_batched(e, k, one, &out, 1) < 0)
			op_info(n->op)->eval(n, in, out);
		if (e->hook)
			e->hook(e->user, n, n->out, out);
	}
	free(in);
	free(guard);
}

static int has_guards(const Graph *g)
{
	Guard *guard = malloc((g->nnodes ? g->nnodes : 1) * sizeof *guard);
	if (!guard)
		abort();
	graph_guards(g, guard);
	int any = 0;
	for (int k = 0; k < g->nnodes; k++)
		any |= guard[k].cond != NULL;
	free(guard);
	return any;
}

void exec_run_batch(Exec *const *e, int nb)
{
	if (nb <= 0)
		return;
	const Graph *g = e[0]->g;
	if (nb == 1 || nb > EXEC_MAX_BATCH || has_guards(g)) {
		for (int i = 0; i < nb; i++)
			exec_run(e[i]);
		return;
	}
	exec_set_rounding(g->rounding);
	for (int i = 0; i < nb; i++) {
		assert(e[i]->g == g);
		hook_sources(e[i]);
		e[i]->ran = e[i]->skipped = 0;
	}
	int max_in = max_inputs(g);
	const void **buf = malloc((size_t)(nb * max_in) * sizeof *buf);
	if (!buf)
		abort();
	const void **in[EXEC_MAX_BATCH];
	void *out[EXEC_MAX_BATCH];
	for (int i = 0; i < nb; i++)
		in[i] = buf + i * max_in;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < nb; i++) {
			e[i]->ran++;
			node_inputs(e[i], k, in[i]);
			out[i] = e[i]->buf[n->out->id];
		}
		if (run_batched(e[0], k, (const void *const *const *)in, out,
				nb) < 0)
			for (int i = 0; i < nb; i++)
				op_info(n->op)->eval(n, in[i], out[i]);
		for (int i = 0; i < nb; i++)
			if (e[i]->hook)
				e[i]->hook(e[i]->user, n, n->out, out[i]);
	}
	free(buf);
}

void exec_counts(const Exec *e, int *ran, int *skipped)
{
	*ran = e->ran;
	*skipped = e->skipped;
}
