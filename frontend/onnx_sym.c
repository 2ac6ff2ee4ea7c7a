/* onnx_sym.c - the reader's symbol table: every ONNX tensor name seen so far
 * (graph input, initializer, node output) maps to a Sym, which holds the
 * run-time Value, the tensor known at import time, or both.
 *
 * IR values keep the ONNX names, sanitised to `.g` identifiers (sym_sanitize)
 * and made unique in the graph (sym_fresh_name). A tensor known at import
 * time becomes an IR constant only when an op needs it at run time
 * (sym_value): float data as f32, integer data as int32_t elements of the
 * matching integer type. */
#include <string.h>

#include "onnx_imp.h"

/* ---- names ---- */

/* ONNX names ("/conv1/Conv_output_0", "onnx::Gemm_12", "fc.weight") become
 * identifiers: other characters turn into '_', runs of '_' collapse, leading
 * and trailing ones are dropped, and a leading digit gets a "t" in front. */
const char *sym_sanitize(Ctx *c, const char *name)
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

const char *sym_fresh_name(Ctx *c, const char *onnx_name, const char *suffix)
{
	const char *base = sym_sanitize(c, onnx_name);
	if (suffix && *suffix) {
		size_t n = strlen(base) + strlen(suffix) + 1;
		char *b = arena_alloc(&c->g->arena, n);
		snprintf(b, n, "%s%s", base, suffix);
		base = b;
	}
	return graph_fresh_name(c->g, base);
}

/* Whether any node of gp (or of a graph in its nodes' attributes) reads or
 * writes the tensor `name`, or gp has it as an input, output or
 * initializer. */
static int graph_uses(const Onnx__GraphProto *gp, const char *name)
{
	for (size_t i = 0; i < gp->n_input; i++)
		if (!strcmp(gp->input[i]->name, name))
			return 1;
	for (size_t i = 0; i < gp->n_output; i++)
		if (!strcmp(gp->output[i]->name, name))
			return 1;
	for (size_t i = 0; i < gp->n_initializer; i++)
		if (gp->initializer[i]->name && !strcmp(gp->initializer[i]->name,
		    name))
			return 1;
	for (size_t k = 0; k < gp->n_node; k++) {
		const Onnx__NodeProto *p = gp->node[k];
		for (size_t i = 0; i < p->n_input; i++)
			if (!strcmp(p->input[i], name))
				return 1;
		for (size_t i = 0; i < p->n_output; i++)
			if (!strcmp(p->output[i], name))
				return 1;
		for (size_t a = 0; a < p->n_attribute; a++) {
			const Onnx__AttributeProto *at = p->attribute[a];
			if (at->g && graph_uses(at->g, name))
				return 1;
			for (size_t j = 0; j < at->n_graphs; j++)
				if (graph_uses(at->graphs[j], name))
					return 1;
		}
	}
	return 0;
}

/* Whether the model names the tensor `name` anywhere: its graph, or the
 * body of one of its functions. */
static int model_uses(const Ctx *c, const char *name)
{
	const Onnx__ModelProto *m = c->model;
	if (!m)
		return 0;
	if (m->graph && graph_uses(m->graph, name))
		return 1;
	for (size_t f = 0; f < m->n_functions; f++) {
		const Onnx__FunctionProto *fp = m->functions[f];
		for (size_t k = 0; k < fp->n_node; k++) {
			const Onnx__NodeProto *p = fp->node[k];
			for (size_t i = 0; i < p->n_output; i++)
				if (!strcmp(p->output[i], name))
					return 1;
		}
	}
	return 0;
}

const char *sym_fresh_onnx(Ctx *c, const char *onnx_name, const char *suffix)
{
	size_t n = strlen(onnx_name) + strlen(suffix) + 24;
	char *s = arena_alloc(&c->g->arena, n);
	snprintf(s, n, "%s%s", onnx_name, suffix);
	for (long k = 1; sym_get(c, s) || model_uses(c, s); k++)
		snprintf(s, n, "%s%s_%ld", onnx_name, suffix, k);
	return s;
}

/* ---- the table: ONNX name -> Sym, open addressing ---- */

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

int sym_bind_value(Ctx *c, const char *name, Value *v, int dt)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->v = v;
	s->dt = dt;
	return 0;
}

int sym_bind_tens(Ctx *c, const char *name, Tens *t)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->t = t;
	s->dt = t->dt;
	return 0;
}

int sym_alias(Ctx *c, const char *name, Sym *from)
{
	Sym *s = sym_new(c, name);
	if (!s)
		return -1;
	s->v = from->v;
	s->t = from->t;
	s->dt = from->dt;
	return 0;
}

int sym_dtype(const Sym *s)
{
	return s->t ? s->t->dt : s->dt;
}

int sym_is_float(const Sym *s)
{
	return s->t ? s->t->is_float : s->v->type.elem == DT_F32;
}

/* ---- constants materialised as IR values ---- */

/* Integer data as the int32_t elements the IR stores; -1 after reporting a
 * value outside the int32 range (int64 and uint32 initializers). */
static int int_data(Ctx *c, const Sym *s, int32_t *out)
{
	const Tens *t = s->t;
	for (int64_t k = 0; k < t->numel; k++) {
		if (t->i[k] < INT32_MIN || t->i[k] > INT32_MAX) {
			diag_error(c->loc, "tensor '%s' (%s) holds %lld at element %lld; "
				"qcc stores integer constants in 32 bits", s->name,
				onnx_dtype_name(t->dt), (long long)t->i[k], (long long)k);
			return -1;
		}
		out[k] = (int32_t)t->i[k];
	}
	return 0;
}

Value *sym_value(Ctx *c, Sym *s)
{
	if (s->v)
		return s->v;
	Tens *t = s->t;
	Type ty = {0};
	ty.elem = t->is_float ? DT_F32 : (DType)onnx_dtype_ir(t->dt);
	ty.rank = t->rank;
	memcpy(ty.dims, t->dims, sizeof ty.dims);
	void *data = t->f;
	if (!t->is_float) {
		data = graph_alloc_data(c->g, &ty);
		if (int_data(c, s, data) != 0)
			return NULL;
	}
	s->v = graph_add_const(c->g, sym_fresh_name(c, s->name, NULL), &ty, data,
		c->loc);
	return s->v;
}
