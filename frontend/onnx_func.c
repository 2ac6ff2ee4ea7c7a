/* onnx_func.c - model-local functions (ModelProto.functions, which newer
 * exporters emit). A call is inlined: each node of the body is imported in
 * place of the call, with formal inputs and outputs renamed to the actual
 * ones, locals to "<call>/<local>" (so two calls do not clash), and
 * attributes that refer to the caller's (ref_attr_name) given its values.
 * The body runs at the function's own default-domain opset. Nesting deeper
 * than ONNX_MAX_DEPTH levels (recursion) is rejected. */
#include <string.h>

#include "onnx_imp.h"

int onnx_opset_of(Onnx__OperatorSetIdProto *const *ids, size_t n, int def)
{
	for (size_t i = 0; i < n; i++) {
		const char *d = ids[i]->domain ? ids[i]->domain : "";
		if ((!*d || strcmp(d, "ai.onnx") == 0) && ids[i]->has_version)
			return ids[i]->version > 1000000 ? 1000000 :
				(int)ids[i]->version;
	}
	return def;
}

const Onnx__FunctionProto *onnx_func_find(Ctx *c, const char *domain,
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

/* The attributes of body node src as the call n gives them: references to
 * the caller's attributes take its values (absent ones are dropped). */
static void bind_attributes(Ctx *c, NodeCtx *n, const Onnx__NodeProto *src,
	Onnx__NodeProto *m)
{
	Arena *a = &c->g->arena;
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
}

/* Body node src of f, as called by n. */
static Onnx__NodeProto *instantiate(Ctx *c, NodeCtx *n,
	const Onnx__FunctionProto *f, const Onnx__NodeProto *src)
{
	const char *prefix = n->p->name && *n->p->name ? n->p->name :
		n->p->output[0];
	Arena *a = &c->g->arena;
	Onnx__NodeProto *m = arena_alloc(a, sizeof *m);
	*m = *src;
	m->input = arena_alloc(a, (src->n_input + 1) * sizeof *m->input);
	m->output = arena_alloc(a, (src->n_output + 1) * sizeof *m->output);
	for (size_t i = 0; i < src->n_input; i++)
		m->input[i] = (char *)rename_local(c, f, n->p, prefix, src->input[i]);
	for (size_t i = 0; i < src->n_output; i++)
		m->output[i] = (char *)rename_local(c, f, n->p, prefix,
			src->output[i]);
	bind_attributes(c, n, src, m);
	return m;
}

int onnx_func_inline(Ctx *c, NodeCtx *n, const Onnx__FunctionProto *f)
{
	if (c->depth >= ONNX_MAX_DEPTH)
		return imp_reject(c, n, "functions nested deeper than %d levels",
			ONNX_MAX_DEPTH);
	if (n->p->n_input > f->n_input || n->p->n_output > f->n_output)
		return imp_reject(c, n, "function '%s' takes %zu inputs and %zu "
			"outputs, got %zu and %zu", f->name, f->n_input, f->n_output,
			n->p->n_input, n->p->n_output);
	int opset = onnx_opset_of(f->opset_import, f->n_opset_import, c->opset);
	c->depth++;
	for (size_t k = 0; k < f->n_node; k++) {
		if (onnx_import_node(c, instantiate(c, n, f, f->node[k]), opset)) {
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
