/* onnx_ops.c - the simple ONNX ops: elementwise (Relu, Clip, Add, ...) and
 * data movement (Flatten, Reshape, Transpose, Concat, Pad, Identity,
 * Dropout), with their table at the end, and the helpers every importer
 * file shares. The ops with more to resolve are in onnx_nn.c, the folded
 * ones in onnx_fold.c. Every refusal names the node, op and opset
 * (imp_reject). */
#include <float.h>
#include <math.h>
#include <string.h>

#include "onnx_imp.h"

/* ---- small helpers ---- */

void imp_shape(const Sym *s, int *rank, int64_t *dims)
{
	const int64_t *d = s->v ? s->v->type.dims : s->t->dims;
	*rank = s->v ? s->v->type.rank : s->t->rank;
	memcpy(dims, d, QCC_MAX_RANK * sizeof *dims);
}

int imp_axis(Ctx *c, NodeCtx *n, int64_t axis, int rank, int *out)
{
	*out = 0;
	if (axis < -rank || axis >= rank)
		return imp_reject(c, n, "axis %lld is out of range for rank %d",
			(long long)axis, rank);
	*out = (int)(axis < 0 ? axis + rank : axis);
	return 0;
}

int imp_has(const NodeCtx *n, int i)
{
	return i < n->nin && n->in[i];
}

int imp_single_output(Ctx *c, NodeCtx *n, const char *what)
{
	if (n->nout > 1)
		return imp_reject(c, n, "the %s output is not supported", what);
	return 0;
}

Value *imp_scalar(Ctx *c, NodeCtx *n, float x, const char *suffix)
{
	Type ty = {0};
	ty.elem = DT_F32;
	float *d = graph_alloc_data(c->g, &ty);
	d[0] = x;
	size_t len = strlen(n->p->output[0]) + strlen(suffix) + 1;
	char *base = arena_alloc(&c->g->arena, len);
	snprintf(base, len, "%s%s", n->p->output[0], suffix);
	Tens *t = tens_new(c, 1, 0, NULL);
	t->f[0] = x;
	Sym tmp = {base, NULL, t, t->dt};
	NodeCtx m = *n;
	m.nin = 1;
	m.in[0] = &tmp;
	return imp_value(c, &m, 0);
}

/* A reshape of v to dims, as output k (or an intermediate with suffix). */
Value *imp_reshape_to(Ctx *c, NodeCtx *n, Value *v, int rank,
	const int64_t *dims, int k, const char *suffix)
{
	Node *r = imp_node(c, n, OP_RESHAPE, &v, 1, k, suffix);
	if (!r)
		return NULL;
	attr_set_ints(c->g, r, "shape", dims, rank);
	return imp_finish(c, n, r, k) == 0 ? r->out : NULL;
}

/* Output k is a tensor of the same data as t with new dims (folding). */
static int bind_reshaped(Ctx *c, NodeCtx *n, const Tens *t, int rank,
	const int64_t *dims)
{
	int64_t numel = tens_numel(rank, dims);  /* -1: not a shape */
	if (numel != t->numel)
		return imp_reject(c, n, "cannot reshape %lld elements into %lld",
			(long long)t->numel, (long long)numel);
	Tens *o = tens_new(c, t->is_float, rank, dims);
	o->dt = t->dt;
	if (t->is_float)
		memcpy(o->f, t->f, t->numel * sizeof *o->f);
	else
		memcpy(o->i, t->i, t->numel * sizeof *o->i);
	return sym_bind_tens(c, n->p->output[0], o);
}

/* Either folds (constant input) or emits a reshape (run-time input). */
int imp_reshape(Ctx *c, NodeCtx *n, int rank, const int64_t *dims)
{
	if (n->in[0]->t && !n->in[0]->v)
		return bind_reshaped(c, n, n->in[0]->t, rank, dims);
	Value *x = imp_value(c, n, 0);
	return x && imp_reshape_to(c, n, x, rank, dims, 0, NULL) ? 0 : -1;
}

int imp_alias(Ctx *c, NodeCtx *n)
{
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	return sym_alias(c, n->p->output[0], n->in[0]);
}

/* ---- broadcasting before opset 7 ---- */

/* B's dims line up with A's from `axis` on: trailing 1s make numpy
 * broadcasting match them. A constant B is reshaped as a tensor, a
 * run-time one by a reshape node; n->in[1] is the result. */
static int legacy_reshape(Ctx *c, NodeCtx *n, int ra, int axis)
{
	Sym *b = n->in[1];
	int rb;
	int64_t d[QCC_MAX_RANK];
	imp_shape(b, &rb, d);
	for (int i = rb; i < ra - axis; i++)
		d[i] = 1;
	Sym *s = arena_alloc(&c->g->arena, sizeof *s);
	*s = *b;
	if (b->t && !b->v) {
		Tens *t = tens_new(c, b->t->is_float, ra - axis, d);
		t->dt = b->t->dt;
		for (int64_t k = 0; k < t->numel; k++) {
			if (t->is_float)
				t->f[k] = b->t->f[k];
			else
				t->i[k] = b->t->i[k];
		}
		s->t = t;
	} else {
		Value *v = imp_operand(c, n, 1);
		if (!v || !(s->v = imp_reshape_to(c, n, v, ra - axis, d, -1, "_b")))
			return -1;
		s->t = NULL;
	}
	n->in[1] = s;
	return 0;
}

int imp_legacy_broadcast(Ctx *c, NodeCtx *n)
{
	int64_t bc, axis;
	if (n->opset >= 7) {
		if (imp_attr(n, "broadcast") || imp_attr(n, "axis"))
			return imp_reject(c, n, "attributes broadcast and axis were "
				"removed in opset 7 (numpy broadcasting)");
		return 0;
	}
	int ra, rb;
	int64_t da[QCC_MAX_RANK], db[QCC_MAX_RANK];
	imp_shape(n->in[0], &ra, da);
	imp_shape(n->in[1], &rb, db);
	if (imp_attr_int(c, n, "broadcast", 0, &bc) ||
	    imp_attr_int(c, n, "axis", ra - rb, &axis))
		return -1;
	if (!bc && (ra != rb || memcmp(da, db, ra * sizeof *da)))
		return imp_reject(c, n, "the operands' shapes differ and broadcast "
			"is 0");
	if (!bc)
		return 0;
	if (axis < 0 || axis > ra - rb)
		return imp_reject(c, n, "axis %lld does not place B's %d dims in A's "
			"%d", (long long)axis, rb, ra);
	for (int i = 0; i < rb; i++)
		if (db[i] != 1 && db[i] != da[axis + i])
			return imp_reject(c, n, "B's dim %d (%lld) does not match A's "
				"dim %lld (%lld)", i, (long long)db[i], (long long)(axis + i),
				(long long)da[axis + i]);
	return legacy_reshape(c, n, ra, (int)axis);
}

/* ---- elementwise ---- */

int imp_unary(Ctx *c, NodeCtx *n, int op)
{
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	Node *node = imp_node(c, n, op, &x, 1, 0, NULL);
	return node ? imp_finish(c, n, node, 0) : -1;
}

static int import_relu(Ctx *c, NodeCtx *n)
{
	return imp_unary(c, n, OP_RELU);
}

static int import_sigmoid(Ctx *c, NodeCtx *n)
{
	return imp_unary(c, n, OP_SIGMOID);
}

static int import_tanh(Ctx *c, NodeCtx *n)
{
	return imp_unary(c, n, OP_TANH);
}

static int import_leaky_relu(Ctx *c, NodeCtx *n)
{
	double alpha;
	Value *x = imp_value(c, n, 0);
	if (!x || imp_attr_float(c, n, "alpha", 0.01, &alpha))
		return -1;
	Node *node = imp_node(c, n, OP_LEAKY_RELU, &x, 1, 0, NULL);
	if (!node)
		return -1;
	attr_set_float(c->g, node, "alpha", (float)alpha);
	return imp_finish(c, n, node, 0);
}

static int scalar_input(Ctx *c, NodeCtx *n, int i, double *out)
{
	Tens *t = imp_const(c, n, i);
	if (!t)
		return -1;
	if (t->numel != 1 || !t->is_float)
		return imp_reject(c, n, "input %d must be a float scalar", i);
	*out = t->f[0];
	return 0;
}

static int import_clip(Ctx *c, NodeCtx *n)
{
	double lo = -INFINITY, hi = INFINITY;
	if (n->opset < 11) {
		if (imp_attr_float(c, n, "min", -FLT_MAX, &lo) ||
			imp_attr_float(c, n, "max", FLT_MAX, &hi))
			return -1;
	} else {
		if (imp_attr(n, "min") || imp_attr(n, "max"))
			return imp_reject(c, n, "attributes min and max were replaced by "
				"inputs in opset 11");
		if (imp_has(n, 1) && scalar_input(c, n, 1, &lo))
			return -1;
		if (imp_has(n, 2) && scalar_input(c, n, 2, &hi))
			return -1;
	}
	if (lo <= -FLT_MAX)
		lo = -INFINITY;
	if (hi >= FLT_MAX)
		hi = INFINITY;
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	int op = lo == 0 && hi == 6 ? OP_RELU6 :
		lo == 0 && hi == INFINITY ? OP_RELU : OP_CLIP;
	Node *node = imp_node(c, n, op, &x, 1, 0, NULL);
	if (!node)
		return -1;
	if (op == OP_CLIP) {
		attr_set_float(c->g, node, "min", lo);
		attr_set_float(c->g, node, "max", hi);
	}
	return imp_finish(c, n, node, 0);
}

/* One element of a folded binary op: arithmetic (+ - * /) on numbers of
 * the operands' kind, or a condition (0 or 1) for the comparisons
 * (> g < l = : gt, ge, lt, le, eq) and the logic ops (& | ^). */
static double fold_elem(char op, double x, double y)
{
	switch (op) {
	case '+': return x + y;
	case '-': return x - y;
	case '*': return x * y;
	case '/': return x / y;
	case '>': return x > y;
	case 'g': return x >= y;
	case '<': return x < y;
	case 'l': return x <= y;
	case '=': return x == y;
	case '&': return x != 0 && y != 0;
	case '|': return x != 0 || y != 0;
	default: return (x != 0) != (y != 0);
	}
}

int64_t imp_bcast_offset(const Tens *t, int rank, const int64_t *dims,
	int64_t k)
{
	int64_t off = 0, stride = 1;
	for (int i = rank - 1, j = t->rank - 1; j >= 0; i--, j--) {
		off += (t->dims[j] == 1 ? 0 : k % dims[i]) * stride;
		k /= dims[i];
		stride *= t->dims[j];
	}
	return off;
}

/* Numpy broadcasting of two constant operands: shape arithmetic, and
 * conditions (a bool result) of constants. */
int imp_fold_binary(Ctx *c, NodeCtx *n, char op)
{
	const Tens *a = n->in[0]->t, *b = n->in[1]->t;
	int cond = strchr("><gl=&|^", op) != NULL;
	if (a->is_float != b->is_float)
		return imp_reject(c, n, "operands have different element types");
	int rank = a->rank > b->rank ? a->rank : b->rank;
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < rank; i++) {
		int ia = i - (rank - a->rank), ib = i - (rank - b->rank);
		int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
		if (da != db && da != 1 && db != 1)
			return imp_reject(c, n, "operand shapes do not broadcast");
		dims[i] = da == 1 ? db : da;
	}
	Tens *o = tens_fold_new(c, n, a->is_float && !cond, rank, dims);
	if (!o)
		return -1;
	o->dt = cond ? ONNX__TENSOR_PROTO__DATA_TYPE__BOOL : a->dt;
	for (int64_t k = 0; k < o->numel; k++) {
		int64_t ka = imp_bcast_offset(a, rank, dims, k);
		int64_t kb = imp_bcast_offset(b, rank, dims, k);
		if (a->is_float) {
			double v = fold_elem(op, a->f[ka], b->f[kb]);
			if (cond)
				o->i[k] = (int64_t)v;
			else
				o->f[k] = (float)v;
			continue;
		}
		int64_t x = a->i[ka], y = b->i[kb];
		if (op == '/' && y == 0)
			return imp_reject(c, n, "integer division by zero");
		if (cond) {
			/* exact for any int64: compare the sign of x - y with 0 */
			int logic = strchr("&|^", op) != NULL;
			o->i[k] = (int64_t)fold_elem(op, logic ? x != 0 :
				(x > y) - (x < y), logic ? y != 0 : 0);
			continue;
		}
		o->i[k] = op == '+' ? x + y : op == '-' ? x - y :
			op == '*' ? x * y : x / y;
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

static int binary(Ctx *c, NodeCtx *n, int op, char sym)
{
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "expects 2 inputs");
	if (imp_legacy_broadcast(c, n))
		return -1;
	if (n->in[0]->t && n->in[1]->t && !n->in[0]->v && !n->in[1]->v)
		return imp_fold_binary(c, n, sym);
	Value *in[2] = {imp_value(c, n, 0), NULL};
	if (!in[0] || !(in[1] = imp_value(c, n, 1)))
		return -1;
	Node *node = imp_node(c, n, op, in, 2, 0, NULL);
	return node ? imp_finish(c, n, node, 0) : -1;
}

static int import_add(Ctx *c, NodeCtx *n) { return binary(c, n, OP_ADD, '+'); }
static int import_sub(Ctx *c, NodeCtx *n) { return binary(c, n, OP_SUB, '-'); }
static int import_mul(Ctx *c, NodeCtx *n) { return binary(c, n, OP_MUL, '*'); }
static int import_div(Ctx *c, NodeCtx *n) { return binary(c, n, OP_DIV, '/'); }

/* Max, Min: any number of run-time inputs, broadcasting (opset 8; opset 6
 * wants equal shapes, which broadcasting covers). */
static int extreme(Ctx *c, NodeCtx *n, int op)
{
	Value *in[16];
	if (n->nin < 1)
		return imp_reject(c, n, "expects at least 1 input");
	for (int i = 0; i < n->nin; i++) {
		if (!imp_has(n, i))
			return imp_reject(c, n, "input %d is required", i);
		if (!(in[i] = imp_value(c, n, i)))
			return -1;
	}
	Node *node = imp_node(c, n, op, in, n->nin, 0, NULL);
	return node ? imp_finish(c, n, node, 0) : -1;
}

static int import_max(Ctx *c, NodeCtx *n) { return extreme(c, n, OP_MAX); }
static int import_min(Ctx *c, NodeCtx *n) { return extreme(c, n, OP_MIN); }

/* ---- data movement ---- */

static int import_flatten(Ctx *c, NodeCtx *n)
{
	int64_t axis, dims[QCC_MAX_RANK];
	int rank, ax, r = imp_quantized_move(c, n);
	if (r <= 0)
		return r;   /* on uint8, as ONNX Runtime writes it */
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	if (imp_attr_int(c, n, "axis", 1, &axis))
		return -1;
	if (axis == rank)
		ax = rank;
	else if (imp_axis(c, n, axis, rank, &ax))
		return -1;
	int64_t out[2] = {1, 1};
	for (int i = 0; i < rank; i++)
		out[i < ax ? 0 : 1] *= dims[i];
	if (n->in[0]->t && !n->in[0]->v)
		return bind_reshaped(c, n, n->in[0]->t, 2, out);
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_FLATTEN, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	attr_set_int(c->g, node, "axis", ax);
	return imp_finish(c, n, node, 0);
}

static int import_reshape(Ctx *c, NodeCtx *n)
{
	int64_t allowzero, dims[QCC_MAX_RANK], out[QCC_MAX_RANK];
	int rank;
	Tens *s = imp_const(c, n, 1);
	if (!s || !imp_has(n, 0) || imp_attr_int(c, n, "allowzero", 0, &allowzero))
		return s ? imp_reject(c, n, "input 0 is required") : -1;
	imp_shape(n->in[0], &rank, dims);
	if (s->is_float || s->rank != 1 || s->numel > QCC_MAX_RANK)
		return imp_reject(c, n, "shape must be a 1-D integer tensor of at "
			"most %d entries", QCC_MAX_RANK);
	int64_t numel = 1, known = 1;
	int infer = -1;
	for (int i = 0; i < rank; i++)
		numel *= dims[i];
	for (int i = 0; i < s->numel; i++) {
		out[i] = s->i[i];
		if (out[i] == 0 && !allowzero) {
			if (i >= rank)
				return imp_reject(c, n, "shape entry %d is 0 but the input "
					"has rank %d", i, rank);
			out[i] = dims[i];
		}
		if (out[i] == -1 && infer < 0) {
			infer = i;
			continue;
		}
		if (out[i] < 1 || out[i] > ONNX_MAX_NUMEL)
			return imp_reject(c, n, "shape entry %d is %lld; expected -1, 0 "
				"or 1 to %lld", i, (long long)out[i], (long long)ONNX_MAX_NUMEL);
		if ((known *= out[i]) > ONNX_MAX_NUMEL)
			return imp_reject(c, n, "the shape holds more than %lld elements",
				(long long)ONNX_MAX_NUMEL);
	}
	if (infer >= 0)
		out[infer] = known ? numel / known : 0;
	if (infer >= 0 && out[infer] * known != numel)
		return imp_reject(c, n, "cannot reshape %lld elements to the shape "
			"given", (long long)numel);
	return imp_reshape(c, n, (int)s->numel, out);
}

static void fold_transpose(const Tens *t, Tens *o, const int64_t *perm)
{
	int r = t->rank;
	int64_t stride[QCC_MAX_RANK];
	for (int i = r - 1, s = 1; i >= 0; i--) {
		stride[i] = s;
		s *= (int)t->dims[i];
	}
	for (int64_t k = 0; k < o->numel; k++) {
		int64_t rest = k, src = 0;
		for (int i = r - 1; i >= 0; i--) {
			src += (rest % o->dims[i]) * stride[perm[i]];
			rest /= o->dims[i];
		}
		if (t->is_float)
			o->f[k] = t->f[src];
		else
			o->i[k] = t->i[src];
	}
}

static int import_transpose(Ctx *c, NodeCtx *n)
{
	int64_t perm[QCC_MAX_RANK], dims[QCC_MAX_RANK], out[QCC_MAX_RANK];
	int rank, len, seen = 0;
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	if (imp_attr_ints(c, n, "perm", perm, QCC_MAX_RANK, &len))
		return -1;
	if (len < 0)
		for (int i = 0; i < rank; i++)
			perm[i] = rank - 1 - i;
	else if (len != rank)
		return imp_reject(c, n, "perm has %d entries; expected %d", len, rank);
	for (int i = 0; i < rank; i++) {
		if (perm[i] < 0 || perm[i] >= rank || (seen >> perm[i] & 1))
			return imp_reject(c, n, "perm is not a permutation");
		seen |= 1 << perm[i];
		out[i] = dims[perm[i]];
	}
	if (n->in[0]->t && !n->in[0]->v) {
		Tens *o = tens_new(c, n->in[0]->t->is_float, rank, out);
		o->dt = n->in[0]->t->dt;
		fold_transpose(n->in[0]->t, o, perm);
		return sym_bind_tens(c, n->p->output[0], o);
	}
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_TRANSPOSE, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	attr_set_ints(c->g, node, "perm", perm, rank);
	return imp_finish(c, n, node, 0);
}

static int fold_concat(Ctx *c, NodeCtx *n, int ax)
{
	const Tens *a = n->in[0]->t;
	int64_t dims[QCC_MAX_RANK];
	memcpy(dims, a->dims, sizeof dims);
	dims[ax] = 0;
	for (int k = 0; k < n->nin; k++) {
		const Tens *t = n->in[k]->t;
		if (t->rank != a->rank || t->is_float != a->is_float)
			return imp_reject(c, n, "inputs differ in rank or element type");
		for (int i = 0; i < a->rank; i++)
			if (i != ax && t->dims[i] != a->dims[i])
				return imp_reject(c, n, "input shapes do not match");
		dims[ax] += t->dims[ax];
	}
	Tens *o = tens_new(c, a->is_float, a->rank, dims);
	o->dt = a->dt;
	int64_t outer = 1, inner = 1, pos = 0;
	for (int i = 0; i < ax; i++)
		outer *= dims[i];
	for (int i = ax + 1; i < a->rank; i++)
		inner *= dims[i];
	for (int64_t o1 = 0; o1 < outer; o1++)
		for (int k = 0; k < n->nin; k++) {
			const Tens *t = n->in[k]->t;
			int64_t len = t->dims[ax] * inner;
			for (int64_t j = 0; j < len; j++, pos++) {
				if (a->is_float)
					o->f[pos] = t->f[o1 * len + j];
				else
					o->i[pos] = t->i[o1 * len + j];
			}
		}
	return sym_bind_tens(c, n->p->output[0], o);
}

static int import_concat(Ctx *c, NodeCtx *n)
{
	int64_t axis, dims[QCC_MAX_RANK];
	int rank, ax, all_const = 1;
	if (n->nin < 1 || !imp_has(n, 0))
		return imp_reject(c, n, "expects at least one input");
	const Onnx__AttributeProto *a = imp_attr(n, "axis");
	if (!a && n->opset >= 4)
		return imp_reject(c, n, "attribute 'axis' is required");
	imp_shape(n->in[0], &rank, dims);
	if (imp_attr_int(c, n, "axis", 1, &axis) ||  /* 1 before opset 4 */
		imp_axis(c, n, axis, rank, &ax))
		return -1;
	Value *in[16];
	for (int i = 0; i < n->nin; i++) {
		if (!imp_has(n, i))
			return imp_reject(c, n, "input %d is empty", i);
		all_const &= n->in[i]->t && !n->in[i]->v;
	}
	if (all_const)
		return fold_concat(c, n, ax);
	for (int i = 0; i < n->nin; i++)
		if (!(in[i] = imp_value(c, n, i)))
			return -1;
	Node *node = imp_node(c, n, OP_CONCAT, in, n->nin, 0, NULL);
	if (!node)
		return -1;
	attr_set_int(c->g, node, "axis", ax);
	return imp_finish(c, n, node, 0);
}

static int import_pad(Ctx *c, NodeCtx *n)
{
	int64_t pads[2 * QCC_MAX_RANK];
	int len;
	double value = 0;
	const char *mode;
	Value *x = imp_value(c, n, 0);
	if (!x || imp_attr_str(c, n, "mode", "constant", &mode))
		return -1;
	int rank = x->type.rank;
	if (n->opset < 11) {
		if (imp_attr_ints(c, n, "pads", pads, 2 * QCC_MAX_RANK, &len) ||
			imp_attr_float(c, n, "value", 0, &value))
			return -1;
	} else {
		if (imp_attr(n, "pads") || imp_attr(n, "value"))
			return imp_reject(c, n, "attributes pads and value were replaced "
				"by inputs in opset 11");
		Tens *t = imp_const(c, n, 1);
		if (!t)
			return -1;
		if (t->is_float || t->numel > 2 * QCC_MAX_RANK)
			return imp_reject(c, n, "pads must be integers, 2 per axis");
		len = (int)t->numel;
		memcpy(pads, t->i, len * sizeof *pads);
		if (imp_has(n, 2) && scalar_input(c, n, 2, &value))
			return -1;
		if (imp_has(n, 3))
			return imp_reject(c, n, "the axes input is not supported");
	}
	if (len != 2 * rank)
		return imp_reject(c, n, "pads has %d entries; expected %d", len,
			2 * rank);
	for (int i = 0; i < len; i++)
		if (pads[i] < 0 || pads[i] > 1 << 16)
			return imp_reject(c, n, "pads must be from 0 to 65536 (negative "
				"pads crop, which is not supported)");
	if (strcmp(mode, "constant") && strcmp(mode, "reflect") &&
		strcmp(mode, "edge"))
		return imp_reject(c, n, "unsupported mode '%s'", mode);
	Node *node = imp_node(c, n, OP_PAD, &x, 1, 0, NULL);
	if (!node)
		return -1;
	attr_set_ints(c->g, node, "pads", pads, len);
	attr_set_str(c->g, node, "mode", mode);
	attr_set_float(c->g, node, "value", (float)value);
	return imp_finish(c, n, node, 0);
}

static int import_identity(Ctx *c, NodeCtx *n)
{
	return imp_alias(c, n);
}

static int import_dropout(Ctx *c, NodeCtx *n)
{
	int64_t is_test;
	if (imp_single_output(c, n, "mask") ||
		imp_attr_opsets(c, n, "is_test", 1, 6) ||
		imp_attr_opsets(c, n, "ratio", 1, 11) ||
		imp_attr_int(c, n, "is_test", n->opset < 7 ? 0 : 1, &is_test))
		return -1;
	if (!is_test)
		return imp_reject(c, n, "is_test=0 (training) is not supported; qcc "
			"compiles inference");
	if (imp_has(n, 2)) {
		Tens *t = imp_const(c, n, 2);
		if (!t)
			return -1;
		if (t->numel != 1 || (t->is_float ? t->f[0] != 0 : t->i[0] != 0))
			return imp_reject(c, n, "training_mode must be false");
	}
	return imp_alias(c, n);
}

/* ---- the table: elementwise and data movement ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"Add", 6, 0, 0, import_add, "axis broadcast", "add; constant operands fold"},
	{"Clip", 6, 0, 0x6, import_clip, "min max",
	 "clip, relu6 for [0,6], relu for [0,inf); bounds constant"},
	{"Concat", 1, 0, 0, import_concat, "axis",
	 "concat (axis 1 by default before opset 4); constant inputs fold"},
	{"Div", 6, 0, 0, import_div, "axis broadcast", "div; constant operands fold"},
	{"Dropout", 6, 0, 0x6, import_dropout, "is_test ratio seed",
	 "removed (inference); no mask output"},
	{"Flatten", 1, 0, 0, import_flatten, "axis", "reshape to 2-D"},
	{"Identity", 1, 0, 0, import_identity, "", "removed"},
	{"LeakyRelu", 6, 0, 0, import_leaky_relu, "alpha", "leaky_relu"},
	{"Max", 6, 0, 0, import_max, "", "max, n-ary, broadcasting"},
	{"Min", 6, 0, 0, import_min, "", "min, n-ary, broadcasting"},
	{"Mul", 6, 0, 0, import_mul, "axis broadcast", "mul; constant operands fold"},
	{"Pad", 2, 0, 0xe, import_pad, "mode pads value",
	 "pad: constant, reflect, edge; pads constant and non-negative"},
	{"Relu", 6, 0, 0, import_relu, "", "relu"},
	{"Reshape", 5, 0, 0x2, import_reshape, "allowzero",
	 "reshape to the static shape; shape constant"},
	{"Sigmoid", 6, 0, 0, import_sigmoid, "", "sigmoid"},
	{"Sub", 6, 0, 0, import_sub, "axis broadcast", "sub; constant operands fold"},
	{"Tanh", 6, 0, 0, import_tanh, "", "tanh"},
	{"Transpose", 1, 0, 0, import_transpose, "perm",
	 "transpose; constant inputs fold"},
};

const OnnxOpTable onnx_ops_table = ONNX_OP_TABLE(rows);
