/* ops.c - the op table, built from ops.def, and its attribute specs.
 * The specs are short strings ("stride:ints=[1,1] groups:int=1") parsed once
 * by op_init(); a malformed spec is a compiler bug and aborts. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

#define OP(id, name, min_in, max_in, attrs, flags, qop, lower, shape, eval, \
	summary) \
	int shape(Graph *, Node *); \
	void eval(const Node *, const void *const *, void *);
#include "ops.def"
#undef OP

static OpInfo ops[OP_COUNT] = {
#define OP(id, name, min_in, max_in, attrs, flags, qop, lower, shape, eval, \
	summary) \
	[OP_##id] = {name, min_in, max_in, attrs, flags, qop, lower, shape, eval, \
		summary, 0, {{0}}},
#include "ops.def"
#undef OP
};

static int initialized;

/* Static storage for default lists; specs are small and fixed. */
static int64_t int_pool[512];
static double float_pool[128];
static int nint_pool, nfloat_pool;

static double parse_number(const char **p)
{
	const char *s = *p;
	int neg = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	double v;
	if (strncmp(s, "inf", 3) == 0) {
		v = INFINITY;
		s += 3;
	} else if (strncmp(s, "nan", 3) == 0) {
		v = NAN;
		s += 3;
	} else {
		char *end;
		v = strtod(s, &end);
		assert(end != s && "bad number in ops.def attribute spec");
		s = end;
	}
	*p = s;
	return neg ? -v : v;
}

static void parse_default(AttrSpec *a, const char **p)
{
	const char *s = *p;
	a->def.kind = a->kind;
	switch (a->kind) {
	case AK_INT:
		a->def.i = (int64_t)parse_number(&s);
		break;
	case AK_FLOAT:
		a->def.f = parse_number(&s);
		break;
	case AK_INTS:
	case AK_FLOATS:
		assert(*s == '[');
		s++;
		if (a->kind == AK_INTS)
			a->def.ints = &int_pool[nint_pool];
		else
			a->def.floats = &float_pool[nfloat_pool];
		while (*s != ']') {
			double v = parse_number(&s);
			if (a->kind == AK_INTS)
				int_pool[nint_pool++] = (int64_t)v;
			else
				float_pool[nfloat_pool++] = v;
			a->def.n++;
			if (*s == ',')
				s++;
		}
		s++;
		break;
	case AK_STR: {
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		a->def.s = strndup(s, e - s);
		s = e;
		break;
	}
	default:
		assert(!"bad attribute kind");
	}
	*p = s;
}

static AttrKind kind_from(const char *s, size_t n)
{
	static const char *names[] = {"", "int", "float", "ints", "floats", "str"};
	for (int k = AK_INT; k <= AK_STR; k++)
		if (strlen(names[k]) == n && strncmp(s, names[k], n) == 0)
			return k;
	assert(!"unknown attribute kind in ops.def");
	return AK_NONE;
}

static void parse_spec(OpInfo *op)
{
	const char *s = op->attr_spec;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		assert(op->nattr < OP_MAX_ATTRS);
		AttrSpec *a = &op->attrs[op->nattr++];
		const char *colon = strchr(s, ':');
		assert(colon);
		a->name = strndup(s, colon - s);
		s = colon + 1;
		size_t n = strcspn(s, "= ");
		a->kind = kind_from(s, n);
		s += n;
		if (*s == '=') {
			s++;
			parse_default(a, &s);
		} else {
			a->required = 1;
			a->def.kind = a->kind;
		}
	}
}

void op_init(void)
{
	if (initialized)
		return;
	initialized = 1;
	for (int i = 0; i < OP_COUNT; i++)
		parse_spec(&ops[i]);
}

const OpInfo *op_info(int op)
{
	assert(op >= 0 && op < OP_COUNT);
	op_init();
	return &ops[op];
}

int op_lookup(const char *name)
{
	for (int i = 0; i < OP_COUNT; i++)
		if (strcmp(ops[i].name, name) == 0)
			return i;
	return -1;
}

int op_attr_index(int op, const char *name)
{
	const OpInfo *info = op_info(op);
	for (int i = 0; i < info->nattr; i++)
		if (strcmp(info->attrs[i].name, name) == 0)
			return i;
	return -1;
}

int op_has(int op, unsigned flag)
{
	return (op_info(op)->flags & flag) != 0;
}
