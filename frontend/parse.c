/* parse.c - builds a Graph from `.g` text, one statement at a time, as the
 * grammar (parser.y) recognizes them. Every check a source can fail is made
 * here with the location of the offending token: names, types, q(...),
 * literals, weights references, op arity and attributes, and the declared
 * type of a node against the one shape inference finds (types and q(...)
 * themselves are checked in parse_type.c). A statement that fails defines
 * nothing and its name is poisoned (ps_failed), so the parse can go on;
 * the finished graph is verified only if there was no error, then its
 * weights and the memory its tensors need are checked (ir/check.c).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "parser.h"

typedef void *yyscan_t;
int g_lex_init_extra(struct LexState *extra, yyscan_t *scanner);
int g_lex_destroy(yyscan_t scanner);
void *g__scan_bytes(const char *bytes, int len, yyscan_t scanner);
int yyparse(void *scanner, ParseState *ps);

/* ------------------------------------------------------- lexer helpers */

char *lex_strdup(struct LexState *s, const char *t, size_t n)
{
	return arena_strndup(s->arena, t, n);
}

char *lex_unquote(struct LexState *s, const char *t, size_t n)
{
	char *out = arena_alloc(s->arena, n);
	size_t k = 0;
	for (size_t i = 1; i + 1 < n; i++) {
		char c = t[i];
		if (c == '\\') {
			c = t[++i];
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
			else if (c != '"' && c != '\\')
				return NULL;
		}
		out[k++] = c;
	}
	out[k] = 0;
	return out;
}

/* ------------------------------------------------------ grammar helpers */

Loc ps_loc(ParseState *ps, int line, int col)
{
	return (Loc){ps->path, line, col};
}

/* The array v of n elements of `size` bytes, with room for one more. */
static void *list_room(ParseState *ps, void *v, int *cap, int n, size_t size)
{
	if (n < *cap)
		return v;
	int ncap = *cap ? 2 * *cap : 8;
	v = arena_realloc(&ps->arena, v, *cap * size, ncap * size);
	*cap = ncap;
	return v;
}

/* A literal list's parsed numbers take about 50 bytes each, far more than
 * the 4 of the tensor they fill: the list is held to the memory limit. */
static int list_full(ParseState *ps, NumList *l, Loc loc)
{
	int64_t max = graph_mem_limit / (int64_t)sizeof *l->v;
	if (l->n < max && l->n < INT32_MAX / 2)
		return 0;
	if (!l->too_long)
		diag_error(loc, "more than %d values in one list: over the "
			"memory limit", l->n);
	l->too_long = 1;
	ps->stmt_failed = 1;
	return 1;
}

NumList *ps_numlist(ParseState *ps, NumList *l, Num n)
{
	if (!l) {
		l = arena_alloc(&ps->arena, sizeof *l);
		if (!n.text)
			return l;  /* the empty list */
	}
	if (list_full(ps, l, n.loc))
		return l;
	l->v = list_room(ps, l->v, &l->cap, l->n, sizeof *l->v);
	l->v[l->n++] = n;
	return l;
}

ArgList *ps_arglist(ParseState *ps, ArgList *l, Arg a)
{
	if (!l) {
		l = arena_alloc(&ps->arena, sizeof *l);
		if (!a.loc.line)
			return l;  /* the empty list */
	}
	l->v = list_room(ps, l->v, &l->cap, l->n, sizeof *l->v);
	l->v[l->n++] = a;
	return l;
}

int ps_number(ParseState *ps, const char *text, int is_int, Loc loc, Num *out)
{
	(void)ps;
	*out = (Num){.is_int = is_int, .text = text, .loc = loc};
	if (is_int) {
		errno = 0;
		out->i = strtoll(text, NULL, 10);
		if (errno == ERANGE) {
			diag_error(loc, "integer '%s' is out of range", text);
			return -1;
		}
		out->f = (double)out->i;
		if (text[0] == '-' && out->i == 0)
			out->f = -0.0;  /* "-0" is how %.9g prints -0.0f */
		return 0;
	}
	if (strcmp(text, "inf") == 0 || strcmp(text, "-inf") == 0) {
		out->f = text[0] == '-' ? -INFINITY : INFINITY;
		return 0;
	}
	if (strcmp(text, "nan") == 0) {
		out->f = NAN;
		return 0;
	}
	if (!(text[0] == '-' || text[0] == '.' || (text[0] >= '0' && text[0] <= '9'))) {
		diag_error(loc, "expected a number but found '%s'", text);
		return -1;
	}
	errno = 0;
	out->f = strtod(text, NULL);
	if (errno == ERANGE && isinf(out->f)) {
		diag_error(loc, "number '%s' is out of range", text);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- names */

static int check_new_name(ParseState *ps, const char *name, Loc loc)
{
	if (strcmp(name, "_") == 0) {
		diag_error(loc, "'_' marks an absent input and cannot name a "
			"value");
		return -1;
	}
	Value *old = graph_find(ps->g, name);
	if (old) {
		diag_error(loc, "redefinition of '%s'", name);
		diag_note(old->loc, "'%s' was defined here", name);
		return -1;
	}
	return 0;
}

static int poisoned(const ParseState *ps, const char *name)
{
	for (int i = 0; i < ps->npoison; i++)
		if (strcmp(ps->poison[i], name) == 0)
			return 1;
	return 0;
}

int ps_failed(ParseState *ps, const char *name)
{
	if (name && !poisoned(ps, name)) {
		ps->poison = list_room(ps, ps->poison, &ps->cap_poison,
			ps->npoison + 1, sizeof *ps->poison);
		ps->poison[ps->npoison++] = name;
	}
	if (++ps->errors < PARSE_MAX_ERRORS)
		return 0;
	diag_fail("%s: too many errors, stopping", ps->path);
	return 1;
}

/* ------------------------------------------------------------ statements */

int ps_model(ParseState *ps, const char *name, Loc loc)
{
	if (ps->seen_model) {
		diag_error(loc, "the model is named twice");
		return -1;
	}
	ps->seen_model = 1;
	ps->g->name = arena_strdup(&ps->g->arena, name);
	return 0;
}

/* A file statement (`weights`, `calib`): at most one, not empty. */
static int set_file(ParseState *ps, const char **path, const char *file,
	const char *what, Loc loc)
{
	if (*path) {
		diag_error(loc, "a second %s file; a model has at most one", what);
		return -1;
	}
	if (!*file) {
		diag_error(loc, "empty %s file name", what);
		return -1;
	}
	*path = arena_strdup(&ps->g->arena, file);
	return 0;
}

int ps_weights(ParseState *ps, const char *file, Loc loc)
{
	if (set_file(ps, &ps->g->weights_path, file, "weights", loc))
		return -1;
	if (file[0] == '/' || !*ps->dir) {
		ps->weights_full = ps->g->weights_path;
	} else {
		size_t n = strlen(ps->dir) + strlen(file) + 2;
		char *p = arena_alloc(&ps->arena, n);
		snprintf(p, n, "%s/%s", ps->dir, file);
		ps->weights_full = p;
	}
	return 0;
}

/* `calib "FILE"`: the calibration set compiling the model uses when no
 * --calib is given, relative to the .g file's directory. */
int ps_calib(ParseState *ps, const char *file, Loc loc)
{
	return set_file(ps, &ps->g->calib_path, file, "calibration", loc);
}

int ps_rounding(ParseState *ps, const char *name, Loc loc)
{
	int r = rounding_find(name);
	if (r < 0) {
		diag_error(loc, "unknown rounding '%s'; expected away, even or "
			"double", name);
		return -1;
	}
	ps->g->rounding = r;
	return 0;
}

int ps_input(ParseState *ps, const char *name, Loc loc, TypeDecl *d)
{
	Type t;
	if (check_new_name(ps, name, loc) || ps_decl_type(ps, d, &t))
		return -1;
	return graph_add_input(ps->g, name, &t, loc) ? 0 : -1;
}

/* The weights file may hold i4/u4 data as I8/U8. */
static int elem_compatible(DType decl, DType file)
{
	return decl == file || (decl == DT_I4 && file == DT_I8) ||
		(decl == DT_U4 && file == DT_U8);
}

static int check_int_range(const Type *t, const int32_t *v, int64_t n,
	Loc loc, const char *what)
{
	int32_t lo = type_qmin(t), hi = type_qmax(t);
	for (int64_t i = 0; i < n; i++) {
		if (v[i] < lo || v[i] > hi || (v[i] == 0 && type_binary(t))) {
			diag_error(loc, "%s element %lld is %d, out of range "
				"[%d, %d] for %s%s", what, (long long)i, (int)v[i],
				(int)lo, (int)hi, dtype_name(t->elem),
				type_binary(t) ? " (binary: -1 or 1)" : "");
			return -1;
		}
	}
	return 0;
}

int ps_const_ref(ParseState *ps, const char *name, Loc loc, TypeDecl *d,
	const char *ref, Loc refloc)
{
	Type t;
	if (check_new_name(ps, name, loc) || ps_decl_type(ps, d, &t))
		return -1;
	if (!ps->weights_full) {
		diag_error(refloc, "'@%s' needs a weights file; declare one with "
			"weights \"FILE\" before it", ref);
		return -1;
	}
	NamedTensor nt;
	if (safetensors_load(ps->weights_full, ref, &ps->g->arena, &nt, refloc))
		return -1;
	Type ft = {.elem = nt.elem, .rank = nt.rank};
	memcpy(ft.dims, nt.dims, sizeof ft.dims);
	char a[TYPE_STR_MAX], b[TYPE_STR_MAX];
	if (!elem_compatible(t.elem, nt.elem) || !type_same_shape(&t, &ft)) {
		diag_error(refloc, "'@%s' in '%s' is %s, but the declaration says "
			"%s", ref, ps->g->weights_path, ps_shape_str(&ft, a, sizeof a),
			ps_shape_str(&t, b, sizeof b));
		return -1;
	}
	if (dtype_is_int(t.elem) && check_int_range(&t, nt.data,
			type_numel(&t), refloc, "weights tensor"))
		return -1;
	Value *v = graph_add_const(ps->g, name, &t, nt.data, loc);
	if (!v)
		return -1;
	v->ref = arena_strdup(&ps->g->arena, ref);
	return 0;
}

int ps_const_lit(ParseState *ps, const char *name, Loc loc, TypeDecl *d,
	NumList *lit)
{
	Type t;
	if (check_new_name(ps, name, loc) || ps_decl_type(ps, d, &t))
		return -1;
	int64_t numel = type_numel(&t);
	char buf[TYPE_STR_MAX];
	if (lit->n != numel) {
		diag_error(lit->loc, "%d values given but %s needs %lld", lit->n,
			ps_shape_str(&t, buf, sizeof buf), (long long)numel);
		return -1;
	}
	void *data = graph_try_alloc_data(ps->g, &t, name, loc);
	if (!data)
		return -1;
	int32_t lo = type_qmin(&t), hi = type_qmax(&t);
	for (int64_t i = 0; i < numel; i++) {
		Num *v = &lit->v[i];
		if (t.elem == DT_F32) {
			if (isfinite(v->f) && isinf((float)v->f)) {
				diag_error(v->loc, "value %s is out of range for f32",
					v->text);
				return -1;
			}
			((float *)data)[i] = (float)v->f;
			continue;
		}
		if (!v->is_int) {
			diag_error(v->loc, "expected an integer for %s but found "
				"%s", dtype_name(t.elem), v->text);
			return -1;
		}
		if (v->i < lo || v->i > hi) {
			diag_error(v->loc, "value %s is out of range [%d, %d] for %s",
				v->text, (int)lo, (int)hi, dtype_name(t.elem));
			return -1;
		}
		if (v->i == 0 && type_binary(&t)) {
			diag_error(v->loc, "value 0 in a binary type (bits=1): "
				"expected -1 or 1");
			return -1;
		}
		((int32_t *)data)[i] = (int32_t)v->i;
	}
	return graph_add_const(ps->g, name, &t, data, loc) ? 0 : -1;
}

int ps_output(ParseState *ps, const char *name, Loc loc)
{
	Value *v = graph_find(ps->g, name);
	if (!v) {
		if (!poisoned(ps, name))
			diag_error(loc, "use of undefined value '%s'", name);
		return -1;
	}
	graph_mark_output(ps->g, v);
	return 0;
}

/* --------------------------------------------------------------- nodes */

static const char *kind_name(AttrKind k)
{
	switch (k) {
	case AK_INT: return "an integer";
	case AK_FLOAT: return "a number";
	case AK_INTS: return "a list of integers";
	case AK_FLOATS: return "a list of numbers";
	case AK_STR: return "a name or a string";
	default: return "nothing";
	}
}

static const char *val_name(const Val *v)
{
	switch (v->kind) {
	case V_NUM: return v->num.is_int ? "an integer" : "a number";
	case V_LIST: return "a list";
	case V_IDENT: return "a name";
	default: return "a string";
	}
}

static int ident_number(const Val *v, double *f)
{
	if (v->kind != V_IDENT)
		return 0;
	if (strcmp(v->s, "inf") == 0)
		*f = INFINITY;
	else if (strcmp(v->s, "nan") == 0)
		*f = NAN;
	else
		return 0;
	return 1;
}

/* Converts a source value to the spec's kind into a (storage in g). */
static int convert_attr(Graph *g, const char *op, const AttrSpec *spec,
	const Arg *arg, Attr *a)
{
	const Val *v = &arg->val;
	*a = (Attr){.kind = spec->kind, .set = 1};
	double f;
	int ok = 1;
	switch (spec->kind) {
	case AK_INT:
		ok = v->kind == V_NUM && v->num.is_int;
		a->i = ok ? v->num.i : 0;
		break;
	case AK_FLOAT:
		if (v->kind == V_NUM)
			a->f = v->num.f;
		else if (ident_number(v, &f))
			a->f = f;
		else
			ok = 0;
		break;
	case AK_INTS:
	case AK_FLOATS:
		if (v->kind != V_LIST) {
			ok = 0;
			break;
		}
		a->n = v->list->n;
		if (spec->kind == AK_INTS)
			a->ints = arena_alloc(&g->arena, (a->n + 1) * sizeof *a->ints);
		else
			a->floats = arena_alloc(&g->arena,
				(a->n + 1) * sizeof *a->floats);
		for (int i = 0; i < a->n; i++) {
			const Num *x = &v->list->v[i];
			if (spec->kind == AK_FLOATS) {
				a->floats[i] = x->f;
			} else if (x->is_int) {
				a->ints[i] = x->i;
			} else {
				diag_error(x->loc, "attribute '%s' of %s takes "
					"integers, got %s", spec->name, op, x->text);
				return -1;
			}
		}
		break;
	case AK_STR:
		ok = v->kind == V_IDENT || v->kind == V_STR;
		a->s = ok ? arena_strdup(&g->arena, v->s) : NULL;
		break;
	default:
		ok = 0;
	}
	if (!ok) {
		diag_error(v->loc, "attribute '%s' of %s takes %s, got %s",
			spec->name, op, kind_name(spec->kind), val_name(v));
		return -1;
	}
	return 0;
}

static void attr_names(const OpInfo *info, char *buf, size_t size)
{
	size_t k = 0;
	buf[0] = 0;
	for (int i = 0; i < info->nattr && k < size; i++)
		k += snprintf(buf + k, size - k, "%s%s", i ? ", " : "",
			info->attrs[i].name);
}

static int node_attrs(ParseState *ps, int op, Call *c, Attr *attrs)
{
	const OpInfo *info = op_info(op);
	char names[256];
	for (int i = 0; i < c->args->n; i++) {
		Arg *arg = &c->args->v[i];
		if (!arg->name)
			continue;
		int k = op_attr_index(op, arg->name);
		if (k < 0 && info->nattr == 0) {
			diag_error(arg->loc, "%s has no attributes, got '%s'",
				info->name, arg->name);
			return -1;
		}
		if (k < 0) {
			attr_names(info, names, sizeof names);
			diag_error(arg->loc, "%s has no attribute '%s'; it has %s",
				info->name, arg->name, names);
			return -1;
		}
		if (attrs[k].set) {
			diag_error(arg->loc, "attribute '%s' given twice", arg->name);
			return -1;
		}
		if (convert_attr(ps->g, info->name, &info->attrs[k], arg, &attrs[k]))
			return -1;
	}
	for (int k = 0; k < info->nattr; k++) {
		if (info->attrs[k].required && !attrs[k].set) {
			diag_error(c->loc, "%s needs attribute '%s'", info->name,
				info->attrs[k].name);
			return -1;
		}
	}
	return 0;
}

static int node_inputs(ParseState *ps, int op, Call *c, Value **in, int *nin)
{
	const OpInfo *info = op_info(op);
	int n = 0, seen_attr = 0;
	for (int i = 0; i < c->args->n; i++) {
		Arg *arg = &c->args->v[i];
		if (arg->name) {
			seen_attr = 1;
			continue;
		}
		if (seen_attr) {
			diag_error(arg->loc, "input '%s' after an attribute; inputs "
				"come first", arg->ident);
			return -1;
		}
		if (strcmp(arg->ident, "_") == 0) {
			if (n < info->min_in) {
				diag_error(arg->loc, "input %d of %s is required and "
					"cannot be '_'", n + 1, info->name);
				return -1;
			}
			in[n++] = NULL;
			continue;
		}
		Value *v = graph_find(ps->g, arg->ident);
		if (!v) {
			if (!poisoned(ps, arg->ident))
				diag_error(arg->loc, "use of undefined value '%s'",
					arg->ident);
			return -1;
		}
		in[n++] = v;
	}
	*nin = n;
	if (n >= info->min_in && (info->max_in < 0 || n <= info->max_in))
		return 0;
	if (info->max_in < 0)
		diag_error(c->loc, "%s expects at least %d input%s, got %d",
			info->name, info->min_in, info->min_in == 1 ? "" : "s", n);
	else if (info->min_in == info->max_in)
		diag_error(c->loc, "%s expects %d input%s, got %d", info->name,
			info->min_in, info->min_in == 1 ? "" : "s", n);
	else
		diag_error(c->loc, "%s expects %d to %d inputs, got %d",
			info->name, info->min_in, info->max_in, n);
	return -1;
}

int ps_node(ParseState *ps, const char *name, Loc loc, TypeDecl *d, Call *c,
	int is_output)
{
	Graph *g = ps->g;
	if (check_new_name(ps, name, loc))
		return -1;
	int op = op_lookup(c->op);
	if (op < 0) {
		diag_error(c->loc, "unknown op '%s'", c->op);
		return -1;
	}
	const OpInfo *info = op_info(op);
	Value **in = arena_alloc(&ps->arena, (c->args->n + 1) * sizeof *in);
	Attr attrs[OP_MAX_ATTRS] = {{0}};
	int nin;
	if (node_inputs(ps, op, c, in, &nin) || node_attrs(ps, op, c, attrs))
		return -1;
	Type declared;
	if (d && ps_decl_type(ps, d, &declared))
		return -1;

	/* The output starts with the declared element type and q(...) but no
	 * dims, so the op's shape function infers them; the declared dims are
	 * compared afterwards and a mismatch is reported at the type. */
	Type start = {0};
	if (d) {
		start.elem = declared.elem;
		start.q = declared.q;
	}
	Node *n = graph_add_node(g, op, in, nin, name, &start, c->loc);
	if (!n)
		return -1;
	n->out->loc = loc;
	for (int k = 0; k < info->nattr; k++)
		if (attrs[k].set)
			n->attr[k] = attrs[k];
	int bad = info->shape(g, n) != 0;
	if (!bad && d && (n->out->type.elem != declared.elem ||
			  !type_same_shape(&n->out->type, &declared))) {
		char a[TYPE_STR_MAX], b[TYPE_STR_MAX];
		diag_error(d->loc, "declared type %s does not match inferred %s",
			ps_shape_str(&declared, a, sizeof a),
			ps_shape_str(&n->out->type, b, sizeof b));
		bad = 1;
	}
	if (bad) {
		/* the parse goes on without the node: nothing can use it */
		node_kill(g, n);
		n->out->name = "";
		return -1;
	}
	if (is_output)
		graph_mark_output(g, n->out);
	return 0;
}

/* ----------------------------------------------------------------- entry */

void yyerror(YYLTYPE *l, void *scanner, ParseState *ps, const char *msg)
{
	(void)scanner;
	diag_error(ps_loc(ps, l->first_line, l->first_column), "%s", msg);
}

Graph *parse_string(const char *path, const char *text, size_t len)
{
	op_init();
	if (len > (size_t)1 << 30) {
		diag_fail("%s: file too large", path);
		return NULL;
	}
	diag_add_source(path, text, len);
	ParseState ps = {0};
	ps.g = graph_new(NULL);
	ps.path = ps.g->path = arena_strdup(&ps.g->arena, path);
	const char *slash = strrchr(path, '/');
	ps.dir = slash ? arena_strndup(&ps.arena, path,
		slash == path ? 1 : (size_t)(slash - path)) : "";

	struct LexState ls = {.arena = &ps.arena, .line = 1, .col = 1};
	yyscan_t scanner;
	if (g_lex_init_extra(&ls, &scanner)) {
		diag_fail("cannot start the lexer");
		graph_free(ps.g);
		arena_free(&ps.arena);
		return NULL;
	}
	g__scan_bytes(text, (int)len, scanner);
	int r = yyparse(scanner, &ps);
	g_lex_destroy(scanner);
	arena_free(&ps.arena);
	if (r != 0 || ps.errors > 0 || graph_verify(ps.g) != 0 ||
	    graph_check_weights(ps.g) != 0 || graph_check_memory(ps.g) != 0) {
		graph_free(ps.g);
		return NULL;
	}
	return ps.g;
}

Graph *parse_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_fail("cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	size_t len = 0, cap = 1 << 16;
	char *text = malloc(cap);
	while (text) {
		len += fread(text + len, 1, cap - len, f);
		if (len < cap)
			break;
		char *t = cap < ((size_t)1 << 31) ? realloc(text, cap * 2) : NULL;
		if (!t) {
			free(text);
			text = NULL;
			break;
		}
		text = t;
		cap *= 2;
	}
	int bad = !text || ferror(f);
	int err = errno;
	fclose(f);
	if (bad) {
		diag_fail("cannot read '%s': %s", path,
			text ? strerror(err) : "file too large");
		free(text);
		return NULL;
	}
	Graph *g = parse_string(path, text, len);
	free(text);
	return g;
}
