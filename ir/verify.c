/* verify.c - the graph verifier: checks the invariants every pass relies on
 * and reports each violation at the node's (or value's) location.
 *
 *   values   ids match positions, names unique, types usable, consts have
 *            data, node values point back at their defining node
 *   nodes    known op, arity in range, required inputs present, inputs are
 *            live values of this graph defined earlier (topological order,
 *            hence no cycle), one definition per value, attribute kinds as
 *            in ops.def and required ones set, and the shape function
 *            reproduces the output's rank and dims
 *   facts    a recorded acc_bound (qconv2d, qdense with constant weights)
 *            has one entry per output channel, each the bound the weights
 *            and bias give (q_acc_bound) and below 2^31; absent (empty)
 *            means not recorded
 *   uses     nuse equals the number of node inputs plus one if an output
 *   outputs  at least one, each a value of the graph, marked is_output
 */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static const char *kind_names[] = {
	[AK_NONE] = "none", [AK_INT] = "int", [AK_FLOAT] = "float",
	[AK_INTS] = "ints", [AK_FLOATS] = "floats", [AK_STR] = "str",
};

static int in_graph(const Graph *g, const Value *v)
{
	return v && v->id >= 0 && v->id < g->nvalues && g->values[v->id] == v;
}

static int verify_values(Graph *g)
{
	int bad = 0;
	int *rep = graph_name_repeats(g);
	for (int i = 0; i < g->nvalues; i++) {
		Value *v = g->values[i];
		if (v->id != i) {
			diag_error(v->loc, "value '%s' has id %d but sits at "
				"position %d", v->name, v->id, i);
			bad = 1;
			continue;
		}
		for (int j = 0; rep && j < rep[i]; j++) {
			diag_error(v->loc, "'%s' is defined more than once",
				v->name);
			bad = 1;
		}
		if (!shape_valid_type(&v->type)) {
			diag_error(v->loc, "'%s' has an unusable shape (rank %d; "
				"dims must be >= 1, at most %d elements)", v->name,
				v->type.rank, INT32_MAX);
			bad = 1;
		}
		if (v->kind == VAL_CONST && !v->data) {
			diag_error(v->loc, "const '%s' has no data", v->name);
			bad = 1;
		}
		if (v->kind == VAL_NODE && (!v->def || v->def->out != v)) {
			diag_error(v->loc, "'%s' is not the output of its defining "
				"node", v->name);
			bad = 1;
		}
	}
	for (int i = 0; i < g->ninputs; i++)
		if (!in_graph(g, g->inputs[i]) || g->inputs[i]->kind != VAL_INPUT) {
			diag_fail("graph input %d is not an input value of the graph",
				i);
			bad = 1;
		}
	free(rep);
	return bad ? -1 : 0;
}

/* Arity and inputs: each a live value of g defined before this node. */
static int verify_inputs(const Graph *g, const Node *n, const char *defined)
{
	const OpInfo *info = op_info(n->op);
	int bad = 0;
	if (n->nin < info->min_in || (info->max_in >= 0 && n->nin > info->max_in)) {
		if (info->max_in < 0)
			diag_error(n->loc, "%s expects at least %d inputs, got %d",
				info->name, info->min_in, n->nin);
		else if (info->min_in == info->max_in)
			diag_error(n->loc, "%s expects %d input%s, got %d", info->name,
				info->min_in, info->min_in == 1 ? "" : "s", n->nin);
		else
			diag_error(n->loc, "%s expects %d to %d inputs, got %d",
				info->name, info->min_in, info->max_in, n->nin);
		return -1;
	}
	for (int i = 0; i < n->nin; i++) {
		const Value *v = n->in[i];
		if (!v) {
			if (i < info->min_in || info->max_in < 0) {
				diag_error(n->loc, "%s: input %d is required but absent",
					info->name, i);
				bad = 1;
			}
			continue;
		}
		if (!in_graph(g, v)) {
			diag_error(n->loc, "%s: input %d '%s' is not a value of the "
				"graph", info->name, i, v->name);
			bad = 1;
		} else if (v->kind == VAL_NODE && v->def->dead) {
			diag_error(n->loc, "%s: input %d '%s' is defined by a removed "
				"node", info->name, i, v->name);
			bad = 1;
		} else if (!defined[v->id]) {
			diag_error(n->loc, "%s: input %d '%s' is used before its "
				"definition", info->name, i, v->name);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static int verify_attrs(const Node *n)
{
	const OpInfo *info = op_info(n->op);
	int bad = 0;
	for (int i = 0; i < info->nattr; i++) {
		const AttrSpec *s = &info->attrs[i];
		const Attr *a = &n->attr[i];
		if (a->kind != s->kind) {
			diag_error(n->loc, "%s: attribute %s must be %s, got %s",
				info->name, s->name, kind_names[s->kind],
				(unsigned)a->kind <= AK_STR ?
				kind_names[a->kind] : "?");
			bad = 1;
		} else if (s->required && !a->set) {
			diag_error(n->loc, "%s: missing required attribute %s",
				info->name, s->name);
			bad = 1;
		} else if ((a->kind == AK_INTS && a->n > 0 && !a->ints) ||
		           (a->kind == AK_FLOATS && a->n > 0 && !a->floats) ||
		           (a->kind == AK_STR && !a->s)) {
			diag_error(n->loc, "%s: attribute %s has no value", info->name,
				s->name);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* Runs the shape function and compares with the stored output type, which
 * is restored afterwards: the graph is not changed. */
static int verify_shape(Graph *g, Node *n)
{
	Type saved = n->out->type;
	int rc = op_info(n->op)->shape(g, n);
	Type got = n->out->type;
	n->out->type = saved;
	if (rc < 0)
		return -1;
	if (!type_same_shape(&saved, &got)) {
		char a[TYPE_STR_MAX], b[TYPE_STR_MAX];
		saved.q.present = got.q.present = 0;
		diag_error(n->loc, "%s: output '%s' is %s but its inputs give %s",
			op_info(n->op)->name, n->out->name,
			type_str(&saved, a, sizeof a), type_str(&got, b, sizeof b));
		return -1;
	}
	return 0;
}

/* A recorded acc_bound is the bound the constants prove, per channel. */
static int verify_acc_bound(const Node *n)
{
	int len;
	const int64_t *rec = attr_ints(n, "acc_bound", &len);
	const Value *x = n->in[0], *w = n->in[1];
	const Value *b = n->nin > 2 ? n->in[2] : NULL;
	if (len == 0 || w->kind != VAL_CONST || w->type.elem == DT_F32 ||
	    (b && (b->kind != VAL_CONST || b->type.elem == DT_F32)))
		return 0;
	const char *name = op_info(n->op)->name;
	int64_t oc = w->type.dims[0], k = type_numel(&w->type) / oc;
	if (len != oc) {
		diag_error(n->loc, "%s '%s': acc_bound has %d entries, expected %lld "
			"(one per output channel)", name, n->out->name, len,
			(long long)oc);
		return -1;
	}
	const int32_t *bd = b ? b->data : NULL;
	int32_t *grouped = q_group_weights(n, w->data, oc, k);
	const int32_t *wd = grouped ? grouped : w->data;
	int r = 0;
	for (int64_t c = 0; c < oc && !r; c++) {
		int64_t bound = q_acc_bound(&x->type, wd + c * k, k, bd ? bd[c] : 0);
		if (rec[c] != bound) {
			diag_error(n->loc, "%s '%s': acc_bound[%lld] is %lld but the "
				"weights and bias give %lld", name, n->out->name,
				(long long)c, (long long)rec[c], (long long)bound);
			r = -1;
		} else if (bound > INT32_MAX) {
			diag_error(n->loc, "%s '%s': acc_bound[%lld] is %lld: the int32 "
				"accumulator may overflow", name, n->out->name,
				(long long)c, (long long)bound);
			r = -1;
		}
	}
	free(grouped);
	return r;
}

static int verify_node(Graph *g, Node *n, char *defined)
{
	if (n->op < 0 || n->op >= OP_COUNT) {
		diag_error(n->loc, "node %d has an unknown op %d", n->id, n->op);
		return -1;
	}
	const char *name = op_info(n->op)->name;
	Value *out = n->out;
	if (!out || !in_graph(g, out) || out->def != n || out->kind != VAL_NODE) {
		diag_error(n->loc, "%s: output '%s' is not a node value of the "
			"graph defined by this node", name, out ? out->name : "");
		return -1;
	}
	int bad = 0;
	if (defined[out->id]) {
		diag_error(n->loc, "%s: '%s' is defined more than once", name,
			out->name);
		bad = 1;
	}
	if (verify_inputs(g, n, defined) < 0)
		bad = 1;
	if (verify_attrs(n) < 0)
		bad = 1;
	if (!bad && verify_shape(g, n) < 0)
		bad = 1;
	if (!bad && op_attr_index(n->op, "acc_bound") >= 0 &&
	    verify_acc_bound(n) < 0)
		bad = 1;
	defined[out->id] = 1;
	return bad ? -1 : 0;
}

static int verify_uses(const Graph *g)
{
	int *uses = calloc(g->nvalues ? g->nvalues : 1, sizeof *uses);
	if (!uses)
		abort();
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < n->nin; i++)
			if (in_graph(g, n->in[i]))
				uses[n->in[i]->id]++;
	}
	int bad = 0;
	for (int i = 0; i < g->noutputs; i++) {
		Value *v = g->outputs[i];
		if (!in_graph(g, v)) {
			diag_fail("graph output %d is not a value of the graph", i);
			bad = 1;
			continue;
		}
		if (!v->is_output) {
			diag_error(v->loc, "graph output '%s' is not marked as an "
				"output", v->name);
			bad = 1;
		}
		if (v->kind == VAL_NODE && v->def->dead) {
			diag_error(v->loc, "graph output '%s' is defined by a removed "
				"node", v->name);
			bad = 1;
		}
		uses[v->id]++;
	}
	for (int i = 0; i < g->nvalues; i++) {
		const Value *v = g->values[i];
		if (v->nuse != uses[i]) {
			diag_error(v->loc, "'%s' has a use count of %d but %d uses",
				v->name, v->nuse, uses[i]);
			bad = 1;
		}
		if (v->is_output) {
			int listed = 0;
			for (int k = 0; k < g->noutputs; k++)
				listed |= g->outputs[k] == v;
			if (!listed) {
				diag_error(v->loc, "'%s' is marked as an output but is "
					"not in the output list", v->name);
				bad = 1;
			}
		}
	}
	free(uses);
	return bad ? -1 : 0;
}

int graph_verify(Graph *g)
{
	if (verify_values(g) < 0)
		return -1;
	char *defined = calloc(g->nvalues ? g->nvalues : 1, 1);
	if (!defined)
		abort();
	for (int i = 0; i < g->nvalues; i++)
		defined[i] = g->values[i]->kind != VAL_NODE;
	int bad = 0;
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (!n->dead && verify_node(g, n, defined) < 0)
			bad = 1;
	}
	free(defined);
	if (verify_uses(g) < 0)
		bad = 1;
	if (g->noutputs == 0) {
		diag_fail("model '%s' has no outputs", g->name);
		bad = 1;
	}
	return bad ? -1 : 0;
}
