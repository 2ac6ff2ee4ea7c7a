/* print.c - the canonical `.g` text of a Graph.
 *
 * Layout: `model`, `weights` (if any), then inputs, consts (g->values order)
 * and nodes (g->nodes order), each section after a blank line and skipped
 * when empty. Every node carries its full type. An attribute is printed iff
 * it is required or differs from its default, in ops.def order. Floats use
 * %.9g (enough to read an f32 back exactly), with inf, -inf and nan spelled
 * out. Outputs: a node whose value is the next graph output in order gets
 * the `output` prefix; the outputs left over are listed as `output NAME`
 * lines at the end, so parsing the text gives the same output order and
 * printing it again gives the same bytes.
 */
#include <math.h>
#include <string.h>

#include "ir.h"

static void put_float(FILE *f, double v)
{
	if (isnan(v))
		fputs("nan", f);
	else if (isinf(v))
		fputs(v < 0 ? "-inf" : "inf", f);
	else
		fprintf(f, "%.9g", v);
}

static int is_ident(const char *s)
{
	if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return 0;
	for (s++; *s; s++)
		if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

static int is_ref_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(strchr("_.:/-", *s) || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

static void put_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

void print_type(FILE *f, const Type *t)
{
	fprintf(f, "%s[", dtype_name(t->elem));
	for (int i = 0; i < t->rank; i++)
		fprintf(f, i ? ",%lld" : "%lld", (long long)t->dims[i]);
	fputc(']', f);
	const QParams *q = &t->q;
	if (!q->present)
		return;
	if (q->axis < 0) {
		fputs(" q(scale=", f);
		put_float(f, q->scale[0]);
		fprintf(f, ", zp=%d", (int)q->zp[0]);
	} else {
		fprintf(f, " q(axis=%d, scale=[", q->axis);
		int zero = 1;
		for (int i = 0; i < q->n; i++) {
			if (i)
				fputc(',', f);
			put_float(f, q->scale[i]);
			zero &= q->zp[i] == 0;
		}
		fputs("], zp=", f);
		if (zero) {
			fputc('0', f);
		} else {
			for (int i = 0; i < q->n; i++)
				fprintf(f, "%s%d", i ? "," : "[", (int)q->zp[i]);
			fputc(']', f);
		}
	}
	if (q->bits > 0 && q->bits < dtype_bits(t->elem))
		fprintf(f, ", bits=%d", q->bits);
	fputc(')', f);
}

/* Equal as printed: a value that prints like the default reads back as the
 * default, so it must not be printed either (or print would not be a fixed
 * point of parse + print). */
static int same_float(double a, double b)
{
	char x[32], y[32];
	if (isnan(a) || isnan(b) || isinf(a) || isinf(b))
		return a == b || (isnan(a) && isnan(b));
	snprintf(x, sizeof x, "%.9g", a);
	snprintf(y, sizeof y, "%.9g", b);
	return strcmp(x, y) == 0;
}

static int attr_is_default(const Attr *a, const AttrSpec *s)
{
	const Attr *d = &s->def;
	switch (s->kind) {
	case AK_INT:
		return a->i == d->i;
	case AK_FLOAT:
		return same_float(a->f, d->f);
	case AK_INTS:
		if (a->n != d->n)
			return 0;
		for (int i = 0; i < a->n; i++)
			if (a->ints[i] != d->ints[i])
				return 0;
		return 1;
	case AK_FLOATS:
		if (a->n != d->n)
			return 0;
		for (int i = 0; i < a->n; i++)
			if (!same_float(a->floats[i], d->floats[i]))
				return 0;
		return 1;
	case AK_STR:
		if (!a->s || !d->s)
			return a->s == d->s;
		return strcmp(a->s, d->s) == 0;
	default:
		return 1;
	}
}

static void put_attr(FILE *f, const Attr *a, const AttrSpec *s)
{
	fprintf(f, ", %s=", s->name);
	switch (s->kind) {
	case AK_INT:
		fprintf(f, "%lld", (long long)a->i);
		break;
	case AK_FLOAT:
		put_float(f, a->f);
		break;
	case AK_INTS:
		fputc('[', f);
		for (int i = 0; i < a->n; i++)
			fprintf(f, i ? ",%lld" : "%lld", (long long)a->ints[i]);
		fputc(']', f);
		break;
	case AK_FLOATS:
		fputc('[', f);
		for (int i = 0; i < a->n; i++) {
			if (i)
				fputc(',', f);
			put_float(f, a->floats[i]);
		}
		fputc(']', f);
		break;
	case AK_STR:
		if (a->s && is_ident(a->s))
			fputs(a->s, f);
		else
			put_quoted(f, a->s ? a->s : "");
		break;
	default:
		break;
	}
}

static void put_data(FILE *f, const Value *v)
{
	int64_t n = type_numel(&v->type);
	fputc('[', f);
	for (int64_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", f);
		if (v->type.elem == DT_F32)
			put_float(f, ((const float *)v->data)[i]);
		else
			fprintf(f, "%d", (int)((const int32_t *)v->data)[i]);
	}
	fputc(']', f);
}

static void put_const(FILE *f, const Graph *g, const Value *v,
	const PrintOpts *o)
{
	fprintf(f, "const %s : ", v->name);
	print_type(f, &v->type);
	fputs(" = ", f);
	const char *ref = NULL;
	if (v->ref && g->weights_path)
		ref = v->ref;
	else if (o && o->inline_limit > 0 &&
		 type_numel(&v->type) > o->inline_limit)
		ref = v->name;
	if (!ref) {
		put_data(f, v);
	} else if (is_ref_name(ref)) {
		fprintf(f, "@%s", ref);
	} else {
		fputc('@', f);
		put_quoted(f, ref);
	}
	fputc('\n', f);
}

static void put_node(FILE *f, const Node *n, int as_output)
{
	const OpInfo *info = op_info(n->op);
	fprintf(f, "%s%s : ", as_output ? "output " : "", n->out->name);
	print_type(f, &n->out->type);
	fprintf(f, " = %s(", info->name);
	for (int i = 0; i < n->nin; i++)
		fprintf(f, "%s%s", i ? ", " : "", n->in[i] ? n->in[i]->name : "_");
	for (int k = 0; k < info->nattr; k++) {
		const AttrSpec *s = &info->attrs[k];
		if (s->required || !attr_is_default(&n->attr[k], s))
			put_attr(f, &n->attr[k], s);
	}
	fputs(")\n", f);
}

/* The model name as an identifier: other characters become '_'. */
static void put_model_name(FILE *f, const char *name)
{
	if (!*name || (*name >= '0' && *name <= '9'))
		fputc('_', f);
	for (const char *p = name; *p; p++) {
		int ok = *p == '_' || (*p >= 'A' && *p <= 'Z') ||
			(*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		fputc(ok ? *p : '_', f);
	}
}

void print_graph(FILE *f, const Graph *g, const PrintOpts *o)
{
	fputs("model ", f);
	put_model_name(f, g->name);
	fputc('\n', f);
	if (g->weights_path) {
		fputs("weights ", f);
		put_quoted(f, g->weights_path);
		fputc('\n', f);
	}
	if (g->calib_path) {
		fputs("calib ", f);
		put_quoted(f, g->calib_path);
		fputc('\n', f);
	}
	if (g->rounding != ROUND_AWAY)
		fprintf(f, "rounding %s\n", rounding_names[g->rounding]);

	for (int i = 0; i < g->ninputs; i++) {
		fputs(i ? "input " : "\ninput ", f);
		fprintf(f, "%s : ", g->inputs[i]->name);
		print_type(f, &g->inputs[i]->type);
		fputc('\n', f);
	}

	int first = 1;
	for (int i = 0; i < g->nvalues; i++) {
		if (g->values[i]->kind != VAL_CONST)
			continue;
		if (first)
			fputc('\n', f);
		first = 0;
		put_const(f, g, g->values[i], o);
	}

	first = 1;
	int next_out = 0;
	for (int i = 0; i < g->nnodes; i++) {
		const Node *n = g->nodes[i];
		if (n->dead)
			continue;
		if (first)
			fputc('\n', f);
		first = 0;
		int as_output = next_out < g->noutputs &&
			g->outputs[next_out] == n->out;
		next_out += as_output;
		put_node(f, n, as_output);
	}
	for (int i = next_out; i < g->noutputs; i++)
		fprintf(f, "output %s\n", g->outputs[i]->name);
}
