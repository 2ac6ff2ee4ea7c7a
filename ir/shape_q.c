/* shape_q.c - shape inference for the integer ops of a lowered graph.
 *
 * Besides rank and dims, these functions check what docs/arith.md requires of
 * the operands: quantized integer inputs, symmetric weights, an i32 bias,
 * requantization parameters in range, an output clamp inside the output
 * type. The output's element type and q(...) cannot be inferred (they come
 * from calibration), so a quantized output must be declared; only qmaxpool2d
 * (and the view ops, in shape.c) pass the input's type through, and
 * dequantize produces f32.
 *
 * The checks the float ops share (conv and pooling windows, broadcasting,
 * concat, attribute lists, the output) and their messages are shape.c's.
 */
#include <string.h>

#include "ir.h"

#define MULT_LIMIT 2147483648LL /* |mult| < 2^31 */
#define SHIFT_MAX 62

/* Input i is an 8- or 16-bit activation with per-tensor q. */
static int need_qact(const Node *n, int i)
{
	const Type *t = shape_in(n, i);
	if (t->elem != DT_I8 && t->elem != DT_I16 && t->elem != DT_U8)
		return shape_err(n, "input %d '%s' must be i8, u8 or i16, got %s", i,
			n->in[i]->name, shape_tstr(t));
	if (!t->q.present || t->q.axis >= 0)
		return shape_err(n, "input %d '%s' must have a per-tensor q(...)", i,
			n->in[i]->name);
	if (t->elem == DT_I16 && t->q.zp[0] != 0)
		return shape_err(n, "input %d '%s' is i16 and must have zp=0, got %d", i,
			n->in[i]->name, (int)t->q.zp[0]);
	return 0;
}

/* The output carries a declared integer type with per-tensor q. */
static int need_qout(const Node *n)
{
	const Type *t = &n->out->type;
	if (!dtype_is_int(t->elem) || t->elem == DT_I32 || !t->q.present ||
	    t->q.axis >= 0 || t->q.n != 1)
		return shape_err(n, "output '%s' needs a declared i8, u8 or i16 type with "
			"a per-tensor q(...)", n->out->name);
	if (t->elem == DT_I16 && t->q.zp[0] != 0)
		return shape_err(n, "output '%s' is i16 and must have zp=0, got %d",
			n->out->name, (int)t->q.zp[0]);
	return 0;
}

/* mult/shift lists: `count` entries each (or 1 when one_ok), mult in
 * (-2^31, 2^31) (non-negative unless signed_ok), shift in [0, 62]; one
 * shift for all of them on OPF_ONE_SHIFT ops. */
static int check_requant(const Node *n, int count, int one_ok, int signed_ok)
{
	int nm, ns;
	const int64_t *m = attr_ints(n, "mult", &nm);
	const int64_t *s = attr_ints(n, "shift", &ns);
	if (nm != count && !(one_ok && nm == 1))
		return shape_err(n, "mult must have %d entr%s%s, got %d", count,
			count == 1 ? "y" : "ies", one_ok && count != 1 ?
			" (or 1)" : "", nm);
	int want = op_has(n->op, OPF_ONE_SHIFT) ? 1 : nm;
	if (ns != want)
		return shape_err(n, "shift must have %d entr%s, got %d", want,
			want == 1 ? "y" : "ies", ns);
	for (int i = 0; i < nm; i++)
		if (m[i] >= MULT_LIMIT || m[i] <= -MULT_LIMIT ||
		    (m[i] < 0 && !signed_ok))
			return shape_err(n, "mult entry %lld is out of range (expected "
				"%s2^31)", (long long)m[i], signed_ok ?
				"|mult| < " : "0 <= mult < ");
	for (int i = 0; i < ns; i++)
		if (s[i] < 0 || s[i] > SHIFT_MAX)
			return shape_err(n, "shift entry %lld is out of range (expected "
				"0..%d)", (long long)s[i], SHIFT_MAX);
	return 0;
}

/* act_min <= act_max, both inside the output type's range. */
static int check_clamp(const Node *n)
{
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int64_t qmin = type_qmin(&n->out->type), qmax = type_qmax(&n->out->type);
	if (lo > hi || lo < qmin || hi > qmax)
		return shape_err(n, "act_min/act_max [%lld, %lld] must be an interval "
			"inside the output range [%lld, %lld]", (long long)lo,
			(long long)hi, (long long)qmin, (long long)qmax);
	return 0;
}

/* Symmetric weights: integer, q per-tensor or on `axis` with `channels`
 * entries, every zp 0. */
static int check_weights(const Node *n, int i, int axis, int64_t channels)
{
	const Type *w = shape_in(n, i);
	if (!dtype_is_int(w->elem) || w->elem == DT_I32 || !w->q.present)
		return shape_err(n, "weights '%s' must be a quantized integer tensor, "
			"got %s", n->in[i]->name, shape_tstr(w));
	if (w->q.axis >= 0 && (w->q.axis != axis || w->q.n != channels))
		return shape_err(n, "weights '%s' must be quantized per tensor or on "
			"axis %d with %lld channels", n->in[i]->name, axis,
			(long long)channels);
	for (int c = 0; c < w->q.n; c++)
		if (w->q.zp[c] != 0)
			return shape_err(n, "weights '%s' must be symmetric (zp=0), channel "
				"%d has zp=%d", n->in[i]->name, c, (int)w->q.zp[c]);
	return 0;
}

static int check_bias(const Node *n, int i, int64_t channels)
{
	const Type *b = shape_in(n, i);
	if (!b)
		return 0;
	if (b->elem != DT_I32 || b->rank != 1 || b->dims[0] != channels)
		return shape_err(n, "bias '%s' must be i32[%lld], got %s", n->in[i]->name,
			(long long)channels, shape_tstr(b));
	return 0;
}

static int table_in(const Node *n, const int64_t *tab, int len, int64_t lo,
	int64_t hi)
{
	for (int i = 0; i < len; i++)
		if (tab[i] < lo || tab[i] > hi)
			return shape_err(n, "table entry %d is %lld, outside [%lld, %lld]", i,
				(long long)tab[i], (long long)lo, (long long)hi);
	return 0;
}

/* qpwl: K ascending knots, K + 1 mults (|mult| < 2^31), biases (|bias| <=
 * 2^60) and squares (|square| <= 2^30, or none), shift 0..62; |x - zx| <=
 * 2^15 where a square is not 0 (8-bit, or 16-bit with zp 0) and <= 2^16
 * otherwise, so every sum stays below 2^62. */
static int check_pwl(const Node *n)
{
	int nk, nm, nb, nq;
	const int64_t *k = attr_ints(n, "knots", &nk);
	const int64_t *m = attr_ints(n, "mult", &nm);
	const int64_t *b = attr_ints(n, "bias", &nb);
	const int64_t *q = attr_ints(n, "square", &nq);
	int64_t shift = attr_int(n, "shift");
	if (nm != nk + 1 || nb != nk + 1 || (nq && nq != nk + 1))
		return shape_err(n, "mult, bias and square (if any) must have %d "
			"entries (knots + 1), got %d, %d and %d", nk + 1, nm, nb, nq);
	for (int i = 0; i < nq; i++)
		if (q[i] < -((int64_t)1 << 30) || q[i] > ((int64_t)1 << 30) ||
		    (q[i] && shape_in(n, 0)->q.zp[0] != 0 &&
		     shape_in(n, 0)->elem == DT_I16))
			return shape_err(n, "piece %d: square %lld is out of range "
				"(|square| <= 2^30, on an input with zp 0 if 16-bit)", i,
				(long long)q[i]);
	for (int i = 1; i < nk; i++)
		if (k[i] < k[i - 1])
			return shape_err(n, "knots must be ascending, got %lld after %lld",
				(long long)k[i], (long long)k[i - 1]);
	for (int i = 0; i < nm; i++)
		if (m[i] <= -MULT_LIMIT || m[i] >= MULT_LIMIT ||
		    b[i] < -((int64_t)1 << 60) || b[i] > ((int64_t)1 << 60))
			return shape_err(n, "piece %d: mult %lld or bias %lld is out of "
				"range (|mult| < 2^31, |bias| <= 2^60)", i, (long long)m[i],
				(long long)b[i]);
	if (shift < 0 || shift > SHIFT_MAX)
		return shape_err(n, "shift %lld is out of range (expected 0..%d)",
			(long long)shift, SHIFT_MAX);
	return 0;
}

/* The axis of qsoftmax and qlog_softmax: in range, at most 32767 long
 * (the sum of exp table entries fits int32). */
static int check_softmax_axis(const Node *n)
{
	const Type *x = shape_in(n, 0);
	int64_t axis = attr_int(n, "axis");
	if (axis < -x->rank || axis >= x->rank)
		return shape_err(n, "axis %lld is out of range for rank %d",
			(long long)axis, x->rank);
	int64_t alen = x->dims[axis < 0 ? axis + x->rank : axis];
	if (alen > 32767)
		return shape_err(n, "axis length %lld exceeds 32767", (long long)alen);
	return 0;
}

/* The exp tables of qsoftmax and qlog_softmax: `name` with 256 entries
 * in [0, 65536], the first positive, and for 16-bit input only, exp_hi
 * alike. */
static int check_exp_tables(const Node *n, const char *name)
{
	int len, wide = shape_in(n, 0)->elem == DT_I16;
	const int64_t *tab = attr_ints(n, "exp_hi", &len);
	if (len != (wide ? 256 : 0))
		return shape_err(n, "exp_hi must have %d entries for %s input, got %d",
			wide ? 256 : 0, wide ? "16-bit" : "8-bit", len);
	if (wide && (table_in(n, tab, len, 0, 65536) < 0 || tab[0] < 1))
		return shape_err(n, "exp_hi entry 0 must be positive");
	tab = attr_ints(n, name, &len);
	if (len != 256)
		return shape_err(n, "%s must have 256 entries, got %d", name, len);
	if (table_in(n, tab, len, 0, 65536) < 0)
		return -1;
	if (tab[0] < 1)  /* the maximum's term keeps the sum positive */
		return shape_err(n, "%s entry 0 must be positive, got %lld", name,
			(long long)tab[0]);
	return check_softmax_axis(n);
}

/* qlog_softmax: the exp tables, the 257-entry log table (each in [0,
 * 2^16]), two mults sharing one shift. */
static int check_log_softmax(const Node *n)
{
	int len;
	if (check_exp_tables(n, "exp_table") < 0)
		return -1;
	const int64_t *tab = attr_ints(n, "ln_table", &len);
	if (len != 257)
		return shape_err(n, "ln_table must have 257 entries, got %d", len);
	if (table_in(n, tab, len, 0, 65536) < 0 || check_requant(n, 2, 0, 0) < 0)
		return -1;
	return 0;
}

/* qlayernorm: the slice over dims axis.. of n <= 32767 elements, one
 * signed mult, shift and bias (|bias| <= 2^60) per element of the slice,
 * eps in [0, 2^60]: with |x - zx| <= 2^15 every sum of docs/arith.md
 * stays below 2^62. */
static int check_layernorm(const Node *nd)
{
	const Type *x = shape_in(nd, 0);
	int64_t axis = attr_int(nd, "axis"), n = 1, eps = attr_int(nd, "eps");
	if (axis < -x->rank || axis >= x->rank)
		return shape_err(nd, "axis %lld is out of range for rank %d",
			(long long)axis, x->rank);
	for (int i = (int)(axis < 0 ? axis + x->rank : axis); i < x->rank; i++)
		n *= x->dims[i];
	if (n > 32767)
		return shape_err(nd, "the normalized slice has %lld elements, more "
			"than 32767", (long long)n);
	if (check_requant(nd, (int)n, 0, 1) < 0)
		return -1;
	int nb;
	const int64_t *b = attr_ints(nd, "bias", &nb);
	if (nb != n)
		return shape_err(nd, "bias must have %lld entries, got %d",
			(long long)n, nb);
	for (int i = 0; i < nb; i++)
		if (b[i] < -((int64_t)1 << 60) || b[i] > ((int64_t)1 << 60))
			return shape_err(nd, "bias entry %lld is out of range (|bias| <= "
				"2^60)", (long long)b[i]);
	if (eps < 0 || eps > ((int64_t)1 << 60))
		return shape_err(nd, "eps %lld is out of range (0..2^60)",
			(long long)eps);
	return 0;
}

/* ---- the shape functions ---- */

int shape_qunary(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (n->op == OP_QUANTIZE) {
		if (x->elem != DT_F32)
			return shape_err(n, "input must be f32, got %s", shape_tstr(x));
		/* i32 at scale 1: the exact integer sums of ConvInteger and
		 * MatMulInteger (docs/onnx.md) */
		const Type *t = &n->out->type;
		const QParams *q = &t->q;
		int sums = t->elem == DT_I32 && q->present && q->n == 1 &&
			q->axis < 0 && q->scale[0] == 1 && q->zp[0] == 0;
		/* per axis (QuantizeLinear's axis): simulated, not lowered */
		int axis = dtype_is_int(t->elem) && t->elem != DT_I32 &&
			q->present && q->axis >= 0 && q->axis < x->rank &&
			q->n == x->dims[q->axis];
		if (!sums && !axis && need_qout(n) < 0)
			return -1;
		return shape_set_out(n, -1, x->rank, x->dims);
	}
	if (n->op == OP_DEQUANTIZE) {
		if (!dtype_is_int(x->elem) || !x->q.present)
			return shape_err(n, "input must be a quantized integer tensor, got %s",
				shape_tstr(x));
		if (x->q.axis >= x->rank)
			return shape_err(n, "input q axis %d is out of range", x->q.axis);
		n->out->type.q.present = 0;
		return shape_set_out(n, DT_F32, x->rank, x->dims);
	}
	if (need_qact(n, 0) < 0 || need_qout(n) < 0)
		return -1;
	int len;
	switch (n->op) {
	case OP_REQUANTIZE:
		if (check_requant(n, 1, 0, 0) < 0 || check_clamp(n) < 0)
			return -1;
		break;
	case OP_QLUT: {
		const int64_t *tab = attr_ints(n, "table", &len);
		int bits = x->q.bits ? x->q.bits : dtype_bits(x->elem);
		int want = x->elem == DT_I16 ? 513 : 1 << bits;
		if (len != want)
			return shape_err(n, "table must have %d entries for %s input, got %d",
				want, shape_tstr(x), len);
		if (table_in(n, tab, len, type_qmin(&n->out->type),
				type_qmax(&n->out->type)) < 0)
			return -1;
		break;
	}
	case OP_QLAYERNORM:
		if (check_layernorm(n) < 0)
			return -1;
		break;
	case OP_QPWL:
		if (check_pwl(n) < 0)
			return -1;
		break;
	case OP_QLOG_SOFTMAX:
		if (check_log_softmax(n) < 0)
			return -1;
		break;
	case OP_QSOFTMAX: {
		if (check_exp_tables(n, "table") < 0)
			return -1;
		const QParams *q = &n->out->type.q;
		if (!(n->out->type.elem == DT_I8 && q->scale[0] == 1.0f / 256 &&
		      q->zp[0] == -128) &&
		    !(n->out->type.elem == DT_I16 && q->scale[0] == 1.0f / 32768 &&
		      q->zp[0] == 0))
			return shape_err(n, "output must be i8 q(scale=0.00390625, zp=-128) "
				"or i16 q(scale=3.05175781e-05, zp=0)");
		break;
	}
	default:
		break;
	}
	return shape_set_out(n, -1, x->rank, x->dims);
}

/* Group-wise weight scales: wgroup a positive multiple of 8 (whole bytes
 * of packed taps) or 0, one wgmult in [1, QCC_WGMULT_MAX] per channel and
 * group, and
 * weights packed at 4 bits or fewer. */
static int check_wgroup(const Node *n, int64_t M, int64_t K)
{
	int64_t G = attr_int(n, "wgroup");
	int len;
	const int64_t *r = attr_ints(n, "wgmult", &len);
	if (G == 0)
		return len ? shape_err(n, "wgmult needs wgroup") : 0;
	if (G < 0 || G % 8)
		return shape_err(n, "wgroup must be a positive multiple of 8, got "
			"%lld", (long long)G);
	if (shape_in(n, 1)->elem == DT_F32 || !pack_weight_bits(n->in[1]))
		return shape_err(n, "wgroup needs constant weights of 4 bits or "
			"fewer, got %s", shape_tstr(shape_in(n, 1)));
	int64_t want = M * ((K + G - 1) / G);
	if (len != want)
		return shape_err(n, "wgmult must have %lld entries (%lld channels "
			"x %lld groups), got %d", (long long)want, (long long)M,
			(long long)((K + G - 1) / G), len);
	for (int i = 0; i < len; i++)
		if (r[i] < 1 || r[i] > QCC_WGMULT_MAX)
			return shape_err(n, "wgmult entry %lld is out of range (expected "
				"1..%d)", (long long)r[i], QCC_WGMULT_MAX);
	return 0;
}

int shape_qconv2d(Graph *g, Node *n)
{
	(void)g;
	WinGeom wg;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 || need_qout(n) < 0 ||
	    shape_conv_geom(n, &wg) < 0)
		return -1;
	if (check_weights(n, 1, 0, wg.OC) < 0 || check_bias(n, 2, wg.OC) < 0 ||
	    check_requant(n, (int)wg.OC, 1, 0) < 0 || check_clamp(n) < 0 ||
	    check_wgroup(n, wg.OC, wg.K) < 0)
		return -1;
	int64_t dims[4] = {wg.N, wg.OC, wg.OH, wg.OW};
	return shape_set_out(n, -1, 4, dims);
}

int shape_qdense(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 || need_qout(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0), *w = shape_in(n, 1);
	if (x->rank != 2 || w->rank != 2 || w->dims[1] != x->dims[1])
		return shape_err(n, "expected x[N,K] and w[M,K], got %s and %s", shape_tstr(x),
			shape_tstr(w));
	int64_t m = w->dims[0];
	if (check_weights(n, 1, 0, m) < 0 || check_bias(n, 2, m) < 0 ||
	    check_requant(n, (int)m, 1, 0) < 0 || check_clamp(n) < 0 ||
	    check_wgroup(n, m, x->dims[1]) < 0)
		return -1;
	int64_t dims[2] = {x->dims[0], m};
	return shape_set_out(n, -1, 2, dims);
}

int shape_qmatmul(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 || need_qact(n, 1) < 0 ||
	    need_qout(n) < 0)
		return -1;
	const Type *a = shape_in(n, 0), *b = shape_in(n, 1);
	if (a->rank < 2 || b->rank < 2 || a->dims[a->rank - 1] != b->dims[b->rank - 2])
		return shape_err(n, "cannot multiply %s by %s", shape_tstr(a), shape_tstr(b));
	int64_t k = a->dims[a->rank - 1], pre = attr_int(n, "pre");
	if (pre < 0 || pre > 32)
		return shape_err(n, "pre %lld is out of range (0..32)", (long long)pre);
	if (pre == 0 && a->elem != DT_I16 && b->elem != DT_I16 && k > 33025)
		return shape_err(n, "inner dimension %lld exceeds 33025 (int32 accumulator)",
			(long long)k);
	if (k > ((int64_t)1 << 31) || qmatmul_bound(a, b, k) >> pre >= INT32_MAX)
		return shape_err(n, "inner dimension %lld with pre %lld leaves the int32 "
			"accumulator (at most (2^31 - 1) 2^pre / %lld terms)", (long long)k,
			(long long)pre, (long long)(qmatmul_bound(a, b, 1)));
	if (check_requant(n, 1, 0, 0) < 0 || check_clamp(n) < 0)
		return -1;
	Type ba = *a, bb = *b, out;
	ba.rank -= 2;
	bb.rank -= 2;
	if (shape_broadcast(&ba, &bb, &out) < 0)
		return shape_err(n, "batch dimensions of %s and %s do not broadcast",
			shape_tstr(a), shape_tstr(b));
	out.dims[out.rank] = a->dims[a->rank - 2];
	out.dims[out.rank + 1] = b->dims[b->rank - 1];
	return shape_set_out(n, -1, out.rank + 2, out.dims);
}

/* Elementwise integer ops, any number of broadcast inputs: one mult per
 * input on OPF_REQ_EACH ops (qadd), else one in all (qmul); the output
 * clamp where the op has one. */
int shape_qbinary(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	for (int i = 0; i < n->nin; i++)
		if (need_qact(n, i) < 0)
			return -1;
	if (need_qout(n) < 0)
		return -1;
	int each = op_has(n->op, OPF_REQ_EACH);
	Type out;
	if (check_requant(n, each ? n->nin : 1, 0,
			op_has(n->op, OPF_ONE_SHIFT)) < 0 ||
	    (op_attr_index(n->op, "act_min") >= 0 && check_clamp(n) < 0) ||
	    shape_broadcast_inputs(n, &out) < 0)
		return -1;
	return shape_set_out(n, -1, out.rank, out.dims);
}

int shape_qconcat(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qout(n) < 0)
		return -1;
	for (int i = 0; i < n->nin; i++)
		if (need_qact(n, i) < 0)
			return -1;
	if (check_requant(n, n->nin, 0, 0) < 0)
		return -1;
	int64_t dims[QCC_MAX_RANK];
	if (shape_concat_dims(n, 0, dims) < 0)
		return -1;
	return shape_set_out(n, -1, shape_in(n, 0)->rank, dims);
}

int shape_qpool2d(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	int is_max = n->op == OP_QMAXPOOL2D;
	if (is_max) {
		/* the output is the input's type: max commutes with the q map */
		Type *t = &n->out->type;
		if (t->q.present && (t->elem != x->elem || t->q.scale[0] !=
				x->q.scale[0] || t->q.zp[0] != x->q.zp[0]))
			return shape_err(n, "output '%s' must have the input's type and q",
				n->out->name);
		t->elem = x->elem;
		t->q = x->q;
	} else if (need_qout(n) < 0) {
		return -1;
	}
	WinGeom wg;
	if (shape_pool_geom(n, &wg) < 0)
		return -1;
	if (!is_max) {
		if (wg.K > 32767)
			return shape_err(n, "kernel %lldx%lld is larger than 32767 "
				"elements", (long long)wg.KH, (long long)wg.KW);
		if (check_requant(n, (int)wg.K, 0, 0) < 0)
			return -1;
	}
	int64_t dims[4] = {wg.N, wg.C, wg.OH, wg.OW};
	return shape_set_out(n, -1, 4, dims);
}

int shape_qglobal_pool(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 || need_qout(n) < 0 ||
	    check_requant(n, 1, 0, 0) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (x->rank < 3)
		return shape_err(n, "input must have rank >= 3 [N,C,spatial...], got %s",
			shape_tstr(x));
	int64_t dims[QCC_MAX_RANK], area = 1;
	for (int i = 0; i < x->rank; i++) {
		dims[i] = i < 2 ? x->dims[i] : 1;
		if (i >= 2)
			area *= x->dims[i];
	}
	if (area > 32767)
		return shape_err(n, "spatial size %lld exceeds 32767 (int32 accumulator)",
			(long long)area);
	return shape_set_out(n, -1, x->rank, dims);
}

int shape_qact_out(const Node *n, int count, int signed_ok)
{
	if (need_qact(n, 0) < 0 || need_qout(n) < 0 ||
	    check_requant(n, count, 0, signed_ok) < 0)
		return -1;
	return 0;
}

/* Integer operands on a common grid: both quantized per tensor (a
 * constant mapped onto the other operand's grid is i32), or both plain
 * integers; 0 <= mult <= 2^30, so |(x - z) * mult| < 2^62. */
int shape_qcompare(Graph *g, Node *n)
{
	(void)g;
	Type out;
	if (shape_check_inputs(n) < 0 || shape_check_cmp(n) < 0)
		return -1;
	const Type *a = shape_in(n, 0), *b = shape_in(n, 1);
	int qa = a->q.present, qb = b->q.present;
	if (!dtype_is_int(a->elem) || !dtype_is_int(b->elem) || qa != qb ||
	    (qa && (a->q.axis >= 0 || b->q.axis >= 0)))
		return shape_err(n, "expected two integer operands, both with a "
			"per-tensor q(...) or both without, got %s and %s",
			shape_tstr(a), shape_tstr(b));
	int len;
	const int64_t *m = attr_ints(n, "mult", &len);
	if (len != 2)
		return shape_err(n, "mult must have 2 entries, got %d", len);
	for (int i = 0; i < 2; i++)
		if (m[i] < 0 || m[i] > (1LL << 30))
			return shape_err(n, "mult entry %lld is out of range (expected "
				"0 <= mult <= 2^30)", (long long)m[i]);
	if (shape_broadcast_inputs(n, &out) < 0)
		return -1;
	n->out->type.q.present = 0;
	return shape_set_out(n, DT_U8, out.rank, out.dims);
}

/* A condition, then x and y each requantized onto the output's grid. */
int shape_qwhere(Graph *g, Node *n)
{
	(void)g;
	Type out;
	if (shape_check_inputs(n) < 0 || need_qout(n) < 0)
		return -1;
	const Type *c = shape_in(n, 0);
	if (c->elem != DT_U8 || c->q.present)
		return shape_err(n, "input 0 '%s' must be a u8 condition without "
			"q(...), got %s", n->in[0]->name, shape_tstr(c));
	if (need_qact(n, 1) < 0 || need_qact(n, 2) < 0 ||
	    check_requant(n, 2, 0, 0) < 0 || shape_broadcast_inputs(n, &out) < 0)
		return -1;
	return shape_set_out(n, -1, out.rank, out.dims);
}

/* At most 16 inputs, so that the sum of products stays below 2^62. */
int shape_qsum(Graph *g, Node *n)
{
	if (n->nin > 16)
		return shape_err(n, "expected at most 16 inputs, got %d", n->nin);
	return shape_qbinary(g, n);
}

/* The largest |x - zx| of an activation type. */
static int64_t max_dev(const Type *t)
{
	int64_t z = t->q.zp[0];
	int64_t a = type_qmax(t) - z, b = z - type_qmin(t);
	return a > b ? a : b;
}

/* x an activation; the slope an 8-bit activation or 16-bit with zp 0 (a
 * constant slope is i16), so |u (a - za)| <= 2^30; two mult/shift pairs. */
int shape_qprelu(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 ||
	    need_qact(n, 1) < 0 || need_qout(n) < 0 ||
	    check_requant(n, 2, 0, 0) < 0 || shape_prelu_dims(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	return shape_set_out(n, -1, x->rank, x->dims);
}

/* |a - za| * 2^frac <= 2^30, so the quotient t fits in 31 bits and
 * t * mult below 2^62. */
int shape_qdiv(Graph *g, Node *n)
{
	(void)g;
	Type out;
	if (shape_check_inputs(n) < 0 || need_qact(n, 0) < 0 ||
	    need_qact(n, 1) < 0 || need_qout(n) < 0 ||
	    check_requant(n, 1, 0, 0) < 0 || shape_broadcast_inputs(n, &out) < 0)
		return -1;
	int64_t frac = attr_int(n, "frac");
	if (frac < 0 || frac > 30 ||
	    max_dev(shape_in(n, 0)) > ((int64_t)1 << (30 - frac)))
		return shape_err(n, "frac %lld is out of range (expected 0..30 "
			"with |a - za| * 2^frac <= 2^30)", (long long)frac);
	return shape_set_out(n, -1, out.rank, out.dims);
}

/* dynquant: y is u8 shaped like x; scale (f32) and zero_point (u8) are
 * scalars. */
int shape_dynquant(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || shape_need_f32(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	const char *out = attr_str(n, "out");
	if (!strcmp(out, "y"))
		return shape_set_out(n, DT_U8, x->rank, x->dims);
	if (!strcmp(out, "scale") || !strcmp(out, "zero_point"))
		return shape_set_out(n, out[0] == 's' ? DT_F32 : DT_U8, 0, x->dims);
	return shape_err(n, "out must be y, scale or zero_point, got '%s'", out);
}
