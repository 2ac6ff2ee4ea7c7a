/* observe.c - marks every tensor that will be quantized with an observer.
 *
 * After each graph input and each node whose f32 output gets its own
 * quantization parameters, inserts `V_obs = observe(V, method=M)` and makes
 * V's consumers read V_obs; graph outputs keep their names. M is
 * --range (o->range_method), or the last --range-for V=M naming V.
 * Outputs of OPF_SAME_Q ops (views, transpose, maxpool2d: ops.def) are not
 * observed: they only move or select values, so they share their input's
 * parameters.
 *
 * requires: a float graph (after fold_bn and fuse).
 * guarantees: the graph computes the same function; running it twice adds
 *   nothing (observed and already quantized values are skipped).
 */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* observed[v->id]: v is read by a live observe node. malloc'd; NULL if out
 * of memory. */
static char *observed_values(const Graph *g)
{
	char *obs = calloc(g->nvalues + 1, 1);
	for (int k = 0; obs && k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (!n->dead && n->op == OP_OBSERVE && n->in[0])
			obs[n->in[0]->id] = 1;
	}
	return obs;
}

static int wants_observer(const Value *v, const char *observed)
{
	if (v->type.elem != DT_F32 || v->type.q.present)
		return 0;
	if (v->kind == VAL_NODE && op_has(v->def->op, OPF_SAME_Q))
		return 0;
	return v->kind != VAL_CONST && !observed[v->id];
}

/* A sign whose output reaches only weighted layers (conv2d, dense: as
 * their input, through views and max pooling) becomes a binary activation
 * (docs/arith.md, "Binary activations"): q(scale=1, zp=0, bits=1), no
 * observer. bad[v]: some use of v is not such a path; found walking the
 * nodes backwards, so that a view's output is decided before its input. */
static int binary_signs(Graph *g)
{
	char *bad = calloc(g->nvalues + 1, 1);
	if (!bad)
		return -1;
	for (int i = 0; i < g->noutputs; i++)
		bad[g->outputs[i]->id] = 1;
	for (int k = g->nnodes - 1; k >= 0; k--) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		int through = op_has(n->op, OPF_SAME_Q) && n->out->nuse > 0 &&
			!bad[n->out->id];
		for (int i = 0; i < n->nin; i++)
			if (n->in[i] && !(i == 0 && (through || op_has(n->op, OPF_LAYER))))
				bad[n->in[i]->id] = 1;
	}
	for (int k = 0; k < g->nnodes; k++) {
		Value *v = g->nodes[k]->out;
		if (g->nodes[k]->dead || g->nodes[k]->op != OP_SIGN ||
		    v->type.q.present || bad[v->id] || v->nuse == 0)
			continue;
		QParams *q = &v->type.q;
		q->present = 1, q->axis = -1, q->n = 1, q->bits = 1;
		q->scale = arena_alloc(&g->arena, sizeof *q->scale);
		q->zp = arena_alloc(&g->arena, sizeof *q->zp);
		q->scale[0] = 1, q->zp[0] = 0;
	}
	free(bad);
	return 0;
}

/* The method for v: the global one, unless a --range-for names v. */
static const char *method_for(const Value *v, const Options *o)
{
	const char *m = o->range_method ? o->range_method : "minmax";
	for (int i = 0; i < o->nrange_for; i++) {
		const char *eq = strchr(o->range_for[i], '=');
		size_t len = eq - o->range_for[i];
		if (strlen(v->name) == len &&
		    strncmp(v->name, o->range_for[i], len) == 0)
			m = eq + 1;
	}
	return m;
}

static int check_options(const Graph *g, const Options *o,
	const char *observed)
{
	RangeMethod m;
	const char *global = o->range_method ? o->range_method : "minmax";
	if (range_method_parse(global, &m) < 0) {
		diag_fail("unknown range method '%s' (expected " RANGE_METHODS ")",
			global);
		return -1;
	}
	for (int i = 0; i < o->nrange_for; i++) {
		const char *s = o->range_for[i];
		const char *eq = strchr(s, '=');
		if (!eq || eq == s) {
			diag_fail("--range-for expects NAME=METHOD, got '%s'", s);
			return -1;
		}
		if (range_method_parse(eq + 1, &m) < 0) {
			diag_fail("--range-for %s: unknown range method '%s' "
				"(expected " RANGE_METHODS ")", s, eq + 1);
			return -1;
		}
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(eq - s), s);
		const Value *v = graph_find(g, name);
		if (!v) {
			diag_fail("--range-for %s: the model has no value '%s'", s,
				name);
			return -1;
		}
		if (!wants_observer(v, observed) && !observed[v->id]) {
			diag_fail("--range-for %s: '%s' is not an f32 tensor with its "
				"own range (views, max pooling and constants share or "
				"have none)", s, name);
			return -1;
		}
	}
	return 0;
}

/* The width --act-bits BITS=NAME,... gives v (the last naming it wins);
 * 0 if none names it. */
static int bits_for(const Value *v, const Options *o)
{
	int bits = 0;
	for (int i = 0; i < o->nact_bits_for; i++) {
		const char *s = strchr(o->act_bits_for[i], '=') + 1;
		size_t len = strlen(v->name);
		for (const char *e; *s; s = *e ? e + 1 : e) {
			e = strchr(s, ',');
			if (!e)
				e = s + strlen(s);
			if ((size_t)(e - s) == len && strncmp(s, v->name, len) == 0)
				bits = atoi(o->act_bits_for[i]);
		}
	}
	return bits;
}

/* Each name of --act-bits BITS=NAME,... is an f32 tensor with its own
 * range. */
static int check_act_bits(const Graph *g, const Options *o,
	const char *observed)
{
	for (int i = 0; i < o->nact_bits_for; i++) {
		const char *s = strchr(o->act_bits_for[i], '=') + 1;
		for (const char *e; *s; s = *e ? e + 1 : e) {
			e = strchr(s, ',');
			if (!e)
				e = s + strlen(s);
			char name[256];
			snprintf(name, sizeof name, "%.*s", (int)(e - s), s);
			const Value *v = graph_find(g, name);
			if (!v) {
				diag_fail("--act-bits %s: the model has no value '%s'",
					o->act_bits_for[i], name);
				return -1;
			}
			if (!wants_observer(v, observed) && !observed[v->id]) {
				diag_fail("--act-bits %s: '%s' is not an f32 tensor with "
					"its own range (views, max pooling and constants "
					"take their width from their source)",
					o->act_bits_for[i], name);
				return -1;
			}
		}
	}
	return 0;
}

/* Queues V_obs = observe(V) at position pos (g defers inserts); returns
 * V_obs. */
static Value *add_observer(Graph *g, Value *v, int pos, const Options *o)
{
	char base[256];
	snprintf(base, sizeof base, "%s_obs", v->name);
	Type t = v->type;
	Node *obs = graph_insert_node(g, pos, OP_OBSERVE, &v, 1,
		graph_fresh_name(g, base), &t, v->loc);
	const char *m = method_for(v, o);
	if (strcmp(m, "minmax") != 0)
		attr_set_str(g, obs, "method", m);
	return obs->out;
}

/* The observers of tensors --act-bits BITS=NAME,... names get their bits
 * (those of the source as well). */
static void set_act_bits(Graph *g, const Options *o)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		int bits = n->dead || n->op != OP_OBSERVE ? 0 :
			bits_for(n->in[0], o);
		if (bits)
			attr_set_int(g, n, "bits", bits);
	}
}

/* Moves the consumers of each observed value v onto obs_of[v->id], in one
 * walk; the new observers (values from nold on) keep reading v. */
static void read_observers(Graph *g, Value **obs_of, int nold)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (n->dead || n->out->id >= nold)
			continue;
		for (int i = 0; i < n->nin; i++) {
			Value *v = n->in[i];
			if (v && v->id < nold && obs_of[v->id])
				node_set_input(n, i, obs_of[v->id]);
		}
	}
}

/* Each observer goes right after its producer, the inputs' first. */
static void add_observers(Graph *g, const Options *o, const char *observed,
	Value **obs_of)
{
	graph_defer_inserts(g);
	for (int i = 0; i < g->ninputs; i++) {
		Value *v = g->inputs[i];
		if (wants_observer(v, observed))
			obs_of[v->id] = add_observer(g, v, 0, o);
	}
	for (int k = 0; k < g->nnodes; k++) {
		Node *nd = g->nodes[k];
		if (!nd->dead && wants_observer(nd->out, observed))
			obs_of[nd->out->id] = add_observer(g, nd->out, k + 1, o);
	}
	graph_flush_inserts(g);
}

int pass_observe(Graph *g, const Options *o)
{
	int nold = g->nvalues;
	char *observed = observed_values(g);
	Value **obs_of = calloc(nold + 1, sizeof *obs_of);
	if (!observed || !obs_of) {
		free(observed);
		free(obs_of);
		diag_fail("out of memory");
		return -1;
	}
	int r = check_options(g, o, observed);
	if (r == 0 && binary_signs(g) < 0) {
		diag_fail("out of memory");
		r = -1;
	}
	if (r == 0)
		r = check_act_bits(g, o, observed);
	if (r == 0) {
		add_observers(g, o, observed, obs_of);
		read_observers(g, obs_of, nold);
		set_act_bits(g, o);
	}
	free(observed);
	free(obs_of);
	return r;
}
