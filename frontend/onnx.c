/* onnx.c - the ONNX reader: decodes a ModelProto with the protobuf-c bindings
 * generated from Debian's onnx.proto, and builds a Graph through the graph_*
 * API, one ONNX node at a time (the per-op table is in onnx_ops.c, tensor
 * decoding in onnx_tensor.c).
 *
 * What this file owns: the file (read whole, its message nesting checked
 * before protobuf-c unpacks it), names (IR values keep the ONNX tensor
 * names, sanitised to `.g` identifiers), graph inputs (static shapes; an
 * unknown first dimension is taken as batch 1), tensors known at import time
 * (initializers, Constant nodes, folded shape sub-graphs), aliases (Identity,
 * Dropout) and the inlining of model-local functions. Everything it cannot
 * take is reported once, naming the node, its op type and its opset. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

#define ONNX_MAX_FILE ((long)1 << 31)
#define ONNX_MAX_DEPTH 16    /* function inlining */
#define ONNX_MAX_NESTING 64  /* messages inside messages on the wire */
#define ONNX_OPSET_MAX 17

/* ---- diagnostics ---- */

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

/* ---- names ---- */

/* ONNX names ("/conv1/Conv_output_0", "onnx::Gemm_12", "fc.weight") become
 * identifiers: other characters turn into '_', runs of '_' collapse, leading
 * and trailing ones are dropped, and a leading digit gets a "t" in front. */
static const char *sanitize(Ctx *c, const char *name)
{
	size_t len = strlen(name);
	char *s = arena_alloc(&c->g->arena, len + 2);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = name[i];
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			(ch >= '0' && ch <= '9') || ch == '_';
		if (!ok)
			ch = '_';
		if (ch == '_' && (k == 0 || s[k - 1] == '_'))
			continue;
		s[k++] = ch;
	}
	while (k > 0 && s[k - 1] == '_')
		k--;
	s[k] = '\0';
	if (k == 0)
		return "t";
	if (s[0] >= '0' && s[0] <= '9') {
		memmove(s + 1, s, k + 1);
		s[0] = 't';
	}
	return s;
}

static const char *fresh(Ctx *c, const char *onnx_name, const char *suffix)
{
	const char *base = sanitize(c, onnx_name);
	if (suffix && *suffix) {
		size_t n = strlen(base) + strlen(suffix) + 1;
		char *b = arena_alloc(&c->g->arena, n);
		snprintf(b, n, "%s%s", base, suffix);
		base = b;
	}
	return graph_fresh_name(c->g, base);
}

/* ---- symbols: ONNX name -> Sym, open-addressing hash table ---- */

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static Sym **slot(Ctx *c, const char *name)
{
	unsigned i = hash(name) & (c->tab_cap - 1);
	while (c->tab[i] && strcmp(c->tab[i]->name, name) != 0)
		i = (i + 1) & (c->tab_cap - 1);
	return &c->tab[i];
}

Sym *sym_get(Ctx *c, const char *name)
{
	return c->tab_cap ? *slot(c, name) : NULL;
}

static Sym *sym_new(Ctx *c, const char *name)
{
	if (2 * (c->nsym + 1) > c->tab_cap) {
		Sym **old = c->tab;
		int oldcap = c->tab_cap;
		c->tab_cap = oldcap ? 2 * oldcap : 256;
		c->tab = arena_alloc(&c->g->arena, c->tab_cap * sizeof *c->tab);
		for (int i = 0; i < oldcap; i++)
			if (old[i])
				*slot(c, old[i]->name) = old[i];
	}
	Sym **sl = slot(c, name);
	if (*sl) {
		diag_error(c->loc, "tensor '%s' is defined twice", name);
		return NULL;
	}
	Sym *s = arena_alloc(&c->g->arena, sizeof *s);
	s->name = arena_strdup(&c->g->arena, name);
	*sl = s;
	c->nsym++;
	return s;
}

int sym_bind_value(Ctx *c, const char *name, Value *v)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->v = v;
	return 0;
}

int sym_bind_tens(Ctx *c, const char *name, Tens *t)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->t = t;
	return 0;
}

int sym_alias(Ctx *c, const char *name, Sym *from)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->v = from->v;
	s->t = from->t;
	return 0;
}

/* ---- helpers for the importers ---- */

Value *imp_value(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = i < n->nin ? n->in[i] : NULL;
	if (!s) {
		imp_reject(c, n, "input %d is required", i);
		return NULL;
	}
	if (s->v)
		return s->v;
	Tens *t = s->t;
	if (t->numel == 0) {
		imp_reject(c, n, "input %d ('%s') is empty; zero-sized tensors are "
			"not supported", i, s->name);
		return NULL;
	}
	if (!t->is_float) {
		imp_reject(c, n, "input %d ('%s') holds integer data; qcc computes "
			"in float only", i, s->name);
		return NULL;
	}
	Type ty = {0};
	ty.elem = DT_F32;
	ty.rank = t->rank;
	memcpy(ty.dims, t->dims, sizeof ty.dims);
	s->v = graph_add_const(c->g, fresh(c, s->name, NULL), &ty, t->f, c->loc);
	return s->v;
}

Tens *imp_const(Ctx *c, NodeCtx *n, int i)
{
	Sym *s = i < n->nin ? n->in[i] : NULL;
	if (!s) {
		imp_reject(c, n, "input %d is required", i);
		return NULL;
	}
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
	const char *name = k >= 0 ? fresh(c, n->p->output[k], NULL) :
		fresh(c, n->p->output[0], suffix);
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
		return sym_bind_value(c, n->p->output[k], node->out);
	return 0;
}

/* ---- attributes ---- */

const Onnx__AttributeProto *imp_attr(const NodeCtx *n, const char *name)
{
	for (size_t i = 0; i < n->p->n_attribute; i++)
		if (n->p->attribute[i]->name &&
			strcmp(n->p->attribute[i]->name, name) == 0)
			return n->p->attribute[i];
	return NULL;
}

static int attr_type(const Onnx__AttributeProto *a)
{
	return a->has_type ? (int)a->type : 0;
}

static int wrong_type(Ctx *c, NodeCtx *n, const char *name, const char *want)
{
	return imp_reject(c, n, "attribute '%s' is not of type %s", name, want);
}

int imp_attr_int(Ctx *c, NodeCtx *n, const char *name, int64_t def,
	int64_t *out)
{
	const Onnx__AttributeProto *a = imp_attr(n, name);
	*out = def;
	if (!a)
		return 0;
	if (attr_type(a) != ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT)
		return wrong_type(c, n, name, "INT");
	*out = a->i;
	return 0;
}

int imp_attr_float(Ctx *c, NodeCtx *n, const char *name, double def,
	double *out)
{
	const Onnx__AttributeProto *a = imp_attr(n, name);
	*out = def;
	if (!a)
		return 0;
	if (attr_type(a) != ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT)
		return wrong_type(c, n, name, "FLOAT");
	*out = a->f;
	return 0;
}

int imp_attr_ints(Ctx *c, NodeCtx *n, const char *name, int64_t *out,
	int max, int *len)
{
	const Onnx__AttributeProto *a = imp_attr(n, name);
	*len = -1;
	if (!a)
		return 0;
	if (attr_type(a) != ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS)
		return wrong_type(c, n, name, "INTS");
	if (a->n_ints > (size_t)max)
		return imp_reject(c, n, "attribute '%s' has %zu entries; expected "
			"at most %d", name, a->n_ints, max);
	for (size_t i = 0; i < a->n_ints; i++)
		out[i] = a->ints[i];
	*len = (int)a->n_ints;
	return 0;
}

int imp_attr_str(Ctx *c, NodeCtx *n, const char *name, const char *def,
	const char **out)
{
	const Onnx__AttributeProto *a = imp_attr(n, name);
	*out = def;
	if (!a)
		return 0;
	if (attr_type(a) != ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING)
		return wrong_type(c, n, name, "STRING");
	*out = arena_strndup(&c->g->arena, (const char *)a->s.data, a->s.len);
	return 0;
}

/* ---- functions ---- */

static int opset_of(Onnx__OperatorSetIdProto *const *ids, size_t n, int def)
{
	for (size_t i = 0; i < n; i++) {
		const char *d = ids[i]->domain ? ids[i]->domain : "";
		if ((!*d || strcmp(d, "ai.onnx") == 0) && ids[i]->has_version)
			return ids[i]->version > 1000000 ? 1000000 :
				(int)ids[i]->version;
	}
	return def;
}

static const Onnx__FunctionProto *find_function(Ctx *c, const char *domain,
	const char *name)
{
	for (size_t i = 0; i < c->model->n_functions; i++) {
		const Onnx__FunctionProto *f = c->model->functions[i];
		if (f->name && strcmp(f->name, name) == 0 &&
			strcmp(f->domain ? f->domain : "", domain) == 0)
			return f;
	}
	return NULL;
}

/* Maps a name inside a function body to the caller's world: formal inputs
 * and outputs to the actual ones, locals to "<call>/<local>". */
static const char *rename_local(Ctx *c, const Onnx__FunctionProto *f,
	const Onnx__NodeProto *call, const char *prefix, const char *name)
{
	if (!*name)
		return name;
	for (size_t i = 0; i < f->n_input; i++)
		if (strcmp(f->input[i], name) == 0)
			return i < call->n_input ? call->input[i] : "";
	for (size_t i = 0; i < f->n_output; i++)
		if (strcmp(f->output[i], name) == 0 && i < call->n_output)
			return call->output[i];
	size_t len = strlen(prefix) + strlen(name) + 2;
	char *s = arena_alloc(&c->g->arena, len);
	snprintf(s, len, "%s/%s", prefix, name);
	return s;
}

static int inline_function(Ctx *c, NodeCtx *n, const Onnx__FunctionProto *f)
{
	if (c->depth >= ONNX_MAX_DEPTH)
		return imp_reject(c, n, "functions nested deeper than %d levels",
			ONNX_MAX_DEPTH);
	if (n->p->n_input > f->n_input || n->p->n_output > f->n_output)
		return imp_reject(c, n, "function '%s' takes %zu inputs and %zu "
			"outputs, got %zu and %zu", f->name, f->n_input, f->n_output,
			n->p->n_input, n->p->n_output);
	int opset = opset_of(f->opset_import, f->n_opset_import, c->opset);
	const char *prefix = n->p->name && *n->p->name ? n->p->name :
		n->p->output[0];
	Arena *a = &c->g->arena;
	c->depth++;
	for (size_t k = 0; k < f->n_node; k++) {
		const Onnx__NodeProto *src = f->node[k];
		Onnx__NodeProto *m = arena_alloc(a, sizeof *m);
		*m = *src;
		m->input = arena_alloc(a, (src->n_input + 1) * sizeof *m->input);
		m->output = arena_alloc(a, (src->n_output + 1) * sizeof *m->output);
		for (size_t i = 0; i < src->n_input; i++)
			m->input[i] = (char *)rename_local(c, f, n->p, prefix,
				src->input[i]);
		for (size_t i = 0; i < src->n_output; i++)
			m->output[i] = (char *)rename_local(c, f, n->p, prefix,
				src->output[i]);
		/* attributes that refer to the caller's take its values */
		m->attribute = arena_alloc(a, (src->n_attribute + 1) *
			sizeof *m->attribute);
		m->n_attribute = 0;
		for (size_t i = 0; i < src->n_attribute; i++) {
			Onnx__AttributeProto *at = src->attribute[i];
			if (at->ref_attr_name && *at->ref_attr_name) {
				const Onnx__AttributeProto *v = imp_attr(n, at->ref_attr_name);
				if (!v)
					continue;
				Onnx__AttributeProto *cp = arena_alloc(a, sizeof *cp);
				*cp = *v;
				cp->name = at->name;
				at = cp;
			}
			m->attribute[m->n_attribute++] = at;
		}
		if (onnx_import_node(c, m, opset) != 0) {
			diag_note(c->loc, "inside function '%s' called by node '%s'",
				f->name, n->label);
			c->depth--;
			return -1;
		}
	}
	c->depth--;
	for (size_t i = 0; i < n->p->n_output; i++)
		if (*n->p->output[i] && !sym_get(c, n->p->output[i]))
			return imp_reject(c, n, "function '%s' does not define output "
				"'%s'", f->name, f->output[i]);
	return 0;
}

/* ---- nodes ---- */

static int attr_allowed(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");
		if (k == len && strncmp(p, name, len) == 0)
			return 1;
		p += k;
		while (*p == ' ')
			p++;
	}
	return 0;
}

int onnx_import_node(Ctx *c, const Onnx__NodeProto *p, int opset)
{
	NodeCtx n = {0};
	n.p = p;
	n.opset = opset;
	if (!p->op_type || p->n_output == 0 || !*p->output[0]) {
		diag_error(c->loc, "a node has no op type or no output");
		return -1;
	}
	n.label = p->name && *p->name ? p->name : p->output[0];
	if (p->n_input > sizeof n.in / sizeof *n.in)
		return imp_reject(c, &n, "%zu inputs; expected at most %zu",
			p->n_input, sizeof n.in / sizeof *n.in);
	n.nin = (int)p->n_input;
	for (int i = 0; i < n.nin; i++) {
		if (!*p->input[i])
			continue;
		n.in[i] = sym_get(c, p->input[i]);
		if (!n.in[i])
			return imp_reject(c, &n, "input '%s' is not defined before "
				"this node", p->input[i]);
	}
	for (size_t i = 0; i < p->n_output; i++)
		if (*p->output[i])
			n.nout = (int)i + 1;

	const char *domain = p->domain ? p->domain : "";
	int std = !*domain || strcmp(domain, "ai.onnx") == 0;
	const Onnx__FunctionProto *f = find_function(c, domain, p->op_type);
	if (f)
		return inline_function(c, &n, f);
	if (!std)
		return imp_reject(c, &n, "unsupported op (domain '%s')", domain);
	const OnnxOp *op = onnx_op_find(p->op_type);
	if (!op)
		return imp_reject(c, &n, "unsupported op");
	if (opset < op->min_opset || opset > ONNX_OPSET_MAX)
		return imp_reject(c, &n, "unsupported opset; qcc takes %s from "
			"opset %d to %d", p->op_type, op->min_opset, ONNX_OPSET_MAX);
	for (size_t i = 0; i < p->n_attribute; i++) {
		const char *an = p->attribute[i]->name ? p->attribute[i]->name : "";
		if (!attr_allowed(op->attrs, an))
			return imp_reject(c, &n, "unsupported attribute '%s'", an);
	}
	return op->fn(c, &n);
}

/* ---- graph inputs and outputs ---- */

/* The tensor type of a graph input or output, or NULL. */
static const Onnx__TypeProto__Tensor *tensor_type(
	const Onnx__ValueInfoProto *vi)
{
	if (!vi->type || vi->type->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE)
		return NULL;
	return vi->type->tensor_type;
}

static int add_input(Ctx *c, const Onnx__ValueInfoProto *vi)
{
	const Onnx__TypeProto__Tensor *tt = tensor_type(vi);
	if (!tt) {
		diag_error(c->loc, "graph input '%s' is not a tensor", vi->name);
		return -1;
	}
	int dt = tt->has_elem_type ? tt->elem_type : 0;
	if (dt != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT) {
		diag_error(c->loc, "graph input '%s' has element type %s; expected "
			"float", vi->name, onnx_dtype_name(dt));
		return -1;
	}
	if (!tt->shape) {
		diag_error(c->loc, "graph input '%s' has no shape; qcc needs static "
			"shapes", vi->name);
		return -1;
	}
	if (tt->shape->n_dim > QCC_MAX_RANK) {
		diag_error(c->loc, "graph input '%s' has rank %zu; expected at most "
			"%d", vi->name, tt->shape->n_dim, QCC_MAX_RANK);
		return -1;
	}
	Type ty = {0};
	ty.elem = DT_F32;
	ty.rank = (int)tt->shape->n_dim;
	int64_t numel = 1;
	for (int i = 0; i < ty.rank; i++) {
		const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
		int known = d->value_case ==
			ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
		if (!known && i == 0) {
			ty.dims[i] = 1; /* symbolic batch: qcc compiles batch 1 */
		} else if (!known) {
			diag_error(c->loc, "graph input '%s' has a dynamic dimension %d "
				"('%s'); qcc needs static shapes", vi->name, i,
				d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM
				? d->dim_param : "?");
			return -1;
		} else if (d->dim_value < 1 || d->dim_value > ONNX_MAX_NUMEL ||
			numel * d->dim_value > ONNX_MAX_NUMEL) {
			diag_error(c->loc, "graph input '%s' has dimension %d of size "
				"%lld; expected 1 to %lld elements in all", vi->name, i,
				(long long)d->dim_value, (long long)ONNX_MAX_NUMEL);
			return -1;
		} else {
			ty.dims[i] = d->dim_value;
		}
		numel *= ty.dims[i];
	}
	Value *v = graph_add_input(c->g, fresh(c, vi->name, NULL), &ty, c->loc);
	return v ? sym_bind_value(c, vi->name, v) : -1;
}

/* Names consumed by some node in an input slot that must be constant. */
static int used_statically(const Onnx__GraphProto *gp, const char *name)
{
	for (size_t k = 0; k < gp->n_node; k++) {
		const Onnx__NodeProto *p = gp->node[k];
		const OnnxOp *op = p->op_type ? onnx_op_find(p->op_type) : NULL;
		if (!op)
			continue;
		for (size_t i = 0; i < p->n_input && i < 32; i++)
			if ((op->static_in >> i & 1) && strcmp(p->input[i], name) == 0)
				return 1;
	}
	return 0;
}

static Tens *tens_from_named(Ctx *c, const NamedTensor *nt)
{
	int is_float = nt->elem == DT_F32;
	Tens *t = tens_new(c, is_float, nt->rank, nt->dims);
	for (int64_t k = 0; k < t->numel; k++) {
		if (is_float)
			t->f[k] = ((const float *)nt->data)[k];
		else
			t->i[k] = ((const int32_t *)nt->data)[k];
	}
	return t;
}

static int is_initializer(const Onnx__GraphProto *gp, const char *name)
{
	for (size_t i = 0; i < gp->n_initializer; i++)
		if (gp->initializer[i]->name &&
			strcmp(gp->initializer[i]->name, name) == 0)
			return 1;
	return 0;
}

static int import_graph(Ctx *c, const NamedTensor *bind, int nbind, int *kept)
{
	const Onnx__GraphProto *gp = c->model->graph;
	/* 1. initializers */
	for (size_t i = 0; i < gp->n_initializer; i++) {
		const Onnx__TensorProto *tp = gp->initializer[i];
		char what[256];
		snprintf(what, sizeof what, "initializer '%s'", tp->name ? tp->name : "");
		Tens *t = imp_tensor(c, tp, what);
		if (!t || sym_bind_tens(c, tp->name ? tp->name : "", t) != 0)
			return -1;
	}
	if (gp->n_sparse_initializer) {
		diag_error(c->loc, "sparse initializers are not supported");
		return -1;
	}
	/* 2. inputs (an input that is also an initializer is a constant) */
	int k = 0;
	for (size_t i = 0; i < gp->n_input; i++) {
		const Onnx__ValueInfoProto *vi = gp->input[i];
		if (!vi->name || is_initializer(gp, vi->name))
			continue;
		int idx = k++;
		if (kept && idx < nbind)
			kept[idx] = 1;
		if (idx < nbind && used_statically(gp, vi->name)) {
			if (kept)
				kept[idx] = 0;
			if (sym_bind_tens(c, vi->name, tens_from_named(c, &bind[idx])))
				return -1;
			continue;
		}
		if (add_input(c, vi) != 0)
			return -1;
	}
	/* 3. nodes, in order (ONNX requires topological order) */
	for (size_t i = 0; i < gp->n_node; i++)
		if (onnx_import_node(c, gp->node[i], c->opset) != 0)
			return -1;
	/* 4. outputs */
	if (gp->n_output == 0) {
		diag_error(c->loc, "the graph has no outputs");
		return -1;
	}
	for (size_t i = 0; i < gp->n_output; i++) {
		const char *name = gp->output[i]->name ? gp->output[i]->name : "";
		Sym *s = sym_get(c, name);
		if (!s) {
			diag_error(c->loc, "graph output '%s' is not computed by any "
				"node", name);
			return -1;
		}
		Value *v = s->v;
		if (!v && s->t && (!s->t->is_float || s->t->numel == 0)) {
			diag_error(c->loc, "graph output '%s' is an integer or empty "
				"constant; expected float data", name);
			return -1;
		}
		if (!v && s->t) {
			NodeCtx n = {0};
			n.nin = 1;
			n.in[0] = s;
			v = imp_value(c, &n, 0);
		}
		if (!v || v->is_output) {
			diag_error(c->loc, "graph output '%s' is listed twice", name);
			return -1;
		}
		graph_mark_output(c->g, v);
	}
	return 0;
}

/* ---- files ---- */

/* protobuf-c unpacks nested messages recursively, without a depth limit: a
 * small hostile file could nest a million levels and exhaust the stack. This
 * walk of the wire format (by the message descriptors) refuses nesting past
 * ONNX_MAX_NESTING first; it leaves every other defect to protobuf-c. */
static int read_varint(const uint8_t *p, size_t len, size_t *k, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64 && *k < len; shift += 7) {
		uint8_t b = p[(*k)++];
		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 1;
	}
	return 0;
}

static int nesting_ok(const ProtobufCMessageDescriptor *d, const uint8_t *p,
	size_t len, int depth)
{
	if (depth > ONNX_MAX_NESTING)
		return 0;
	size_t k = 0;
	while (k < len) {
		uint64_t tag, n;
		if (!read_varint(p, len, &k, &tag))
			return 1;
		switch (tag & 7) {
		case 0:
			if (!read_varint(p, len, &k, &n))
				return 1;
			break;
		case 1:
			k += 8;
			break;
		case 5:
			k += 4;
			break;
		case 2: {
			if (!read_varint(p, len, &k, &n) || n > len - k)
				return 1;
			const ProtobufCFieldDescriptor *f =
				protobuf_c_message_descriptor_get_field(d, (unsigned)(tag >> 3));
			if (f && f->type == PROTOBUF_C_TYPE_MESSAGE &&
				!nesting_ok(f->descriptor, p + k, n, depth + 1))
				return 0;
			k += n;
			break;
		}
		default:
			return 1;
		}
	}
	return 1;
}

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_fail("cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			if (cap > (size_t)ONNX_MAX_FILE) {
				diag_fail("'%s' is larger than 2 GiB", path);
				break;
			}
			uint8_t *nb = realloc(buf, cap);
			if (!nb) {
				diag_fail("out of memory reading '%s'", path);
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			int err = ferror(f);
			fclose(f);
			if (err) {
				diag_fail("cannot read '%s'", path);
				free(buf);
				return NULL;
			}
			*len = n;
			return buf;
		}
	}
	fclose(f);
	free(buf);
	return NULL;
}

static const char *model_name(Arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strcspn(base, ".");
	return arena_strndup(a, base, n ? n : strlen(base));
}

Graph *onnx_load_bound(const char *path, const NamedTensor *bind, int nbind,
	int *kept)
{
	size_t len;
	uint8_t *buf = read_file(path, &len);
	if (!buf)
		return NULL;
	Loc loc = {path, 0, 0};
	if (!nesting_ok(&onnx__model_proto__descriptor, buf, len, 0)) {
		diag_error(loc, "messages nested deeper than %d levels",
			ONNX_MAX_NESTING);
		free(buf);
		return NULL;
	}
	Onnx__ModelProto *m = onnx__model_proto__unpack(NULL, len, buf);
	free(buf);
	if (!m) {
		diag_error(loc, "not a valid ONNX model (the protobuf encoding is "
			"truncated or corrupt)");
		return NULL;
	}
	if (!m->graph) {
		diag_error(loc, "the model has no graph");
		onnx__model_proto__free_unpacked(m, NULL);
		return NULL;
	}
	Graph *g = graph_new("model");
	g->name = sanitize(&(Ctx){.g = g}, model_name(&g->arena, path));
	g->path = arena_strdup(&g->arena, path);
	Ctx c = {0};
	c.g = g;
	c.path = g->path;
	c.loc = (Loc){g->path, 0, 0};
	c.model = m;
	c.opset = opset_of(m->opset_import, m->n_opset_import, 0);
	int rc = -1;
	if (c.opset == 0)
		diag_error(c.loc, "the model imports no opset of the default domain");
	else
		rc = import_graph(&c, bind, nbind, kept);
	if (rc == 0) {
		graph_compact(g);
		rc = graph_verify(g);
	}
	onnx__model_proto__free_unpacked(m, NULL);
	if (rc != 0) {
		graph_free(g);
		return NULL;
	}
	return g;
}

Graph *onnx_load(const char *path)
{
	return onnx_load_bound(path, NULL, 0, NULL);
}

int onnx_read_tensor_file(const char *path, Arena *a, NamedTensor *out)
{
	size_t len;
	uint8_t *buf = read_file(path, &len);
	if (!buf)
		return -1;
	Loc loc = {path, 0, 0};
	Onnx__TensorProto *tp = NULL;
	if (nesting_ok(&onnx__tensor_proto__descriptor, buf, len, 0))
		tp = onnx__tensor_proto__unpack(NULL, len, buf);
	free(buf);
	if (!tp) {
		diag_error(loc, "not a valid serialized TensorProto");
		return -1;
	}
	Graph *g = graph_new("tensor");
	Ctx c = {0};
	c.g = g;
	c.loc = loc;
	Tens *t = imp_tensor(&c, tp, "tensor");
	int rc = -1;
	if (t) {
		out->name = arena_strdup(a, tp->name ? tp->name : "");
		out->elem = t->is_float ? DT_F32 : DT_I32;
		out->rank = t->rank;
		memcpy(out->dims, t->dims, sizeof out->dims);
		size_t n = t->numel ? t->numel : 1;
		out->data = arena_alloc(a, n * 4);
		rc = 0;
		for (int64_t k = 0; k < t->numel; k++) {
			if (t->is_float) {
				((float *)out->data)[k] = t->f[k];
			} else if (t->i[k] < INT32_MIN || t->i[k] > INT32_MAX) {
				diag_error(loc, "element %lld does not fit in 32 bits",
					(long long)k);
				rc = -1;
				break;
			} else {
				((int32_t *)out->data)[k] = (int32_t)t->i[k];
			}
		}
	}
	graph_free(g);
	onnx__tensor_proto__free_unpacked(tp, NULL);
	return rc;
}

void onnx_list_ops(FILE *f)
{
	fprintf(f, "ONNX ops (default domain, opsets up to %d):\n",
		ONNX_OPSET_MAX);
	for (int i = 0; i < onnx_op_count(); i++) {
		const OnnxOp *op = onnx_op_at(i);
		fprintf(f, "  %-20s from opset %-2d  %s\n", op->op_type,
			op->min_opset, op->note);
	}
}
