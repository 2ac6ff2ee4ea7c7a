/* parse_type.c - the types of `.g` declarations: element type, dims and
 * q(...), checked against each other with the location of the token at
 * fault (see docs/g-language.md, "Types").
 */
#include <math.h>
#include <string.h>

#include "parse.h"

/* Element counts past this are refused: no model needs them and they would
 * overflow the int32 offsets used downstream. */
#define MAX_NUMEL ((int64_t)1 << 31)

/* "f32[1,10]": element type and dims, no q(...). */
const char *ps_shape_str(const Type *t, char *buf, size_t size)
{
	size_t k = snprintf(buf, size, "%s[", dtype_name(t->elem));
	for (int i = 0; i < t->rank && k < size; i++)
		k += snprintf(buf + k, size - k, i ? ",%lld" : "%lld",
			(long long)t->dims[i]);
	if (k < size)
		snprintf(buf + k, size - k, "]");
	return buf;
}

static int find_qarg(ArgList *args, const char *name, Arg **out)
{
	*out = NULL;
	for (int i = 0; i < args->n; i++) {
		Arg *a = &args->v[i];
		if (!a->name || strcmp(a->name, name) != 0)
			continue;
		if (*out) {
			diag_error(a->loc, "q(...) parameter '%s' given twice", name);
			return -1;
		}
		*out = a;
	}
	return 0;
}

static int q_scales(ParseState *ps, Arg *a, Type *t)
{
	QParams *q = &t->q;
	int n = a->val.kind == V_LIST ? a->val.list->n : 1;
	if (a->val.kind != V_NUM && a->val.kind != V_LIST) {
		diag_error(a->val.loc, "q(...) scale must be a number or a list "
			"of numbers");
		return -1;
	}
	if (q->axis < 0 && a->val.kind == V_LIST) {
		diag_error(a->val.loc, "per-tensor q(...) needs one scale, got a "
			"list; add axis=N for per-axis scales");
		return -1;
	}
	if (q->axis >= 0 && n != t->dims[q->axis]) {
		diag_error(a->val.loc, "q(...) has %d scale%s but dimension %d "
			"of the type has size %lld", n, n == 1 ? "" : "s", q->axis,
			(long long)t->dims[q->axis]);
		return -1;
	}
	q->n = n;
	q->scale = arena_alloc(&ps->arena, n * sizeof *q->scale);
	for (int i = 0; i < n; i++) {
		Num *v = a->val.kind == V_LIST ? &a->val.list->v[i] : &a->val.num;
		float s = (float)v->f;
		if (!(s > 0) || isinf(s)) {
			diag_error(v->loc, "q(...) scale must be positive and "
				"finite, got %s", v->text);
			return -1;
		}
		q->scale[i] = s;
	}
	return 0;
}

static int q_zps(ParseState *ps, Arg *a, Type *t)
{
	QParams *q = &t->q;
	q->zp = arena_alloc(&ps->arena, q->n * sizeof *q->zp);
	if (!a)
		return 0;
	if (a->val.kind != V_NUM && a->val.kind != V_LIST) {
		diag_error(a->val.loc, "q(...) zp must be an integer or a list of "
			"integers");
		return -1;
	}
	if (a->val.kind == V_LIST && (q->axis < 0 || a->val.list->n != q->n)) {
		diag_error(a->val.loc, "q(...) has %d zero points for %d scales",
			a->val.list->n, q->n);
		return -1;
	}
	int32_t lo = type_qmin(t), hi = type_qmax(t);
	for (int i = 0; i < q->n; i++) {
		Num *v = a->val.kind == V_LIST ? &a->val.list->v[i] : &a->val.num;
		if (!v->is_int) {
			diag_error(v->loc, "q(...) zero point must be an integer, "
				"got %s", v->text);
			return -1;
		}
		if (v->i < lo || v->i > hi) {
			diag_error(v->loc, "zero point %s is out of range [%d, %d] "
				"for %s", v->text, (int)lo, (int)hi,
				dtype_name(t->elem));
			return -1;
		}
		q->zp[i] = (int32_t)v->i;
	}
	return 0;
}

static int q_int(Arg *a, const char *what, int64_t lo, int64_t hi, int *out)
{
	if (a->val.kind != V_NUM || !a->val.num.is_int) {
		diag_error(a->val.loc, "q(...) %s must be an integer", what);
		return -1;
	}
	if (a->val.num.i < lo || a->val.num.i > hi) {
		diag_error(a->val.loc, "q(...) %s must be between %lld and %lld, "
			"got %lld", what, (long long)lo, (long long)hi,
			(long long)a->val.num.i);
		return -1;
	}
	*out = (int)a->val.num.i;
	return 0;
}

/* Fills t->q from q(axis=, scale=, zp=, bits=); t's elem and dims are set. */
static int decl_q(ParseState *ps, TypeDecl *d, Type *t)
{
	ArgList *args = d->qargs;
	Arg *axis, *scale, *zp, *bits;
	for (int i = 0; i < args->n; i++) {
		Arg *a = &args->v[i];
		if (!a->name) {
			diag_error(a->loc, "expected name=value in q(...) but found "
				"'%s'", a->ident);
			return -1;
		}
		if (strcmp(a->name, "axis") && strcmp(a->name, "scale") &&
		    strcmp(a->name, "zp") && strcmp(a->name, "bits")) {
			diag_error(a->loc, "unknown q(...) parameter '%s'; expected "
				"axis, scale, zp or bits", a->name);
			return -1;
		}
	}
	if (find_qarg(args, "axis", &axis) || find_qarg(args, "scale", &scale) ||
	    find_qarg(args, "zp", &zp) || find_qarg(args, "bits", &bits))
		return -1;
	if (!scale) {
		diag_error(d->qloc, "q(...) needs a scale");
		return -1;
	}
	t->q.present = 1;
	t->q.axis = -1;
	if (axis) {
		if (t->rank == 0) {
			diag_error(axis->loc, "q(...) axis needs a tensor of rank 1 "
				"or more");
			return -1;
		}
		if (q_int(axis, "axis", 0, t->rank - 1, &t->q.axis))
			return -1;
	}
	int full = dtype_bits(t->elem);
	if (bits) {
		if (q_int(bits, "bits", dtype_is_signed(t->elem) ? 1 : 2, full,
				&t->q.bits))
			return -1;
		if (t->q.bits == full)
			t->q.bits = 0;
	}
	return q_scales(ps, scale, t) || q_zps(ps, zp, t) ? -1 : 0;
}

int ps_decl_type(ParseState *ps, TypeDecl *d, Type *t)
{
	memset(t, 0, sizeof *t);
	int elem = dtype_from_name(d->elem);
	if (elem < 0) {
		diag_error(d->loc, "unknown element type '%s'; expected f32, i32, "
			"i16, i8, u8, i4 or u4", d->elem);
		return -1;
	}
	t->elem = elem;
	if (d->dims->n > QCC_MAX_RANK) {
		diag_error(d->dims->v[QCC_MAX_RANK].loc, "rank %d exceeds the "
			"maximum of %d", d->dims->n, QCC_MAX_RANK);
		return -1;
	}
	t->rank = d->dims->n;
	int64_t numel = 1;
	for (int i = 0; i < t->rank; i++) {
		Num *v = &d->dims->v[i];
		if (!v->is_int || v->i < 1) {
			diag_error(v->loc, "dimension must be a positive integer, "
				"got %s", v->text);
			return -1;
		}
		if (v->i > MAX_NUMEL / numel) {
			diag_error(v->loc, "tensor has too many elements (more "
				"than %lld)", (long long)MAX_NUMEL);
			return -1;
		}
		numel *= v->i;
		t->dims[i] = v->i;
	}
	if (d->has_q)
		return decl_q(ps, d, t);
	return 0;
}
