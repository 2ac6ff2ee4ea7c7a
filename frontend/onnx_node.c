/* onnx_node.c - importing one ONNX node: its inputs resolved to symbols, a
 * call of a model-local function inlined (onnx_func.c), any other op looked
 * up in the importer files' tables, its opset and attribute names checked
 * against the row, and the row's importer run. Also the helpers every
 * importer calls to take operands (imp_value, imp_const) and to add IR nodes
 * (imp_node, imp_finish). Every refusal is one error naming the node, its op
 * type and its opset (imp_reject). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

/* Every importer file's table; an op is in exactly one. */
static const OnnxOpTable *const tables[] = {
	&onnx_ops_table, &onnx_nn_table, &onnx_fold_table, &onnx_cond_table,
	&onnx_math_table, &onnx_reduce_table, &onnx_geo_table,
};
#define NTABLES ((int)(sizeof tables / sizeof *tables))

int imp_reject(Ctx *c, const NodeCtx *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(c->loc, "node '%s' (%s, opset %d): %s", n->label,
		n->p->op_type, n->opset, msg);
	return -1;
}

/* ---- the op tables ---- */

const OnnxOp *onnx_op_find(const char *op_type)
{
	for (int t = 0; t < NTABLES; t++)
		for (int i = 0; i < tables[t]->n; i++)
			if (strcmp(tables[t]->ops[i].op_type, op_type) == 0)
				return &tables[t]->ops[i];
	return NULL;
}

static int max_opset(const OnnxOp *op)
{
	return op->max_opset ? op->max_opset : ONNX_OPSET_MAX;
}

static int by_op_type(const void *a, const void *b)
{
	return strcmp((*(const OnnxOp *const *)a)->op_type,
		(*(const OnnxOp *const *)b)->op_type);
}

void onnx_list_ops(FILE *f)
{
	const OnnxOp *all[256];
	int n = 0;
	for (int t = 0; t < NTABLES; t++)
		for (int i = 0; i < tables[t]->n && n < 256; i++)
			all[n++] = &tables[t]->ops[i];
	qsort(all, n, sizeof *all, by_op_type);
	fprintf(f, "ONNX ops (default domain, opsets up to %d):\n",
		ONNX_OPSET_MAX);
	for (int i = 0; i < n; i++) {
		if (all[i]->max_opset)
			fprintf(f, "  %-20s opsets %d to %-2d  %s\n", all[i]->op_type,
				all[i]->min_opset, all[i]->max_opset, all[i]->note);
		else
			fprintf(f, "  %-20s from opset %-2d  %s\n", all[i]->op_type,
				all[i]->min_opset, all[i]->note);
	}
}

/* ---- one node ---- */

/* Fills n from p: label, inputs resolved (absent optional ones NULL). */
static int resolve(Ctx *c, const Onnx__NodeProto *p, int opset, NodeCtx *n)
{
	n->p = p;
	n->opset = opset;
	if (!p->op_type || p->n_output == 0 || !*p->output[0]) {
		diag_error(c->loc, "a node has no op type or no output");
		return -1;
	}
	n->label = p->name && *p->name ? p->name : p->output[0];
	if (p->n_input > sizeof n->in / sizeof *n->in)
		return imp_reject(c, n, "%zu inputs; expected at most %zu",
			p->n_input, sizeof n->in / sizeof *n->in);
	n->nin = (int)p->n_input;
	for (int i = 0; i < n->nin; i++) {
		if (!*p->input[i])
			continue;
		n->in[i] = sym_get(c, p->input[i]);
		if (!n->in[i])
			return imp_reject(c, n, "input '%s' is not defined before "
				"this node", p->input[i]);
	}
	for (size_t i = 0; i < p->n_output; i++)
		if (*p->output[i])
			n->nout = (int)i + 1;
	return 0;
}

int onnx_import_node(Ctx *c, const Onnx__NodeProto *p, int opset)
{
	NodeCtx n = {0};
	if (resolve(c, p, opset, &n) != 0)
		return -1;
	const char *domain = p->domain ? p->domain : "";
	int std = !*domain || strcmp(domain, "ai.onnx") == 0;
	const Onnx__FunctionProto *f = onnx_func_find(c, domain, p->op_type);
	if (f)
		return onnx_func_inline(c, &n, f);
	if (!std)
		return imp_reject(c, &n, "unsupported op (domain '%s')", domain);
	const OnnxOp *op = onnx_op_find(p->op_type);
	if (!op)
		return imp_reject(c, &n, "unsupported op");
	if (opset < op->min_opset || opset > max_opset(op))
		return imp_reject(c, &n, "unsupported opset; qcc takes %s from "
			"opset %d to %d", p->op_type, op->min_opset, max_opset(op));
	for (size_t i = 0; i < p->n_attribute; i++) {
		const char *an = p->attribute[i]->name ? p->attribute[i]->name : "";
		if (!imp_attr_allowed(op->attrs, an))
			return imp_reject(c, &n, "unsupported attribute '%s'", an);
	}
	return op->fn(c, &n);
}

/* ---- operands and results ---- */

static Sym *input(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = i < n->nin ? n->in[i] : NULL;
	if (!s)
		imp_reject(c, n, "input %d is required", i);
	return s;
}

/* Input i, present and not empty; NULL after reporting. */
static Sym *nonempty(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = input(c, n, i);
	if (s && !s->v && s->t->numel == 0) {
		imp_reject(c, n, "input %d ('%s') is empty; zero-sized tensors are "
			"not supported", i, s->name);
		return NULL;
	}
	return s;
}

Value *imp_operand(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = nonempty(c, n, i);
	return s ? sym_value(c, s) : NULL;
}

Value *imp_value(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = nonempty(c, n, i);
	if (!s)
		return NULL;
	if (!sym_is_float(s)) {
		imp_reject(c, n, "input '%s' has element type %s; expected float",
			s->name, onnx_dtype_name(sym_dtype(s)));
		return NULL;
	}
	return sym_value(c, s);
}

Tens *imp_const(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = input(c, n, i);
	if (!s)
		return NULL;
	if (!s->t) {
		imp_reject(c, n, "input %d ('%s') is computed at run time; qcc needs "
			"it constant (a dynamic shape that does not fold)", i, s->name);
		return NULL;
	}
	return s->t;
}

Node *imp_node(Ctx *c, NodeCtx *n, int op, Value **in, int nin, int k,
	const char *suffix)
{
	const char *name = k >= 0 ? sym_fresh_name(c, n->p->output[k], NULL) :
		sym_fresh_name(c, n->p->output[0], suffix);
	return graph_add_node(c->g, op, in, nin, name, NULL, c->loc);
}

int imp_finish(Ctx *c, NodeCtx *n, Node *node, int k)
{
	if (shape_infer_node(c->g, node) != 0) {
		diag_note(c->loc, "while importing node '%s' (%s, opset %d)",
			n->label, n->p->op_type, n->opset);
		return -1;
	}
	int64_t numel = type_numel(&node->out->type);
	if (numel <= 0 || numel > ONNX_MAX_NUMEL)
		return imp_reject(c, n, "output has %lld elements; expected 1 to "
			"%lld", (long long)numel, (long long)ONNX_MAX_NUMEL);
	if (k >= 0)
		return sym_bind_value(c, n->p->output[k], node->out,
			onnx_dtype_of_ir(node->out->type.elem));
	return 0;
}

/* Every input of node (at most 16) is an f32 constant. */
static int all_const(const Node *node)
{
	if (node->nin > 16)
		return 0;
	for (int i = 0; i < node->nin; i++)
		if (node->in[i] && (node->in[i]->kind != VAL_CONST ||
				node->in[i]->type.elem != DT_F32))
			return 0;
	return 1;
}

int imp_finish_fold(Ctx *c, NodeCtx *n, Node *node, int k)
{
	if (!all_const(node) || node->out->type.elem != DT_F32 ||
	    op_has(node->op, OPF_INT))
		return imp_finish(c, n, node, k);
	if (imp_finish(c, n, node, -1))
		return -1;
	const Type *t = &node->out->type;
	Tens *o = tens_fold_new(c, n, 1, t->rank, t->dims);
	if (!o)
		return -1;
	const void *in[16];
	for (int i = 0; i < node->nin; i++)
		in[i] = node->in[i] ? node->in[i]->data : NULL;
	op_info(node->op)->eval(node, in, o->f);
	node_kill(c->g, node);
	return sym_bind_tens(c, n->p->output[k < 0 ? 0 : k], o);
}
