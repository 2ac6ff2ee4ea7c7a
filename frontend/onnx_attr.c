/* onnx_attr.c - a node's attributes, read by name with their type checked:
 * an attribute of the wrong type is one error naming the node (imp_reject);
 * an absent one takes the default the importer gives. Which attributes an op
 * accepts at all is its table row's `attrs` list (imp_attr_allowed). */
#include <string.h>

#include "onnx_imp.h"

const Onnx__AttributeProto *imp_attr(const NodeCtx *n, const char *name)
{
	for (size_t i = 0; i < n->p->n_attribute; i++)
		if (n->p->attribute[i]->name &&
			strcmp(n->p->attribute[i]->name, name) == 0)
			return n->p->attribute[i];
	return NULL;
}

int imp_attr_allowed(const char *list, const char *name)
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

int imp_attr_opsets(Ctx *c, NodeCtx *n, const char *name, int first,
	int last)
{
	if (!imp_attr(n, name) || (n->opset >= first && (!last ||
			n->opset <= last)))
		return 0;
	if (n->opset < first)
		return imp_reject(c, n, "attribute '%s' is defined from opset %d",
			name, first);
	return imp_reject(c, n, "attribute '%s' was removed after opset %d",
		name, last);
}

/* The attribute `name` if present and of type `type`; *a = NULL when
 * absent. -1 after reporting a type mismatch. */
static int typed(Ctx *c, NodeCtx *n, const char *name, int type,
	const char *want, const Onnx__AttributeProto **a)
{
	*a = imp_attr(n, name);
	if (!*a)
		return 0;
	if (!(*a)->has_type || (int)(*a)->type != type)
		return imp_reject(c, n, "attribute '%s' is not of type %s", name,
			want);
	return 0;
}

int imp_attr_int(Ctx *c, NodeCtx *n, const char *name, int64_t def,
	int64_t *out)
{
	const Onnx__AttributeProto *a;
	*out = def;
	if (typed(c, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT, "INT",
		&a))
		return -1;
	if (a)
		*out = a->i;
	return 0;
}

int imp_attr_float(Ctx *c, NodeCtx *n, const char *name, double def,
	double *out)
{
	const Onnx__AttributeProto *a;
	*out = def;
	if (typed(c, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT,
		"FLOAT", &a))
		return -1;
	if (a)
		*out = a->f;
	return 0;
}

int imp_attr_ints(Ctx *c, NodeCtx *n, const char *name, int64_t *out,
	int max, int *len)
{
	const Onnx__AttributeProto *a;
	*len = -1;
	if (typed(c, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS, "INTS",
		&a))
		return -1;
	if (!a)
		return 0;
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
	const Onnx__AttributeProto *a;
	*out = def;
	if (typed(c, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING,
		"STRING", &a))
		return -1;
	if (a)
		*out = arena_strndup(&c->g->arena, (const char *)a->s.data, a->s.len);
	return 0;
}
