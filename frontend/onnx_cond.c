/* onnx_cond.c - the ONNX ops that make and use conditions: the
 * comparisons (Greater, GreaterOrEqual, Less, LessOrEqual, Equal), Not,
 * And, Or, Xor and Where, with their table at the end.
 *
 * ONNX's bool is a u8 tensor of 0 and 1 in the IR (a condition: compare,
 * not, logic, where; docs/g-language.md). A comparison takes two float
 * operands or two integer ones (ids, indices), never one of each. Ops
 * whose inputs are all known at import time fold. Before opset 7 the
 * binary ones broadcast the legacy way (imp_legacy_broadcast). */
#include <string.h>

#include "onnx_imp.h"

#define BOOL ONNX__TENSOR_PROTO__DATA_TYPE__BOOL

static int is_const(const Sym *s)
{
	return s->t && !s->v;
}

static int need_inputs(Ctx *c, NodeCtx *n, int count)
{
	if (n->nin != count)
		return imp_reject(c, n, "expects %d inputs, got %d", count, n->nin);
	for (int i = 0; i < count; i++)
		if (!imp_has(n, i))
			return imp_reject(c, n, "input %d is required", i);
	return 0;
}

static int need_bool(Ctx *c, NodeCtx *n, int i)
{
	int dt = sym_dtype(n->in[i]);
	if (dt != BOOL)
		return imp_reject(c, n, "input '%s' has element type %s; expected "
			"bool", n->in[i]->name, onnx_dtype_name(dt));
	return 0;
}

/* Output 0 of n is node's, a bool. */
static int finish_bool(Ctx *c, NodeCtx *n, Node *node)
{
	if (imp_finish(c, n, node, 0))
		return -1;
	sym_get(c, n->p->output[0])->dt = BOOL;
	return 0;
}

/* a cmp b; `fold` names the relation for imp_fold_binary. */
static int compare(Ctx *c, NodeCtx *n, const char *cmp, char fold)
{
	if (need_inputs(c, n, 2) || imp_legacy_broadcast(c, n))
		return -1;
	if (is_const(n->in[0]) && is_const(n->in[1]))
		return imp_fold_binary(c, n, fold);
	int fa = sym_is_float(n->in[0]), fb = sym_is_float(n->in[1]);
	if (fa != fb)
		return imp_reject(c, n, "operands '%s' (%s) and '%s' (%s) must both "
			"be float or both integer", n->in[0]->name,
			onnx_dtype_name(sym_dtype(n->in[0])), n->in[1]->name,
			onnx_dtype_name(sym_dtype(n->in[1])));
	Value *in[2] = {imp_operand(c, n, 0), NULL};
	if (!in[0] || !(in[1] = imp_operand(c, n, 1)))
		return -1;
	Node *node = imp_node(c, n, OP_COMPARE, in, 2, 0, NULL);
	if (!node)
		return -1;
	attr_set_str(c->g, node, "cmp", cmp);
	return finish_bool(c, n, node);
}

static int import_greater(Ctx *c, NodeCtx *n) { return compare(c, n, "gt", '>'); }
static int import_greater_equal(Ctx *c, NodeCtx *n) { return compare(c, n, "ge", 'g'); }
static int import_less(Ctx *c, NodeCtx *n) { return compare(c, n, "lt", '<'); }
static int import_less_equal(Ctx *c, NodeCtx *n) { return compare(c, n, "le", 'l'); }
static int import_equal(Ctx *c, NodeCtx *n) { return compare(c, n, "eq", '='); }

static int import_not(Ctx *c, NodeCtx *n)
{
	if (need_inputs(c, n, 1) || need_bool(c, n, 0))
		return -1;
	if (is_const(n->in[0])) {
		const Tens *t = n->in[0]->t;
		Tens *o = tens_new(c, 0, t->rank, t->dims);
		o->dt = BOOL;
		for (int64_t k = 0; k < t->numel; k++)
			o->i[k] = !t->i[k];
		return sym_bind_tens(c, n->p->output[0], o);
	}
	Value *x = imp_operand(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_NOT, &x, 1, 0, NULL) : NULL;
	return node ? finish_bool(c, n, node) : -1;
}

/* And, Or, Xor of two bool tensors. */
static int logic(Ctx *c, NodeCtx *n, const char *fn, char fold)
{
	if (need_inputs(c, n, 2) || need_bool(c, n, 0) || need_bool(c, n, 1) ||
	    imp_legacy_broadcast(c, n))
		return -1;
	if (is_const(n->in[0]) && is_const(n->in[1]))
		return imp_fold_binary(c, n, fold);
	Value *in[2] = {imp_operand(c, n, 0), NULL};
	Node *node = in[0] && (in[1] = imp_operand(c, n, 1)) ?
		imp_node(c, n, OP_LOGIC, in, 2, 0, NULL) : NULL;
	if (!node)
		return -1;
	attr_set_str(c->g, node, "fn", fn);
	return finish_bool(c, n, node);
}

static int import_and(Ctx *c, NodeCtx *n) { return logic(c, n, "and", '&'); }
static int import_or(Ctx *c, NodeCtx *n) { return logic(c, n, "or", '|'); }
static int import_xor(Ctx *c, NodeCtx *n) { return logic(c, n, "xor", '^'); }

/* Where of three constants: the selection, broadcast. */
static int fold_where(Ctx *c, NodeCtx *n)
{
	const Tens *t[3] = {n->in[0]->t, n->in[1]->t, n->in[2]->t};
	if (t[1]->is_float != t[2]->is_float)
		return imp_reject(c, n, "X and Y have different element types");
	int rank = 0;
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < 3; i++)
		rank = t[i]->rank > rank ? t[i]->rank : rank;
	for (int d = 0; d < rank; d++) {
		dims[d] = 1;
		for (int i = 0; i < 3; i++) {
			int j = d - (rank - t[i]->rank);
			int64_t e = j >= 0 ? t[i]->dims[j] : 1;
			if (e != 1 && dims[d] != 1 && e != dims[d])
				return imp_reject(c, n, "input shapes do not broadcast");
			dims[d] = e != 1 ? e : dims[d];
		}
	}
	Tens *o = tens_fold_new(c, n, t[1]->is_float, rank, dims);
	if (!o)
		return -1;
	o->dt = t[1]->dt;
	for (int64_t k = 0; k < o->numel; k++) {
		int pick = t[0]->i[imp_bcast_offset(t[0], rank, dims, k)] ? 1 : 2;
		int64_t src = imp_bcast_offset(t[pick], rank, dims, k);
		if (o->is_float)
			o->f[k] = t[pick]->f[src];
		else
			o->i[k] = t[pick]->i[src];
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

static int import_where(Ctx *c, NodeCtx *n)
{
	if (need_inputs(c, n, 3) || need_bool(c, n, 0))
		return -1;
	if (is_const(n->in[0]) && is_const(n->in[1]) && is_const(n->in[2]))
		return fold_where(c, n);
	Value *in[3] = {imp_operand(c, n, 0), imp_value(c, n, 1), NULL};
	if (!in[0] || !in[1] || !(in[2] = imp_value(c, n, 2)))
		return -1;
	Node *node = imp_node(c, n, OP_WHERE, in, 3, 0, NULL);
	return node ? imp_finish(c, n, node, 0) : -1;
}

/* ---- If ---- */

/* The branch graph of attribute `name`, or NULL after reporting. */
static const Onnx__GraphProto *branch(Ctx *c, NodeCtx *n, const char *name)
{
	const Onnx__AttributeProto *at = imp_attr(n, name);
	if (!at || !at->g) {
		imp_reject(c, n, "attribute '%s' (a graph) is required", name);
		return NULL;
	}
	return at->g;
}

/* Imports branch graph gp in place of If node n: its initializers, its
 * nodes (patterns included), then its outputs stand for n's; or, with
 * `outs`, they are stored there (one Sym per output of n) for a select. */
static int inline_branch(Ctx *c, NodeCtx *n, const Onnx__GraphProto *gp,
	const char *which, Sym **outs)
{
	if (gp->n_output != n->p->n_output)
		return imp_reject(c, n, "its %s branch has %zu outputs, the node "
			"%zu", which, gp->n_output, n->p->n_output);
	for (size_t i = 0; i < gp->n_initializer; i++) {
		const Onnx__TensorProto *tp = gp->initializer[i];
		Tens *t = imp_tensor(c, tp, "initializer");
		if (!t || sym_bind_tens(c, tp->name ? tp->name : "", t) != 0)
			return -1;
	}
	PatPlan *plan = onnx_pattern_plan(c, gp);
	int r = 0, first = c->g->nvalues;
	c->depth++;
	for (size_t k = 0; k < gp->n_node && r == 0; k++)
		r = onnx_pattern_step(c, plan, gp->node, (int)k, c->opset);
	c->depth--;
	onnx_pattern_free(plan);
	if (r != 0) {
		diag_note(c->loc, "inside the %s branch of If node '%s'", which,
			n->label);
		return -1;
	}
	for (size_t i = 0; i < gp->n_output; i++) {
		const char *name = gp->output[i]->name ? gp->output[i]->name : "";
		Sym *s = sym_get(c, name);
		if (!s)
			return imp_reject(c, n, "its %s branch does not define its "
				"output '%s'", which, name);
		if (outs) {
			outs[i] = s;
			continue;
		}
		if (*n->p->output[i] && sym_alias(c, n->p->output[i], s) != 0)
			return -1;
		/* a value the branch computed takes the If output's name */
		for (int k = first; *n->p->output[i] && s->v && k < c->g->nvalues;
		     k++)
			if (c->g->values[k] == s->v)
				graph_rename(c->g, s->v, sym_fresh_name(c, n->p->output[i],
					NULL));
	}
	return 0;
}

/* If whose condition is computed at run time: both branches are imported
 * and each output of n is where(cond, then, else), a select on the
 * condition (docs/onnx.md says why and what it costs). */
static int import_if_select(Ctx *c, NodeCtx *n, Value *cond)
{
	size_t nout = n->p->n_output;
	const Onnx__GraphProto *gt = branch(c, n, "then_branch");
	const Onnx__GraphProto *ge = gt ? branch(c, n, "else_branch") : NULL;
	if (!ge)
		return -1;
	if (nout > 64)
		return imp_reject(c, n, "has %zu outputs; at most 64", nout);
	Sym *st[64], *se[64];
	if (inline_branch(c, n, gt, "then", st) ||
	    inline_branch(c, n, ge, "else", se))
		return -1;
	for (size_t i = 0; i < nout; i++) {
		if (!sym_is_float(st[i]) || !sym_is_float(se[i]))
			return imp_reject(c, n, "output %zu ('%s') is not float in both "
				"branches; a condition computed at run time selects float "
				"values only", i, n->p->output[i]);
		Value *in[3] = {cond, sym_value(c, st[i]), NULL};
		if (!in[1] || !(in[2] = sym_value(c, se[i])))
			return -1;
		Node *node = imp_node(c, n, OP_WHERE, in, 3, (int)i, NULL);
		if (!node || imp_finish(c, n, node, (int)i))
			return -1;
	}
	return 0;
}

/* If whose condition is known at import time (a constant, or a shape
 * computation that folds): the branch it takes is imported in place. A
 * condition computed at run time selects between both branches
 * (import_if_select). */
static int import_if(Ctx *c, NodeCtx *n)
{
	Sym *cond = n->nin > 0 ? n->in[0] : NULL;
	if (!cond)
		return imp_reject(c, n, "input 0 (the condition) is required");
	if (c->depth >= ONNX_MAX_DEPTH)
		return imp_reject(c, n, "subgraphs nested deeper than %d levels",
			ONNX_MAX_DEPTH);
	if (!cond->t) {
		if (need_bool(c, n, 0))
			return -1;
		int64_t numel = type_numel(&cond->v->type);
		if (numel != 1)
			return imp_reject(c, n, "its condition '%s' has %lld elements; "
				"expected one", cond->name, (long long)numel);
		return import_if_select(c, n, cond->v);
	}
	if (cond->t->numel != 1)
		return imp_reject(c, n, "its condition '%s' has %lld elements; "
			"expected one", cond->name, (long long)cond->t->numel);
	int taken = cond->t->is_float ? cond->t->f[0] != 0 : cond->t->i[0] != 0;
	const char *which = taken ? "then" : "else";
	const Onnx__GraphProto *gp = branch(c, n, taken ? "then_branch" :
		"else_branch");
	return gp ? inline_branch(c, n, gp, which, NULL) : -1;
}

/* ---- the table: conditions ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"And", 1, 0, 0, import_and, "axis broadcast", "logic fn=and; constants fold"},
	{"Equal", 1, 0, 0, import_equal, "axis broadcast", "compare cmp=eq; constants fold"},
	{"Greater", 1, 0, 0, import_greater, "axis broadcast", "compare cmp=gt; constants fold"},
	{"GreaterOrEqual", 12, 0, 0, import_greater_equal, "",
	 "compare cmp=ge; constants fold"},
	{"If", 1, 0, 0, import_if, "then_branch else_branch",
	 "the branch taken when the condition is known at import time; "
	 "else where(cond, then, else) of both branches"},
	{"Less", 1, 0, 0, import_less, "axis broadcast", "compare cmp=lt; constants fold"},
	{"LessOrEqual", 12, 0, 0, import_less_equal, "",
	 "compare cmp=le; constants fold"},
	{"Not", 1, 0, 0, import_not, "", "not; constants fold"},
	{"Or", 1, 0, 0, import_or, "axis broadcast", "logic fn=or; constants fold"},
	{"Where", 9, 0, 0, import_where, "",
	 "where (float X and Y); constants fold"},
	{"Xor", 1, 0, 0, import_xor, "axis broadcast", "logic fn=xor; constants fold"},
};

const OnnxOpTable onnx_cond_table = ONNX_OP_TABLE(rows);
