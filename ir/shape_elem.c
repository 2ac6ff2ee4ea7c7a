/* shape_elem.c - shape inference of the elementwise functions of one value
 * (exp, elu, shrink, ...: shape_act) and of the condition ops: compare,
 * not, logic and where (their integer twins qcompare and qwhere are in
 * shape_q.c).
 *
 * A condition is a u8 tensor without q(...) holding 0 or 1, ONNX's bool.
 * compare takes two f32 operands, or two integer operands without q (ids,
 * indices: compared as integers); not and logic take conditions; where
 * takes a condition and two f32 values. Every op broadcasts its inputs
 * like numpy.
 */
#include <math.h>
#include <string.h>

#include "ir.h"

/* A function of one f32 value: its float attributes finite, celu's alpha
 * not 0, shrink's lambd not negative; the output is shaped as the input. */
int shape_act(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || shape_need_f32(n) < 0)
		return -1;
	const OpInfo *info = op_info(n->op);
	for (int i = 0; i < info->nattr; i++) {
		const Attr *a = &n->attr[i];
		if (a->kind == AK_FLOAT && !isfinite(a->f))
			return shape_err(n, "%s must be finite, got %g",
				info->attrs[i].name, a->f);
	}
	if (n->op == OP_CELU && attr_float(n, "alpha") == 0)
		return shape_err(n, "alpha must not be 0");
	if (n->op == OP_SHRINK && attr_float(n, "lambd") < 0)
		return shape_err(n, "lambd must be >= 0, got %g",
			attr_float(n, "lambd"));
	const Type *x = shape_in(n, 0);
	return shape_set_out(n, DT_F32, x->rank, x->dims);
}

/* The slope broadcasts to x, whose shape the output keeps (ONNX's
 * unidirectional broadcasting). */
int shape_prelu_dims(const Node *n)
{
	const Type *x = shape_in(n, 0), *a = shape_in(n, 1);
	Type o;
	if (shape_broadcast(x, a, &o) < 0 || !type_same_shape(&o, x))
		return shape_err(n, "slope %s does not broadcast to the input %s",
			shape_tstr(a), shape_tstr(x));
	return 0;
}

int shape_prelu(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || shape_need_f32(n) < 0 ||
	    shape_prelu_dims(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	return shape_set_out(n, DT_F32, x->rank, x->dims);
}

/* The cmp attribute of compare/qcompare names one of the five relations. */
int shape_check_cmp(const Node *n)
{
	static const char *ok[] = {"gt", "ge", "lt", "le", "eq"};
	const char *cmp = attr_str(n, "cmp");
	for (size_t i = 0; cmp && i < sizeof ok / sizeof *ok; i++)
		if (strcmp(cmp, ok[i]) == 0)
			return 0;
	return shape_err(n, "cmp must be gt, ge, lt, le or eq, got '%s'",
		cmp ? cmp : "");
}

/* An integer tensor without q(...): an id, an index, a condition. */
static int plain_int(const Type *t)
{
	return dtype_is_int(t->elem) && !t->q.present;
}

static int need_condition(const Node *n, int i)
{
	const Type *t = shape_in(n, i);
	if (t->elem != DT_U8 || t->q.present)
		return shape_err(n, "input %d '%s' must be a u8 condition without "
			"q(...), got %s", i, n->in[i]->name, shape_tstr(t));
	return 0;
}

int shape_compare(Graph *g, Node *n)
{
	(void)g;
	Type o;
	if (shape_check_inputs(n) < 0 || shape_check_cmp(n) < 0)
		return -1;
	const Type *a = shape_in(n, 0), *b = shape_in(n, 1);
	int floats = a->elem == DT_F32 && b->elem == DT_F32;
	if (!floats && !(plain_int(a) && plain_int(b)))
		return shape_err(n, "expected two f32 operands or two integer "
			"operands without q(...), got %s and %s", shape_tstr(a),
			shape_tstr(b));
	if (shape_broadcast_inputs(n, &o) < 0)
		return -1;
	return shape_set_out(n, DT_U8, o.rank, o.dims);
}

/* not and logic: conditions in, a condition out. */
int shape_logic(Graph *g, Node *n)
{
	(void)g;
	Type o;
	if (shape_check_inputs(n) < 0)
		return -1;
	for (int i = 0; i < n->nin; i++)
		if (need_condition(n, i) < 0)
			return -1;
	if (n->op == OP_LOGIC) {
		const char *fn = attr_str(n, "fn");
		if (!fn || (strcmp(fn, "and") && strcmp(fn, "or") &&
				strcmp(fn, "xor")))
			return shape_err(n, "fn must be and, or or xor, got '%s'",
				fn ? fn : "");
	}
	if (shape_broadcast_inputs(n, &o) < 0)
		return -1;
	return shape_set_out(n, DT_U8, o.rank, o.dims);
}

int shape_where(Graph *g, Node *n)
{
	(void)g;
	Type o;
	if (shape_check_inputs(n) < 0 || need_condition(n, 0) < 0)
		return -1;
	for (int i = 1; i < 3; i++)
		if (shape_in(n, i)->elem != DT_F32)
			return shape_err(n, "input %d '%s' must be f32, got %s", i,
				n->in[i]->name, shape_tstr(shape_in(n, i)));
	if (shape_broadcast_inputs(n, &o) < 0)
		return -1;
	return shape_set_out(n, DT_F32, o.rank, o.dims);
}
