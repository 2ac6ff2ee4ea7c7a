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
#include <string.h>

#include "ir.h"

static int is_observed(const Graph *g, const Value *v)
{
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (!n->dead && n->op == OP_OBSERVE && n->in[0] == v)
			return 1;
	}
	return 0;
}

static int wants_observer(const Graph *g, const Value *v)
{
	if (v->type.elem != DT_F32 || v->type.q.present)
		return 0;
	if (v->kind == VAL_NODE && op_has(v->def->op, OPF_SAME_Q))
		return 0;
	return v->kind != VAL_CONST && !is_observed(g, v);
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

static int check_options(const Graph *g, const Options *o)
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
		if (!wants_observer(g, v) && !is_observed(g, v)) {
			diag_fail("--range-for %s: '%s' is not an f32 tensor with its "
				"own range (views, max pooling and constants share or "
				"have none)", s, name);
			return -1;
		}
	}
	return 0;
}

/* Inserts V_obs = observe(V) at position pos and moves V's consumers onto
 * it. */
static void add_observer(Graph *g, Value *v, int pos, const Options *o)
{
	char base[256];
	snprintf(base, sizeof base, "%s_obs", v->name);
	Type t = v->type;
	Node *obs = graph_insert_node(g, pos, OP_OBSERVE, &v, 1,
		graph_fresh_name(g, base), &t, v->loc);
	const char *m = method_for(v, o);
	if (strcmp(m, "minmax") != 0)
		attr_set_str(g, obs, "method", m);
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (n == obs || n->dead)
			continue;
		for (int i = 0; i < n->nin; i++)
			if (n->in[i] == v)
				node_set_input(n, i, obs->out);
	}
}

int pass_observe(Graph *g, const Options *o)
{
	if (check_options(g, o) < 0)
		return -1;
	int pos = 0;
	for (int i = 0; i < g->ninputs; i++)
		if (wants_observer(g, g->inputs[i]))
			add_observer(g, g->inputs[i], pos++, o);

	/* each observer goes right after its producer; nodes inserted ahead
	 * shift the ones still to visit, so walk a copy */
	int n = g->nnodes;
	Node **order = arena_alloc(&g->arena, (n ? n : 1) * sizeof *order);
	memcpy(order, g->nodes, n * sizeof *order);
	for (int k = 0; k < n; k++) {
		Node *nd = order[k];
		if (!nd->dead && wants_observer(g, nd->out))
			add_observer(g, nd->out, nd->id + 1, o);
	}
	return 0;
}
