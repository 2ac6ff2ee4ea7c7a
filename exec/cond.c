/* cond.c - the condition kernels, float and integer: compare, not, logic,
 * where, and their integer forms qcompare and qwhere (docs/arith.md).
 *
 * A condition is a u8 tensor holding 0 or 1 (int32_t per element here, as
 * every integer buffer). compare follows IEEE and numpy: a comparison with
 * NaN is false. Inputs broadcast like numpy (bcast.h).
 */
#include <string.h>

#include "bcast.h"
#include "ir.h"
#include "qarith.h"

typedef enum { CMP_GT, CMP_GE, CMP_LT, CMP_LE, CMP_EQ } Cmp;

static Cmp cmp_of(const Node *n)
{
	static const char *names[] = {"gt", "ge", "lt", "le", "eq"};
	const char *s = attr_str(n, "cmp");
	for (int c = CMP_GT; c < CMP_EQ; c++)
		if (strcmp(s, names[c]) == 0)
			return c;
	return CMP_EQ;
}

/* a cmp b, false when either is NaN */
static int holds(Cmp c, double a, double b)
{
	switch (c) {
	case CMP_GT: return a > b;
	case CMP_GE: return a >= b;
	case CMP_LT: return a < b;
	case CMP_LE: return a <= b;
	default: return a == b;
	}
}

/* Element k of an input buffer of type t, exactly as a double (float and
 * int32 data are both exact in double). */
static double elem_at(const Type *t, const void *p, int64_t k)
{
	return t->elem == DT_F32 ? ((const float *)p)[k] :
		((const int32_t *)p)[k];
}

void eval_compare(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type, *at = &n->in[0]->type,
		*bt = &n->in[1]->type;
	int32_t *y = out;
	Cmp c = cmp_of(n);
	Walk wa, wb;
	walk_init(&wa, at, o);
	walk_init(&wb, bt, o);
	for (int64_t k = 0, m = type_numel(o); k < m;
	     k++, walk_next(&wa), walk_next(&wb))
		y[k] = holds(c, elem_at(at, in[0], wa.pos),
			elem_at(bt, in[1], wb.pos));
}

void eval_not(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	for (int64_t k = 0, m = type_numel(&n->out->type); k < m; k++)
		y[k] = !x[k];
}

void eval_logic(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type;
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	char fn = attr_str(n, "fn")[0];  /* and, or, xor */
	Walk wa, wb;
	walk_init(&wa, &n->in[0]->type, o);
	walk_init(&wb, &n->in[1]->type, o);
	for (int64_t k = 0, m = type_numel(o); k < m;
	     k++, walk_next(&wa), walk_next(&wb)) {
		int p = a[wa.pos] != 0, q = b[wb.pos] != 0;
		y[k] = fn == 'a' ? p && q : fn == 'o' ? p || q : p != q;
	}
}

void eval_where(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type;
	const int32_t *c = in[0];
	const float *x = in[1], *z = in[2];
	float *y = out;
	Walk wc, wx, wz;
	walk_init(&wc, &n->in[0]->type, o);
	walk_init(&wx, &n->in[1]->type, o);
	walk_init(&wz, &n->in[2]->type, o);
	for (int64_t k = 0, m = type_numel(o); k < m;
	     k++, walk_next(&wc), walk_next(&wx), walk_next(&wz))
		y[k] = c[wc.pos] ? x[wx.pos] : z[wz.pos];
}

/* (a - za) mult[0] cmp (b - zb) mult[1]: no rounding, so the comparison
 * is exact on the common grid. */
void eval_qcompare(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type;
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	int64_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	Cmp c = cmp_of(n);
	Walk wa, wb;
	walk_init(&wa, &n->in[0]->type, o);
	walk_init(&wb, &n->in[1]->type, o);
	for (int64_t k = 0, m = type_numel(o); k < m;
	     k++, walk_next(&wa), walk_next(&wb)) {
		int64_t p = (a[wa.pos] - za) * mult[0], q = (b[wb.pos] - zb) * mult[1];
		y[k] = c == CMP_GT ? p > q : c == CMP_GE ? p >= q :
			c == CMP_LT ? p < q : c == CMP_LE ? p <= q : p == q;
	}
}

/* cond ? requant(x) : requant(y), each onto the output's grid. */
void eval_qwhere(const Node *n, const void *const *in, void *out)
{
	const Type *o = &n->out->type;
	const int32_t *c = in[0], *x = in[1], *z = in[2];
	int32_t *y = out;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zx = zp_of(n->in[1]), zz = zp_of(n->in[2]), zy = zp_of(n->out);
	int64_t lo = type_qmin(o), hi = type_qmax(o);
	Walk wc, wx, wz;
	walk_init(&wc, &n->in[0]->type, o);
	walk_init(&wx, &n->in[1]->type, o);
	walk_init(&wz, &n->in[2]->type, o);
	for (int64_t k = 0, m = type_numel(o); k < m;
	     k++, walk_next(&wc), walk_next(&wx), walk_next(&wz))
		y[k] = c[wc.pos] ?
			requant((int64_t)x[wx.pos] - zx, mult[0], shift[0], zy, lo, hi) :
			requant((int64_t)z[wz.pos] - zz, mult[1], shift[1], zy, lo, hi);
}
