/* shape.c - shape inference: one function per op (named in ops.def) that
 * checks the inputs and attributes of a node and sets the rank, dims and
 * element type of its output.
 *
 * Every problem in user input is reported at n->loc as `OP: what was
 * expected, what was found`. Tensors are limited to 2^31-1 elements and
 * every dimension to at least 1, so the arithmetic below cannot overflow
 * int64 once the inputs and attribute entries have been checked.
 *
 * Element types: data-movement ops (maxpool2d, flatten, reshape, transpose,
 * concat, pad) copy the element type of their input; every other float
 * op is float arithmetic and requires and produces f32.
 *
 * The helpers and checks exported under shape.c in ir.h (shape_err,
 * shape_set_out, shape_conv_geom, ...) serve the integer ops of shape_q.c
 * too, so that a float op and its integer twin check alike.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "ir.h"

#define NUMEL_MAX INT32_MAX
#define ATTR_MAX INT32_MAX   /* bound on the magnitude of int attributes */

static const char *opname(const Node *n)
{
	return op_info(n->op)->name;
}

/* "f32[2,3]" without q(...), from a small ring of buffers so that one
 * message can show several types. */
const char *shape_tstr(const Type *t)
{
	static char bufs[4][TYPE_STR_MAX];
	static int k;
	char *b = bufs[k++ & 3];
	if (t->rank < 0 || t->rank > QCC_MAX_RANK) {
		snprintf(b, TYPE_STR_MAX, "%s[rank %d]", dtype_name(t->elem),
			t->rank);
		return b;
	}
	Type s = *t;
	s.q.present = 0;
	return type_str(&s, b, TYPE_STR_MAX);
}

/* "[1,2,3]" for an int list, from a ring of buffers. */
static const char *lstr(const int64_t *v, int n)
{
	static char bufs[2][160];
	static int k;
	char *b = bufs[k++ & 1];
	size_t len = snprintf(b, 160, "[");
	for (int i = 0; i < n && len < 150; i++)
		len += snprintf(b + len, 160 - len, i ? ",%lld" : "%lld",
			(long long)v[i]);
	snprintf(b + len, 160 - len, "]");
	return b;
}

/* Reports `OP: message` at the node and returns -1. */
int shape_err(const Node *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(n->loc, "%s: %s", opname(n), msg);
	return -1;
}

/* A type is usable if its rank is in range, every dim is >= 1 and it has at
 * most NUMEL_MAX elements. */
int shape_valid_type(const Type *t)
{
	if (t->rank < 0 || t->rank > QCC_MAX_RANK)
		return 0;
	int64_t numel = 1;
	for (int i = 0; i < t->rank; i++) {
		if (t->dims[i] < 1 || t->dims[i] > NUMEL_MAX)
			return 0;
		numel *= t->dims[i];
		if (numel > NUMEL_MAX)
			return 0;
	}
	return 1;
}

const Type *shape_in(const Node *n, int i)
{
	return i < n->nin && n->in[i] ? &n->in[i]->type : NULL;
}

/* Arity, required inputs present, every input's type usable. */
int shape_check_inputs(const Node *n)
{
	const OpInfo *info = op_info(n->op);
	if (n->nin < info->min_in || (info->max_in >= 0 && n->nin > info->max_in)) {
		if (info->max_in < 0)
			return shape_err(n, "expected at least %d inputs, got %d",
				info->min_in, n->nin);
		if (info->min_in == info->max_in)
			return shape_err(n, "expected %d input%s, got %d", info->min_in,
				info->min_in == 1 ? "" : "s", n->nin);
		return shape_err(n, "expected %d to %d inputs, got %d", info->min_in,
			info->max_in, n->nin);
	}
	for (int i = 0; i < n->nin; i++) {
		const Type *t = shape_in(n, i);
		if (!t) {
			if (i < info->min_in || info->max_in < 0)
				return shape_err(n, "input %d is required but absent", i);
			continue;
		}
		if (!shape_valid_type(t))
			return shape_err(n, "input %d '%s' has an unusable shape %s "
				"(dims must be >= 1, at most %d elements)", i,
				n->in[i]->name, shape_tstr(t), NUMEL_MAX);
	}
	return 0;
}

/* Float arithmetic ops take f32 inputs only. */
static int need_f32(const Node *n)
{
	for (int i = 0; i < n->nin; i++) {
		const Type *t = shape_in(n, i);
		if (t && t->elem != DT_F32)
			return shape_err(n, "expected f32 inputs, input %d '%s' is %s", i,
				n->in[i]->name, shape_tstr(t));
	}
	return 0;
}

int shape_need_f32(const Node *n)
{
	return need_f32(n);
}

/* Sets the output type; checks its dims and element count. */
int shape_set_out(Node *n, int elem, int rank, const int64_t *dims)
{
	Type *t = &n->out->type;
	int64_t numel = 1;
	for (int i = 0; i < rank; i++) {
		if (dims[i] < 1)
			return shape_err(n, "output dimension %d would be %lld", i,
				(long long)dims[i]);
		if (dims[i] > NUMEL_MAX || (numel *= dims[i]) > NUMEL_MAX)
			return shape_err(n, "output %s has more than %d elements",
				lstr(dims, rank), NUMEL_MAX);
	}
	if (elem >= 0)
		t->elem = elem;
	t->rank = rank;
	memset(t->dims, 0, sizeof t->dims);
	memcpy(t->dims, dims, rank * sizeof *dims);
	return 0;
}

/* The int list attribute `name`; it must have `count` entries (any number
 * if count < 0), each in [lo, ATTR_MAX]. NULL after reporting. */
const int64_t *shape_ints_attr(const Node *n, const char *name, int count,
	int64_t lo)
{
	int len;
	const int64_t *v = attr_ints(n, name, &len);
	if (count >= 0 && len != count) {
		shape_err(n, "%s must have %d entries, got %d", name, count, len);
		return NULL;
	}
	for (int i = 0; i < len; i++) {
		if (v[i] < lo) {
			shape_err(n, "%s entries must be %s, got %s", name,
				lo == 1 ? "positive" : lo == 0 ? "non-negative" :
				"in range", lstr(v, len));
			return NULL;
		}
		if (v[i] > ATTR_MAX || v[i] < -ATTR_MAX) {
			shape_err(n, "%s entry %lld is out of range", name,
				(long long)v[i]);
			return NULL;
		}
	}
	static const int64_t none[1];
	return v ? v : none;
}

/* An axis in [-rank, rank-1+extra] made non-negative; -1 after reporting. */
static int norm_axis(const Node *n, int64_t axis, int rank, int extra,
	const Type *t)
{
	int64_t hi = rank - 1 + extra;
	if (axis < -rank || axis > hi)
		return shape_err(n, "axis %lld is out of range for %s (expected %d..%lld)",
			(long long)axis, shape_tstr(t), -rank, (long long)hi);
	return (int)(axis < 0 ? axis + rank : axis);
}

/* bn_beta/bn_gamma carry one entry per output channel, or none. */
static int check_bn_lists(const Node *n, int64_t channels)
{
	static const char *names[] = {"bn_beta", "bn_gamma"};
	for (int k = 0; k < 2; k++) {
		int len;
		attr_floats(n, names[k], &len);
		if (len != 0 && len != channels)
			return shape_err(n, "%s must have 0 or %lld entries, got %d",
				names[k], (long long)channels, len);
	}
	return 0;
}

/* Output size of a sliding window along one spatial axis (ONNX formula):
 * in + pads - dilated kernel, over stride, plus one; with ceil_mode the
 * division rounds up but the last window must start inside the input or its
 * begin padding. */
int64_t shape_window(int64_t in, int64_t k, int64_t stride, int64_t pb,
	int64_t pe, int64_t dil, int ceil_mode)
{
	int64_t span = in + pb + pe - (dil * (k - 1) + 1);
	if (span < 0)
		return 0;
	int64_t o = (ceil_mode ? (span + stride - 1) / stride : span / stride) + 1;
	if (ceil_mode && (o - 1) * stride >= in + pb)
		o--;
	return o;
}

/* ---- sliding windows (conv and pooling, float and integer) ---- */

/* One axis of a window geometry: its output must not be empty. */
static int check_fit(const Node *n, const char *axis, int64_t out, int64_t in,
	int64_t k, int64_t pb, int64_t pe, int64_t dil)
{
	if (out >= 1)
		return 0;
	return shape_err(n, "output %s would be 0: input %s %lld plus padding "
		"%lld+%lld is smaller than the %skernel %lld", axis, axis,
		(long long)in, (long long)pb, (long long)pe,
		dil > 1 ? "dilated " : "", (long long)(dil * (k - 1) + 1));
}

static int check_window(const Node *n, WinGeom *g)
{
	geom_shape(n, g);
	if (check_fit(n, "height", g->OH, g->H, g->KH, g->pt, g->pb, g->dh) < 0 ||
	    check_fit(n, "width", g->OW, g->W, g->KW, g->pl, g->pr, g->dw) < 0)
		return -1;
	return 0;
}

static int check_flag(const Node *n, const char *name)
{
	int64_t v = attr_int(n, name);
	if (v != 0 && v != 1)
		return shape_err(n, "%s must be 0 or 1, got %lld", name,
			(long long)v);
	return 0;
}

int shape_conv_geom(const Node *n, WinGeom *g)
{
	const Type *x = shape_in(n, 0), *w = shape_in(n, 1);
	if (x->rank != 4)
		return shape_err(n, "input must be rank 4 [N,C,H,W], got %s",
			shape_tstr(x));
	if (w->rank != 4)
		return shape_err(n, "weights must be rank 4 [OC,IC/groups,KH,KW], "
			"got %s", shape_tstr(w));
	if (!shape_ints_attr(n, "stride", 2, 1) ||
	    !shape_ints_attr(n, "pad", 4, 0) ||
	    !shape_ints_attr(n, "dilation", 2, 1))
		return -1;
	int64_t groups = attr_int(n, "groups");
	if (groups < 1 || groups > ATTR_MAX)
		return shape_err(n, "groups must be positive, got %lld",
			(long long)groups);
	int64_t c = x->dims[1], oc = w->dims[0];
	if (c != w->dims[1] * groups)
		return shape_err(n, "input has %lld channels but weights expect "
			"%lld x groups %lld", (long long)c, (long long)w->dims[1],
			(long long)groups);
	if (oc % groups)
		return shape_err(n, "weights have %lld output channels, not a "
			"multiple of groups %lld", (long long)oc, (long long)groups);
	return check_window(n, g);
}

/* Padding must be smaller than the (dilated) kernel so that every window
 * but dilated corner cases sees an input element. */
int shape_pool_geom(const Node *n, WinGeom *g)
{
	const Type *x = shape_in(n, 0);
	if (x->rank != 4)
		return shape_err(n, "input must be rank 4 [N,C,H,W], got %s",
			shape_tstr(x));
	const int64_t *kernel = shape_ints_attr(n, "kernel", 2, 1);
	const int64_t *stride = kernel ? shape_ints_attr(n, "stride", 2, 1) : NULL;
	const int64_t *pad = stride ? shape_ints_attr(n, "pad", 4, 0) : NULL;
	if (!pad)
		return -1;
	if (op_attr_index(n->op, "dilation") >= 0 &&
	    !shape_ints_attr(n, "dilation", 2, 1))
		return -1;
	if (check_flag(n, "ceil_mode") < 0 ||
	    (op_attr_index(n->op, "count_include_pad") >= 0 &&
	     check_flag(n, "count_include_pad") < 0))
		return -1;
	geom_shape(n, g);
	for (int i = 0; i < 4; i++) {
		int64_t dil = i % 2 ? g->dw : g->dh;
		int64_t ek = dil * ((i % 2 ? g->KW : g->KH) - 1) + 1;
		if (pad[i] >= ek)
			return shape_err(n, "pad %s must be smaller than the %skernel "
				"%lld, got %lld", lstr(pad, 4), dil > 1 ? "dilated " :
				"", (long long)ek, (long long)pad[i]);
	}
	return check_window(n, g);
}

/* ---- numpy broadcasting ---- */

int shape_broadcast(const Type *a, const Type *b, Type *out)
{
	int rank = a->rank > b->rank ? a->rank : b->rank;
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < rank; i++) {
		int ia = i - (rank - a->rank), ib = i - (rank - b->rank);
		int64_t da = ia >= 0 ? a->dims[ia] : 1;
		int64_t db = ib >= 0 ? b->dims[ib] : 1;
		if (da != db && da != 1 && db != 1)
			return -1;
		dims[i] = da == 1 ? db : da;
	}
	out->rank = rank;
	memset(out->dims, 0, sizeof out->dims);
	memcpy(out->dims, dims, rank * sizeof *dims);
	return 0;
}

/* Every input of n broadcast together, left to right. */
int shape_broadcast_inputs(const Node *n, Type *out)
{
	*out = *shape_in(n, 0);
	for (int i = 1; i < n->nin; i++) {
		Type o;
		if (shape_broadcast(out, shape_in(n, i), &o) < 0)
			return shape_err(n, "cannot broadcast %s with %s",
				shape_tstr(out), shape_tstr(shape_in(n, i)));
		out->rank = o.rank;
		memcpy(out->dims, o.dims, sizeof o.dims);
	}
	return 0;
}

/* ---- op shape functions ---- */

int shape_conv2d(Graph *g, Node *n)
{
	(void)g;
	WinGeom wg;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0 ||
	    shape_conv_geom(n, &wg) < 0)
		return -1;
	const Type *b = shape_in(n, 2);
	if (b && (b->rank != 1 || b->dims[0] != wg.OC))
		return shape_err(n, "bias must be [%lld] (one per output channel), "
			"got %s", (long long)wg.OC, shape_tstr(b));
	if (check_bn_lists(n, wg.OC) < 0)
		return -1;
	int64_t dims[4] = {wg.N, wg.OC, wg.OH, wg.OW};
	return shape_set_out(n, DT_F32, 4, dims);
}

int shape_dense(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0), *w = shape_in(n, 1), *b = shape_in(n, 2);
	int64_t trans_w = attr_int(n, "trans_w");
	if (trans_w != 0 && trans_w != 1)
		return shape_err(n, "trans_w must be 0 or 1, got %lld",
			(long long)trans_w);
	if (x->rank != 2)
		return shape_err(n, "input must be rank 2 [N,K], got %s", shape_tstr(x));
	if (w->rank != 2)
		return shape_err(n, "weights must be rank 2 (%s), got %s",
			trans_w ? "[M,K] with trans_w=1" : "[K,M] with trans_w=0",
			shape_tstr(w));
	int64_t k = x->dims[1];
	int64_t wk = trans_w ? w->dims[1] : w->dims[0];
	int64_t m = trans_w ? w->dims[0] : w->dims[1];
	if (k != wk)
		return shape_err(n, "input %s has K=%lld but weights %s expect K=%lld "
			"(trans_w=%lld: %s)", shape_tstr(x), (long long)k, shape_tstr(w),
			(long long)wk, (long long)trans_w,
			trans_w ? "[M,K]" : "[K,M]");
	if (b && (b->rank != 1 || b->dims[0] != m))
		return shape_err(n, "bias must be [%lld] (one per output), got %s",
			(long long)m, shape_tstr(b));
	if (check_bn_lists(n, m) < 0)
		return -1;
	int64_t dims[2] = {x->dims[0], m};
	return shape_set_out(n, DT_F32, 2, dims);
}

/* numpy matmul: 1-D operands get a 1 prepended (a) or appended (b), which is
 * removed from the result; batch dims broadcast. */
int shape_matmul(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0)
		return -1;
	const Type *a = shape_in(n, 0), *b = shape_in(n, 1);
	if (a->rank < 1 || b->rank < 1)
		return shape_err(n, "operands must have rank >= 1, got %s and %s",
			shape_tstr(a), shape_tstr(b));
	int64_t ka = a->dims[a->rank - 1];
	int64_t kb = b->rank == 1 ? b->dims[0] : b->dims[b->rank - 2];
	if (ka != kb)
		return shape_err(n, "inner dimensions differ: %s has K=%lld but %s has "
			"K=%lld", shape_tstr(a), (long long)ka, shape_tstr(b), (long long)kb);
	Type ba = {0}, bb = {0}, bo = {0};
	ba.rank = a->rank > 2 ? a->rank - 2 : 0;
	bb.rank = b->rank > 2 ? b->rank - 2 : 0;
	memcpy(ba.dims, a->dims, ba.rank * sizeof *a->dims);
	memcpy(bb.dims, b->dims, bb.rank * sizeof *b->dims);
	if (shape_broadcast(&ba, &bb, &bo) < 0)
		return shape_err(n, "cannot broadcast the batch dimensions of %s with %s",
			shape_tstr(a), shape_tstr(b));
	int64_t dims[QCC_MAX_RANK];
	int rank = bo.rank;
	memcpy(dims, bo.dims, rank * sizeof *dims);
	if (a->rank >= 2)
		dims[rank++] = a->dims[a->rank - 2];
	if (b->rank >= 2)
		dims[rank++] = b->dims[b->rank - 1];
	return shape_set_out(n, DT_F32, rank, dims);
}

int shape_binary(Graph *g, Node *n)
{
	(void)g;
	Type o;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0 ||
	    shape_broadcast_inputs(n, &o) < 0)
		return -1;
	return shape_set_out(n, DT_F32, o.rank, o.dims);
}

/* Elementwise float ops; softmax and gelu also check their attributes. */
int shape_unary(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	switch (n->op) {
	case OP_SOFTMAX:
	case OP_LOG_SOFTMAX:
		if (x->rank < 1)
			return shape_err(n, "input must have rank >= 1, got %s", shape_tstr(x));
		if (norm_axis(n, attr_int(n, "axis"), x->rank, 0, x) < 0)
			return -1;
		break;
	case OP_GELU: {
		const char *approx = attr_str(n, "approx");
		if (!approx || (strcmp(approx, "none") && strcmp(approx, "tanh")))
			return shape_err(n, "approx must be none or tanh, got '%s'",
				approx ? approx : "");
		break;
	}
	case OP_CLIP:
		if (isnan(attr_float(n, "min")) || isnan(attr_float(n, "max")))
			return shape_err(n, "min and max must be numbers, got %g and %g",
				attr_float(n, "min"), attr_float(n, "max"));
		break;
	case OP_LEAKY_RELU:
		if (!isfinite(attr_float(n, "alpha")))
			return shape_err(n, "alpha must be finite, got %g",
				attr_float(n, "alpha"));
		break;
	default:
		break;
	}
	return shape_set_out(n, DT_F32, x->rank, x->dims);
}

static int check_epsilon(const Node *n)
{
	double eps = attr_float(n, "epsilon");
	if (!(eps >= 0) || isinf(eps))
		return shape_err(n, "epsilon must be finite and >= 0, got %g", eps);
	return 0;
}

int shape_layernorm(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0 || check_epsilon(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (x->rank < 1)
		return shape_err(n, "input must have rank >= 1, got %s", shape_tstr(x));
	int axis = norm_axis(n, attr_int(n, "axis"), x->rank, 0, x);
	if (axis < 0)
		return -1;
	static const char *names[] = {"", "scale", "bias"};
	for (int i = 1; i < 3; i++) {
		const Type *p = shape_in(n, i);
		if (!p)
			continue;
		int same = p->rank == x->rank - axis;
		for (int d = 0; same && d < p->rank; d++)
			same = p->dims[d] == x->dims[axis + d];
		if (!same)
			return shape_err(n, "%s must be shaped like the normalized dims %s "
				"of %s, got %s", names[i],
				lstr(x->dims + axis, x->rank - axis), shape_tstr(x), shape_tstr(p));
	}
	return shape_set_out(n, DT_F32, x->rank, x->dims);
}

int shape_batchnorm(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0 || check_epsilon(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (x->rank < 2)
		return shape_err(n, "input must have rank >= 2 [N,C,...], got %s",
			shape_tstr(x));
	static const char *names[] = {"", "scale", "bias", "mean", "var"};
	for (int i = 1; i < 5; i++) {
		const Type *p = shape_in(n, i);
		if (p->rank != 1 || p->dims[0] != x->dims[1])
			return shape_err(n, "%s must be [%lld] (one per channel of %s), "
				"got %s", names[i], (long long)x->dims[1], shape_tstr(x),
				shape_tstr(p));
	}
	return shape_set_out(n, DT_F32, x->rank, x->dims);
}

/* maxpool2d and avgpool2d; only maxpool2d has dilation, only avgpool2d
 * count_include_pad. maxpool2d moves data of any element type. */
int shape_pool2d(Graph *g, Node *n)
{
	(void)g;
	WinGeom wg;
	if (shape_check_inputs(n) < 0 ||
	    (n->op != OP_MAXPOOL2D && need_f32(n) < 0) ||
	    shape_pool_geom(n, &wg) < 0)
		return -1;
	int64_t dims[4] = {wg.N, wg.C, wg.OH, wg.OW};
	return shape_set_out(n, shape_in(n, 0)->elem, 4, dims);
}

int shape_global_pool(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_f32(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (x->rank < 3)
		return shape_err(n, "input must have rank >= 3 [N,C,spatial...], got %s",
			shape_tstr(x));
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < x->rank; i++)
		dims[i] = i < 2 ? x->dims[i] : 1;
	return shape_set_out(n, DT_F32, x->rank, dims);
}

int shape_flatten(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	int axis = norm_axis(n, attr_int(n, "axis"), x->rank, 1, x);
	if (axis < 0)
		return -1;
	int64_t dims[2] = {1, 1};
	for (int i = 0; i < x->rank; i++)
		dims[i >= axis] *= x->dims[i];
	return shape_set_out(n, x->elem, 2, dims);
}

/* One -1 entry is inferred; 0 copies the input dim at the same index
 * (ONNX Reshape). */
int shape_reshape(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	int len;
	const int64_t *shape = attr_ints(n, "shape", &len);
	if (len > QCC_MAX_RANK)
		return shape_err(n, "shape has %d entries, at most %d supported", len,
			QCC_MAX_RANK);
	int64_t dims[QCC_MAX_RANK], known = 1;
	int infer = -1;
	for (int i = 0; i < len; i++) {
		dims[i] = shape[i];
		if (shape[i] == -1) {
			if (infer >= 0)
				return shape_err(n, "shape %s has more than one -1 entry",
					lstr(shape, len));
			infer = i;
			continue;
		}
		if (shape[i] == 0) {
			if (i >= x->rank)
				return shape_err(n, "shape %s: entry %d is 0 (copy the input "
					"dim) but %s has rank %d", lstr(shape, len), i,
					shape_tstr(x), x->rank);
			dims[i] = x->dims[i];
		}
		if (dims[i] < 0)
			return shape_err(n, "shape %s: entry %d must be positive, -1 or 0, "
				"got %lld", lstr(shape, len), i, (long long)shape[i]);
		if (dims[i] > NUMEL_MAX || (known *= dims[i]) > NUMEL_MAX)
			return shape_err(n, "shape %s has more than %d elements",
				lstr(shape, len), NUMEL_MAX);
	}
	int64_t numel = type_numel(x);
	if (infer >= 0) {
		if (numel % known)
			return shape_err(n, "cannot reshape %s (%lld elements) to %s: %lld "
				"is not a multiple of %lld", shape_tstr(x), (long long)numel,
				lstr(shape, len), (long long)numel, (long long)known);
		dims[infer] = numel / known;
	} else if (known != numel) {
		return shape_err(n, "cannot reshape %s (%lld elements) to %s (%lld "
			"elements)", shape_tstr(x), (long long)numel, lstr(shape, len),
			(long long)known);
	}
	return shape_set_out(n, x->elem, len, dims);
}

int shape_transpose(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	int len;
	const int64_t *perm = attr_ints(n, "perm", &len);
	if (len != x->rank)
		return shape_err(n, "perm %s must have %d entries for %s, got %d",
			lstr(perm, len), x->rank, shape_tstr(x), len);
	int seen[QCC_MAX_RANK] = {0};
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < len; i++) {
		if (perm[i] < 0 || perm[i] >= x->rank || seen[perm[i]]++)
			return shape_err(n, "perm %s is not a permutation of 0..%d",
				lstr(perm, len), x->rank - 1);
		dims[i] = x->dims[perm[i]];
	}
	return shape_set_out(n, x->elem, len, dims);
}

int shape_concat_dims(const Node *n, int same_elem, int64_t *dims)
{
	const Type *x = shape_in(n, 0);
	if (x->rank < 1)
		return shape_err(n, "inputs must have rank >= 1, got %s",
			shape_tstr(x));
	int axis = norm_axis(n, attr_int(n, "axis"), x->rank, 0, x);
	if (axis < 0)
		return -1;
	memcpy(dims, x->dims, x->rank * sizeof *dims);
	for (int i = 1; i < n->nin; i++) {
		const Type *t = shape_in(n, i);
		int same = t->rank == x->rank && (!same_elem || t->elem == x->elem);
		for (int d = 0; same && d < x->rank; d++)
			same = d == axis || t->dims[d] == x->dims[d];
		if (!same)
			return shape_err(n, "input %d is %s but input 0 is %s: all "
				"dims but axis %d must match", i, shape_tstr(t),
				shape_tstr(x), axis);
		dims[axis] += t->dims[axis];
	}
	return 0;
}

int shape_concat(Graph *g, Node *n)
{
	(void)g;
	int64_t dims[QCC_MAX_RANK];
	if (shape_check_inputs(n) < 0 || shape_concat_dims(n, 1, dims) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	return shape_set_out(n, x->elem, x->rank, dims);
}

/* Negative pads crop. reflect needs each positive pad < the axis size. */
int shape_pad(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	const char *mode = attr_str(n, "mode");
	if (!mode || (strcmp(mode, "constant") && strcmp(mode, "reflect") &&
			strcmp(mode, "edge")))
		return shape_err(n, "mode must be constant, reflect or edge, got '%s'",
			mode ? mode : "");
	const int64_t *pads = shape_ints_attr(n, "pads", 2 * x->rank, -ATTR_MAX);
	if (!pads)
		return -1;
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < x->rank; i++) {
		int64_t b = pads[i], e = pads[x->rank + i], d = x->dims[i];
		dims[i] = d + b + e;
		if (dims[i] < 1)
			return shape_err(n, "axis %d would have size %lld (size %lld, pads "
				"%lld and %lld)", i, (long long)dims[i], (long long)d,
				(long long)b, (long long)e);
		if (!strcmp(mode, "reflect") && (b >= d || e >= d))
			return shape_err(n, "reflect pads on axis %d must be smaller than "
				"its size %lld, got %lld and %lld", i, (long long)d,
				(long long)b, (long long)e);
	}
	return shape_set_out(n, x->elem, x->rank, dims);
}

/* ---- drivers ---- */

/* A node's output has a declared type if the source gave one: anything but
 * the zero type an undeclared value starts with (f32[] cannot be told
 * apart from no declaration). */
static int has_declared_type(const Type *t)
{
	return t->rank != 0 || t->elem != DT_F32 || t->q.present;
}

int shape_infer_node(Graph *g, Node *n)
{
	Type declared = n->out->type;
	if (op_info(n->op)->shape(g, n) < 0)
		return -1;
	const Type *t = &n->out->type;
	if (has_declared_type(&declared) &&
	    (!type_same_shape(&declared, t) || declared.elem != t->elem)) {
		diag_error(n->loc, "%s: '%s' is declared %s but the op produces %s",
			opname(n), n->out->name, shape_tstr(&declared), shape_tstr(t));
		return -1;
	}
	return 0;
}

int shape_infer(Graph *g)
{
	for (int i = 0; i < g->nnodes; i++) {
		Node *n = g->nodes[i];
		if (!n->dead && shape_infer_node(g, n) < 0)
			return -1;
	}
	return 0;
}
