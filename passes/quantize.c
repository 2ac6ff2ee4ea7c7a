/* quantize.c - lowers the annotated float graph to docs/arith.md's int ops.
 *
 * requires: range has run: every float tensor to quantize has a per-tensor
 *   q(...) in its f32 type; weights and biases are f32 constants.
 * guarantees: each node whose activation inputs and output are annotated
 *   (views, maxpool2d: whose input is) becomes its integer op: weights
 *   symmetric i8 (bits=N below 8, N the layer's weight_bits or --weight-bits)
 *   per channel or tensor, biases i32 at s_x s_w, integer mult/shift,
 *   act_min/act_max clamps, accumulator bounds checked and kept (acc_bound).
 *   Float inputs/outputs stay, behind quantize/dequantize; a node that cannot
 *   be lowered stays float (a warning). No f32 type keeps its q(...).
 * rules: ops.def's lower/qop columns (lowerings[]; pad and batchnorm in
 *   quantize_pad.c, reductions in quantize_reduce.c); tables run float kernels.
 * maths: real = s * (q - zp); conv: y = zy + (s_x s_w / s_y) acc, the
 *   multiplier m = mult / 2^shift with mult in [2^30, 2^31) (Q31).
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "quantize.h"

typedef QuantCtx Ctx;

/* ---- numbers ---- */

static double round_half_even(double x)
{
	double r = nearbyint(x);  /* default rounding mode: ties to even */
	return r;
}

static int64_t round_half_away(double x)
{
	return (int64_t)(x < 0 ? -floor(-x + 0.5) : floor(x + 0.5));
}

static int64_t clamp_i64(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int is_pow2(double s)
{
	int e;
	return frexp(s, &e) == 0.5;
}

static double pow2_up(double s)
{
	return is_pow2(s) ? s : exp2(ceil(log2(s)));
}

/* The largest integer k with s * k <= x (floor), or the smallest with
 * s * k >= x (ceil), decided on exact products: s and x are float32 and
 * |k| < 2^24, so s * k is exact in double. Clamped to [lo, hi]. */
static int64_t grid_bound(double x, double s, int up, int64_t lo, int64_t hi)
{
	double q = x / s;
	if (!(q > (double)lo))
		return lo;
	if (!(q < (double)hi))
		return hi;
	int64_t k = (int64_t)floor(q);
	while (s * (double)k > x)
		k--;
	while (s * (double)(k + 1) <= x)
		k++;
	return up && s * (double)k < x ? k + 1 : k;
}

int quant_mult(double m, int64_t *mult, int64_t *shift)
{
	if (!(m > 0)) {
		*mult = 0, *shift = 0;
		return 0;
	}
	int e;
	double f = frexp(m, &e);
	int64_t q = round_half_away(f * 2147483648.0);
	if (q == 2147483648LL) {
		q = 1LL << 30;
		e++;
	}
	int64_t s = 31 - e;
	if (s < 0)
		return -1;
	if (s > 62) {
		int64_t d = s - 62;
		q = d >= 62 ? 0 : (q + (1LL << (d - 1))) >> d;
		s = 62;
	}
	*mult = q, *shift = s;
	return 0;
}

/* ---- types ---- */

static void set_q(Graph *g, Type *t, int axis, int n)
{
	t->q.present = 1;
	t->q.axis = axis;
	t->q.n = n;
	t->q.scale = arena_alloc(&g->arena, n * sizeof *t->q.scale);
	t->q.zp = arena_alloc(&g->arena, n * sizeof *t->q.zp);
	t->q.bits = 0;
}

/* The integer type of a float activation with q: i8 up to 8 bits, else i16;
 * bits kept only when narrower than the element. */
static Type int_type(const Ctx *c, const Type *f)
{
	Type t = *f;
	int bits = f->q.bits ? f->q.bits : c->o->act_bits;
	t.elem = bits <= 8 ? DT_I8 : DT_I16;
	t.q.bits = bits == 8 || bits == 16 ? 0 : bits;
	return t;
}

static const char *suffixed(Graph *g, const char *name, const char *suffix)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s%s", name, suffix);
	return graph_fresh_name(g, buf);
}

/* Makes an activation's q fit the options: power-of-two scales, and
 * symmetric 16-bit. Changes the float type in place. */
static int normalize_act(Ctx *c, Value *v)
{
	QParams *q = &v->type.q;
	if (q->axis >= 0 || q->n != 1) {
		diag_error(v->loc, "'%s' must have a per-tensor q(...) to be "
			"quantized as an activation", v->name);
		return -1;
	}
	if (!(q->scale[0] > 0) || !isfinite(q->scale[0])) {
		diag_error(v->loc, "'%s' has scale %g; expected a positive number",
			v->name, q->scale[0]);
		return -1;
	}
	Type it = int_type(c, &v->type);
	it.q.present = 1;
	int64_t qmin = type_qmin(&it), qmax = type_qmax(&it);
	double lo = q->scale[0] * (double)(qmin - q->zp[0]);
	double hi = q->scale[0] * (double)(qmax - q->zp[0]);
	if (it.elem == DT_I16 && q->zp[0] != 0) {
		q->scale[0] = (float)(fmax(-lo, hi) / qmax);
		q->zp[0] = 0;
	}
	if (q->zp[0] < qmin || q->zp[0] > qmax) {
		diag_error(v->loc, "'%s' has zp=%d outside [%lld, %lld]", v->name,
			(int)q->zp[0], (long long)qmin, (long long)qmax);
		return -1;
	}
	if (c->o->pow2_scales && !is_pow2(q->scale[0])) {
		double s = pow2_up(q->scale[0]);
		if (q->zp[0] != 0)
			q->zp[0] = (int32_t)clamp_i64((int64_t)round_half_even(
				qmin - lo / s), qmin, qmax);
		q->scale[0] = (float)s;
	}
	return 0;
}

/* ---- building ---- */

static Node *emit(Ctx *c, int op, Value **in, int nin, const char *name,
	const Type *t, Loc loc)
{
	return graph_insert_node(c->g, c->pos, op, in, nin, name, t, loc);
}

/* Runs the new node's shape check: a failure is a bug in this pass or a
 * graph outside the contract, reported at the node. */
static int finish(Ctx *c, Node *n)
{
	return shape_infer_node(c->g, n);
}

static void set_requant(Ctx *c, Node *n, const int64_t *mult,
	const int64_t *shift, int count)
{
	attr_set_ints(c->g, n, "mult", mult, count);
	attr_set_ints(c->g, n, "shift", shift, count);
}

static int one_mult(Ctx *c, Node *n, double m)
{
	int64_t mult, shift;
	if (quant_mult(m, &mult, &shift) < 0) {
		diag_error(n->loc, "%s: requantization multiplier %g is too large "
			"(at most 2^31)", op_info(n->op)->name, m);
		return -1;
	}
	set_requant(c, n, &mult, &shift, 1);
	return 0;
}

/* act_min/act_max: the output range intersected with the float clamp
 * [lo, hi] mapped onto the output grid. */
static void set_clamp(Ctx *c, Node *n, double lo, double hi)
{
	const Type *t = &n->out->type;
	double s = t->q.scale[0];
	int64_t zy = t->q.zp[0], qmin = type_qmin(t), qmax = type_qmax(t);
	int64_t a = qmin, b = qmax;
	if (lo > -INFINITY)
		a = clamp_i64((int64_t)fmax(fmin(zy + round_half_even(lo / s),
			4e18), -4e18), qmin, qmax);
	if (hi < INFINITY)
		b = clamp_i64((int64_t)fmax(fmin(zy + round_half_even(hi / s),
			4e18), -4e18), qmin, qmax);
	if (b < a)
		b = a;
	attr_set_int(c->g, n, "act_min", a);
	attr_set_int(c->g, n, "act_max", b);
}

/* The integer version of an activation: already lowered, or quantized
 * here (a float value with q, or a float constant). NULL if it has none. */
static Value *int_of(Ctx *c, Value *v)
{
	if (v->aux)
		return v->aux;
	if (v->type.elem != DT_F32)
		return NULL;
	if (v->kind == VAL_CONST && !v->type.q.present) {
		/* a constant operand: per-tensor asymmetric min-max, 0 inside */
		int64_t numel = type_numel(&v->type);
		const float *x = v->data;
		double lo = 0, hi = 0;
		for (int64_t i = 0; i < numel; i++)
			lo = fmin(lo, x[i]), hi = fmax(hi, x[i]);
		Type it = v->type;
		set_q(c->g, &it, -1, 1);
		it.q.bits = c->o->act_bits;
		Type qt = int_type(c, &it);
		int64_t qmin = type_qmin(&qt), qmax = type_qmax(&qt);
		double s = hi > lo ? (hi - lo) / (double)(qmax - qmin) : 1.0;
		int64_t zp = clamp_i64((int64_t)round_half_even(qmin - lo / s),
			qmin, qmax);
		if (qt.elem == DT_I16) {
			s = fmax(-lo, hi) > 0 ? fmax(-lo, hi) / qmax : 1.0;
			zp = 0;
		}
		if (c->o->pow2_scales)
			s = pow2_up(s);
		qt.q.scale[0] = (float)s;
		qt.q.zp[0] = (int32_t)zp;
		int32_t *d = graph_alloc_data(c->g, &qt);
		for (int64_t i = 0; i < numel; i++)
			d[i] = (int32_t)clamp_i64((int64_t)round_half_even(
				x[i] / (double)qt.q.scale[0]) + zp, qmin, qmax);
		v->aux = graph_add_const(c->g, suffixed(c->g, v->name, "_q"), &qt, d,
			v->loc);
		return v->aux;
	}
	if (!v->type.q.present)
		return NULL;
	if (normalize_act(c, v) < 0)
		return NULL;
	Type it = int_type(c, &v->type);
	Node *n = emit(c, OP_QUANTIZE, &v, 1, suffixed(c->g, v->name, "_q"),
		&it, v->loc);
	if (!n || finish(c, n) < 0)
		return NULL;
	v->aux = n->out;
	return v->aux;
}

/* round_half_even(v) clamped to [lo, hi]; NaN (which the import checks
 * keep out) becomes 0, so no float reaches an integer cast out of range. */
static int64_t round_clamp(double v, int64_t lo, int64_t hi)
{
	double r = round_half_even(v);
	if (isnan(r))
		return 0;
	return r <= (double)lo ? lo : r >= (double)hi ? hi : (int64_t)r;
}

/* Binary weights (bits=1): w_q = sign(w) (+1 for 0), and the scale that
 * minimises sum (w - s w_q)^2, mean |w| over the channel (or the tensor). */
static void binary_scales(Ctx *c, const float *data, int64_t numel,
	int64_t inner, Type *t)
{
	for (int ch = 0; ch < t->q.n; ch++) {
		int64_t from = t->q.n > 1 ? ch * inner : 0;
		int64_t to = t->q.n > 1 ? from + inner : numel;
		double sum = 0;
		for (int64_t i = from; i < to; i++)
			sum += fabs(data[i]);
		double s = sum > 0 ? fmin(fmax(sum / (double)(to - from), FLT_MIN),
			FLT_MAX) : 1.0;
		t->q.scale[ch] = (float)(c->o->pow2_scales ? pow2_up(s) : s);
	}
}

/* Symmetric `bits`-wide weights for the output channels on axis 0
 * (per-channel) or for the whole tensor: `w` float [OC, inner...]
 * row-major. Returns the new constant; scales in its q, normal float32
 * numbers (a channel of zeros gets 1, a denormal one FLT_MIN). */
static Value *quantize_weights(Ctx *c, const Value *w, const float *data,
	const Type *shape, int bits, int per_channel)
{
	int64_t qw = (1LL << (bits - 1)) - 1;
	int64_t wmin = c->o->restricted_range ? -qw : -qw - 1;
	double denom = c->o->restricted_range ? (double)qw : qw + 0.5;
	int64_t oc = shape->dims[0], numel = type_numel(shape);
	int64_t inner = numel / oc;
	int nch = per_channel ? (int)oc : 1;
	Type t = *shape;
	t.elem = bits <= 8 ? DT_I8 : DT_I16;   /* 9: asymmetric uint8 folded */
	set_q(c->g, &t, per_channel ? 0 : -1, nch);
	t.q.bits = bits == 8 || bits == 16 ? 0 : bits;
	for (int ch = 0; ch < nch && w->type.q.present; ch++)
		t.q.scale[ch] = w->type.q.scale[w->type.q.n > 1 ? ch : 0];
	for (int ch = 0; ch < nch && !w->type.q.present; ch++) {
		int64_t from = per_channel ? ch * inner : 0;
		int64_t to = per_channel ? from + inner : numel;
		double amax = 0;
		for (int64_t i = from; i < to; i++)
			amax = fmax(amax, fabs(data[i]));
		double s = amax > 0 ? fmin(fmax(amax / denom, FLT_MIN), FLT_MAX) :
			1.0;
		if (c->o->pow2_scales)
			s = pow2_up(s);
		t.q.scale[ch] = (float)s;
	}
	if (bits == 1 && !w->type.q.present)
		binary_scales(c, data, numel, inner, &t);
	int32_t *d = graph_alloc_data(c->g, &t);
	for (int64_t i = 0; i < numel; i++) {
		double s = t.q.scale[per_channel ? i / inner : 0];
		d[i] = bits == 1 ? (data[i] < 0 ? -1 : 1) :
			(int32_t)round_clamp(data[i] / s, wmin, qw);
	}
	return graph_add_const(c->g, suffixed(c->g, w->name, "_q"), &t, d, w->loc);
}

/* The weight scale channel ch needs for its bias b to be exact at
 * s_x * s_w (docs/arith.md, section 7): s_w itself when the bias fits
 * beside the weights' share of the accumulator bound and s_x * s_w is a
 * normal float32, else a larger scale giving the bias at most half of the
 * room the weights leave (the weights only shrink on it). s_w if even the
 * weights alone overflow: the bound check reports it. */
static double bias_weight_scale(const Type *x, const int32_t *w,
	int64_t inner, double sw, double b)
{
	double sx = x->q.scale[0];
	int64_t room = INT32_MAX - q_acc_bound(x, w, inner, 0);
	double need = fabs(b) / (sx * sw);
	if ((float)(sx * sw) >= FLT_MIN && round_half_even(need) <= (double)room)
		return sw;
	if (room < 2)
		return sw;
	return fmax(sw, fmax(fabs(b) / (sx * (double)(room / 2)),
		FLT_MIN / sx));
}

/* Raises the weight scale of each channel (or of the tensor) whose bias
 * would not fit (bias_weight_scale), requantizing its weights from their
 * integer values onto the coarser grid. */
static void fit_biases(Ctx *c, const float *bf, const Type *x, Value *wq,
	int64_t oc)
{
	int per_channel = wq->type.q.axis >= 0;
	int64_t inner = type_numel(&wq->type) / oc;
	int32_t *w = wq->data;
	float *scale = wq->type.q.scale;
	if (type_binary(&wq->type))
		return;   /* -1 and +1 have no coarser grid */
	for (int k = 0; k < (per_channel ? oc : 1); k++) {
		int64_t from = per_channel ? k : 0, to = per_channel ? k + 1 : oc;
		double s = scale[k];
		for (int64_t ch = from; ch < to; ch++)
			s = fmax(s, bias_weight_scale(x, w + ch * inner, inner,
				scale[k], bf ? bf[ch] : 0));
		if (c->o->pow2_scales)
			s = pow2_up(s);
		if ((float)s <= scale[k])
			continue;
		double r = scale[k] / (double)(float)s;
		for (int64_t i = from * inner; i < to * inner; i++)
			w[i] = (int32_t)round_clamp(w[i] * r, -INT32_MAX, INT32_MAX);
		scale[k] = (float)s;
	}
}

/* i32 bias at s_x * s_w[c]; also the accumulator bound, checked and
 * recorded in n's acc_bound. Channel scales too small for their bias are
 * raised first (fit_biases). */
static Value *quantize_bias(Ctx *c, Node *n, const Value *b, const Value *x,
	Value *wq, int64_t oc)
{
	Type t = {.elem = DT_I32, .rank = 1, .dims = {oc}};
	int per_channel = wq->type.q.axis >= 0;
	set_q(c->g, &t, per_channel ? 0 : -1, per_channel ? (int)oc : 1);
	int32_t *d = graph_alloc_data(c->g, &t);
	const float *bf = b ? b->data : NULL;
	int64_t inner = type_numel(&wq->type) / oc;
	/* group-wise: the bound is on w * wgmult, and the scales stay */
	int32_t *grouped = q_group_weights(n, wq->data, oc, inner);
	if (!grouped)
		fit_biases(c, bf, &x->type, wq, oc);
	const int32_t *w = grouped ? grouped : wq->data;
	int64_t *bounds = arena_alloc(&c->g->arena, oc * sizeof *bounds);
	for (int64_t ch = 0; ch < oc; ch++) {
		double s = (double)x->type.q.scale[0] *
			wq->type.q.scale[per_channel ? ch : 0];
		if (per_channel || ch == 0)
			t.q.scale[per_channel ? ch : 0] = (float)s;
		d[ch] = bf ? (int32_t)round_clamp(bf[ch] / s, -INT32_MAX,
			INT32_MAX) : 0;
		int64_t bound = q_acc_bound(&x->type, w + ch * inner, inner, d[ch]);
		bounds[ch] = bound;
		if (bound > INT32_MAX) {
			diag_error(n->loc, "%s '%s': the int32 accumulator of channel "
				"%lld may overflow (worst case %lld); use fewer "
				"activation bits or smaller weights",
				op_info(n->op)->name, n->out->name, (long long)ch,
				(long long)bound);
			free(grouped);
			return NULL;
		}
	}
	free(grouped);
	attr_set_ints(c->g, n, "acc_bound", bounds, (int)oc);
	const char *name = b ? suffixed(c->g, b->name, "_q") :
		suffixed(c->g, wq->name, "_bias");
	return graph_add_const(c->g, name, &t, d, n->loc);
}

/* Per-channel multipliers s_x * s_w[c] / s_y; one entry when per tensor. */
static int channel_mults(Ctx *c, Node *qn, const Value *x, const Value *wq)
{
	int nch = wq->type.q.n;
	int64_t *mult = arena_alloc(&c->g->arena, nch * sizeof *mult);
	int64_t *shift = arena_alloc(&c->g->arena, nch * sizeof *shift);
	double sy = qn->out->type.q.scale[0];
	for (int ch = 0; ch < nch; ch++) {
		double m = (double)x->type.q.scale[0] * wq->type.q.scale[ch] / sy;
		if (quant_mult(m, &mult[ch], &shift[ch]) < 0) {
			diag_error(qn->loc, "%s '%s': requantization multiplier %g is "
				"too large", op_info(qn->op)->name, qn->out->name, m);
			return -1;
		}
	}
	set_requant(c, qn, mult, shift, nch);
	return 0;
}

/* ---- lowering, one function per kind of op ---- */

/* The output of a lowered node: named after the float value, which is
 * renamed out of the way (it dies with its node); a graph output's integer
 * version is NAME_q, the float NAME coming back through dequantize. */
static const char *take_name(Ctx *c, Value *v)
{
	if (v->is_output)
		return suffixed(c->g, v->name, "_q");
	const char *name = v->name;
	graph_rename(c->g, v, suffixed(c->g, name, "_float"));
	return name;
}

static int out_ready(Ctx *c, Value *v)
{
	return v->type.q.present && normalize_act(c, v) == 0;
}

/* The integer input and output type of a one-input op: 0 with *xq and *yt
 * set, 1 to leave the op float, -1 on error. */
static int single_input(Ctx *c, Node *n, Value **xq, Type *yt)
{
	Value *x = n->in[0];
	if (!out_ready(c, n->out) || (!x->aux && !x->type.q.present))
		return 1;
	if (!(*xq = int_of(c, x)))
		return -1;
	*yt = int_type(c, &n->out->type);
	return 0;
}

/* Copies every attribute of qn's op that n's op also has, with the same
 * name and kind (stride, pad, axis, kernel, ...). */
static void copy_attrs(Node *qn, const Node *n)
{
	const OpInfo *qi = op_info(qn->op), *fi = op_info(n->op);
	for (int i = 0; i < qi->nattr; i++) {
		int j = op_attr_index(n->op, qi->attrs[i].name);
		if (j >= 0 && fi->attrs[j].kind == qi->attrs[i].kind) {
			qn->attr[i] = n->attr[j];
			qn->attr[i].set = 1;
		}
	}
}

/* The integer node of n: the qop of its ops.def row, its attributes
 * copied. */
static Node *emit_qop(Ctx *c, Node *n, Value **xq, int nin, const Type *yt)
{
	Node *qn = emit(c, op_info(n->op)->qop, xq, nin, take_name(c, n->out),
		yt, n->loc);
	copy_attrs(qn, n);
	return qn;
}

/* n's output is now qn's. */
static int lowered(Ctx *c, Node *n, Node *qn)
{
	n->out->aux = qn->out;
	return finish(c, qn);
}

/* As lowered, qn's act_min/act_max first set from n's fused clamp (none
 * if n's op takes none). */
static int lowered_clamped(Ctx *c, Node *n, Node *qn)
{
	double lo = -INFINITY, hi = INFINITY;
	if (op_has(n->op, OPF_FUSE_CLAMP))
		lo = attr_float(n, "act_min"), hi = attr_float(n, "act_max");
	set_clamp(c, qn, lo, hi);
	return lowered(c, n, qn);
}

/* The weight width of layer n: its weight_bits, else --weight-bits (1:
 * binary); -1 after reporting one outside 1..8. */
static int layer_bits(Ctx *c, const Node *n)
{
	int64_t bits = layer_weight_bits(n, c->o->weight_bits);
	if (bits < 1 || bits > 8) {
		diag_error(n->loc, "%s '%s': weight_bits must be 1 to 8, got %lld",
			op_info(n->op)->name, n->out->name, (long long)bits);
		return -1;
	}
	return (int)bits;
}

/* Weights as [OC, ...]: a dense with trans_w=0 has them as [K, M]; *tmp
 * is the transposed copy to free. */
static const float *weights_oc_first(const Node *n, Type *ws, float **tmp)
{
	const Value *w = n->in[1];
	*ws = w->type;
	*tmp = NULL;
	if (op_attr_index(n->op, "trans_w") < 0 || attr_int(n, "trans_w"))
		return w->data;
	const float *wd = w->data;
	int64_t K = ws->dims[0], M = ws->dims[1];
	float *t = malloc(K * M * sizeof *t);
	if (!t)
		abort();
	for (int64_t k = 0; k < K; k++)
		for (int64_t m = 0; m < M; m++)
			t[m * K + k] = wd[k * M + m];
	ws->dims[0] = M, ws->dims[1] = K;
	return *tmp = t;
}

/* Group-wise scales (--weight-group G, weights of 2 to 4 bits,
 * docs/arith.md): per channel m and group g of G consecutive taps the
 * grid s_g = max|w| / qw, the channel's S = max_g s_g, the group's integer
 * multiplier r_g = clamp(round(256 s_g / S), 1, 256) and its weights
 * rounded on the grid S r_g / 256. wq (per channel) is rewritten in place
 * with the scale S / 256 of w * r; returns the multipliers [M][groups]
 * (arena). */
static int64_t *group_weights(Ctx *c, const float *wd, Value *wq, int bits)
{
	int64_t M = wq->type.dims[0], K = type_numel(&wq->type) / M;
	int64_t G = c->o->weight_group, ng = (K + G - 1) / G;
	int32_t qw = (1 << (bits - 1)) - 1, *d = wq->data;
	int64_t *r = arena_alloc(&c->g->arena, (size_t)(M * ng) * sizeof *r);
	for (int64_t m = 0; m < M; m++) {
		double S = 0;
		for (int64_t k = 0; k < K; k++)
			S = fmax(S, fabs(wd[m * K + k]) / qw);
		S = S > 0 ? fmin(fmax(S, FLT_MIN * 256), FLT_MAX) : 1.0;
		if (c->o->pow2_scales)
			S = pow2_up(S);
		for (int64_t g = 0; g < ng; g++) {
			int64_t to = (g + 1) * G < K ? (g + 1) * G : K;
			double amax = 0;
			for (int64_t k = g * G; k < to; k++)
				amax = fmax(amax, fabs(wd[m * K + k]));
			r[m * ng + g] = round_clamp(256 * amax / qw / S, 1, 256);
			double sg = (double)(float)(S / 256) * r[m * ng + g];
			for (int64_t k = g * G; k < to; k++)
				d[m * K + k] = (int32_t)round_clamp(wd[m * K + k] / sg, -qw,
					qw);
		}
		wq->type.q.scale[m] = (float)(S / 256);
	}
	return r;
}

/* The groups layer n was given (wgroup, wgmult: qdq_elim, from a blocked
 * DequantizeLinear): wq's integers rounded on each group's grid, the
 * channel's scale times the group's multiplier, which reproduces the
 * dequantized weights' integers exactly. */
static void given_groups(const Node *n, const float *wd, Value *wq, int bits)
{
	int64_t M = wq->type.dims[0], K = type_numel(&wq->type) / M;
	int64_t G = attr_int(n, "wgroup"), ng = (K + G - 1) / G;
	int32_t qw = (1 << (bits - 1)) - 1, *d = wq->data;
	const int64_t *r = attr_ints(n, "wgmult", NULL);
	for (int64_t m = 0; m < M; m++)
		for (int64_t k = 0; k < K; k++) {
			double sg = (double)wq->type.q.scale[wq->type.q.n > 1 ? m : 0] *
				r[m * ng + k / G];
			d[m * K + k] = (int32_t)round_clamp(wd[m * K + k] / sg, -qw - 1,
				qw);
		}
}

static int lower_layer(Ctx *c, Node *n)
{
	Value *x = n->in[0], *w = n->in[1], *b = n->nin > 2 ? n->in[2] : NULL;
	if (w->kind != VAL_CONST || (b && b->kind != VAL_CONST) ||
	    !out_ready(c, n->out))
		return 1;
	int bits = layer_bits(c, n);
	if (bits < 0)
		return -1;
	Value *xq = int_of(c, x);
	if (!xq)
		return x->type.q.present || x->aux ? -1 : 1;
	Type ws;
	float *tmp;
	const float *wd = weights_oc_first(n, &ws, &tmp);
	/* weights with a q(...) (qdq_elim) keep its scales and width */
	const QParams *wp = &w->type.q;
	if (wp->present && (wp->n != 1 && wp->n != ws.dims[0])) {
		diag_error(n->loc, "%s '%s': its weights have %d scales for %lld "
			"output channels", op_info(n->op)->name, n->out->name, wp->n,
			(long long)ws.dims[0]);
		free(tmp);
		return -1;
	}
	int grouped = c->o->weight_group > 0 && !wp->present && bits >= 2 &&
		bits <= 4;
	Value *wq = quantize_weights(c, w, wd, &ws, wp->present && wp->bits ?
		wp->bits : bits, wp->present ? wp->n > 1 : grouped ||
		c->o->granularity == GRAN_PER_CHANNEL);
	int64_t *gm = grouped ? group_weights(c, wd, wq, bits) : NULL;
	if (wp->present && attr_int(n, "wgroup") > 0)
		given_groups(n, wd, wq, wp->bits ? wp->bits : bits);
	free(tmp);
	Type yt = int_type(c, &n->out->type);
	Node *qn = emit_qop(c, n, (Value *[]){xq, wq, NULL}, 3, &yt);
	if (gm) {
		int64_t M = ws.dims[0], K = type_numel(&ws) / M;
		attr_set_int(c->g, qn, "wgroup", c->o->weight_group);
		attr_set_ints(c->g, qn, "wgmult", gm,
			(int)(M * q_groups(qn, K)));
	}
	Value *bq = quantize_bias(c, qn, b, xq, wq, ws.dims[0]);
	if (!bq)
		return -1;
	node_set_input(qn, 2, bq);
	if (channel_mults(c, qn, xq, wq) < 0)
		return -1;
	return lowered_clamped(c, n, qn);
}

/* Ops whose output has the input's q: views, transpose, max pooling. */
static int lower_same_q(Ctx *c, Node *n)
{
	Value *x = n->in[0];
	if (!x->aux && !x->type.q.present)
		return 1;
	Value *xq = int_of(c, x);
	if (!xq)
		return -1;
	Type yt = n->out->type;
	yt.elem = xq->type.elem;
	yt.q = xq->type.q;
	return lowered(c, n, emit_qop(c, n, &xq, 1, &yt));
}

/* The integer versions of the nin activations or constants in[]; 1 if
 * one has none (an activation without q). */
static int all_inputs(Ctx *c, Value *const *in, int nin, Value **xq)
{
	for (int i = 0; i < nin; i++) {
		Value *v = in[i];
		if (!v->aux && !v->type.q.present && v->kind != VAL_CONST)
			return 1;
	}
	for (int i = 0; i < nin; i++)
		if (!(xq[i] = int_of(c, in[i])))
			return -1;
	return 0;
}

/* Whether v's integer version is (or will be) 16-bit. */
static int will_be_wide(Ctx *c, const Value *v)
{
	if (v->aux)
		return ((const Value *)v->aux)->type.elem == DT_I16;
	if (v->type.q.present)
		return int_type(c, &v->type).elem == DT_I16;
	return c->o->act_bits > 8;
}

/* qadd: y = zy + R((a - za) mult[0] + (b - zb) mult[1], shift), with
 * mult[i] = s_i / s_y 2^shift; sign -1 for a - b. */
/* mult[i] ~= m[i] * 2^shift for k real multipliers sharing one shift,
 * chosen (section 3) for the largest; -1 after reporting one too large. */
static int shared_shift(const Node *n, const double *m, int k,
	int64_t *mult, int64_t *shift)
{
	double top = 0;
	for (int i = 0; i < k; i++)
		top = fmax(top, m[i]);
	int64_t first;
	if (quant_mult(top, &first, shift) < 0) {
		diag_error(n->loc, "%s: requantization multiplier %g is too "
			"large", op_info(n->op)->name, top);
		return -1;
	}
	for (int i = 0; i < k; i++) {
		mult[i] = round_half_away(ldexp(m[i], (int)*shift));
		if (mult[i] > INT32_MAX)
			mult[i] = INT32_MAX;
	}
	return 0;
}

static int lower_sum(Ctx *c, Node *n, int sign)
{
	Value *xq[2];
	if (!out_ready(c, n->out))
		return 1;
	int r = all_inputs(c, n->in, n->nin, xq);
	if (r)
		return r;
	double sy = n->out->type.q.scale[0];
	double m[2] = {xq[0]->type.q.scale[0] / sy, xq[1]->type.q.scale[0] / sy};
	Type yt = int_type(c, &n->out->type);
	Node *qn = emit_qop(c, n, xq, 2, &yt);
	int64_t mult[2], shift;
	if (shared_shift(n, m, 2, mult, &shift) < 0)
		return -1;
	mult[1] *= sign;
	attr_set_ints(c->g, qn, "mult", mult, 2);
	attr_set_ints(c->g, qn, "shift", &shift, 1);
	return lowered_clamped(c, n, qn);
}

static int lower_add(Ctx *c, Node *n)
{
	return lower_sum(c, n, 1);
}

static int lower_sub(Ctx *c, Node *n)
{
	return lower_sum(c, n, -1);
}

/* The positive finite scalar of a constant operand, else 0. */
static double scalar_factor(const Value *k)
{
	if (k->kind != VAL_CONST || k->type.elem != DT_F32 ||
	    type_numel(&k->type) != 1)
		return 0;
	double f = ((const float *)k->data)[0];
	return f > 0 && f < INFINITY ? f : 0;
}

/* The node after position pos whose input is v (v has one use). */
static Node *only_user(Ctx *c, const Value *v)
{
	for (int i = c->pos + 1; i < c->g->nnodes; i++) {
		Node *u = c->g->nodes[i];
		for (int j = 0; !u->dead && j < u->nin; j++)
			if (u->in[j] == v)
				return u;
	}
	return NULL;
}

/* A matmul's scaling folded into its requantization: the mul by a
 * positive scalar constant (or the division by one) that is the only use
 * of n's output and has a q; NULL if none. *f: the factor. */
static Node *folded_scale(Ctx *c, const Node *n, double *f)
{
	const Value *v = n->out;
	if (n->op != OP_MATMUL || v->nuse != 1 || v->is_output)
		return NULL;
	Node *u = only_user(c, v);
	if (!u || !u->out->type.q.present || u->out->aux)
		return NULL;
	if (u->op == OP_MUL)
		*f = scalar_factor(u->in[u->in[0] == v ? 1 : 0]);
	else if (u->op == OP_DIV && u->in[0] == v && u->in[1] != v)
		*f = scalar_factor(u->in[1]) > 0 ? 1.0 / scalar_factor(u->in[1]) : 0;
	else
		return NULL;
	return *f > 0 && *f < INFINITY && out_ready(c, u->out) ? u : NULL;
}

/* qmul, qmatmul: one multiplier s_a s_b / s_y. A qmatmul's accumulator
 * is rounded by pre bits into int32 first (16-bit operands), its
 * multiplier 2^pre larger; a scalar scaling after it is folded in (the
 * scaling node takes the qmatmul's output and is dropped). */
static int lower_mul(Ctx *c, Node *n)
{
	Value *xq[2];
	double f = 1;
	Node *u = folded_scale(c, n, &f);
	Value *out = u ? u->out : n->out;
	if (!out_ready(c, out))
		return 1;
	int r = all_inputs(c, n->in, n->nin, xq);
	if (r)
		return r;
	double m = f * xq[0]->type.q.scale[0] * xq[1]->type.q.scale[0] /
		out->type.q.scale[0];
	Type yt = int_type(c, &out->type);
	Node *qn = emit(c, op_info(n->op)->qop, xq, 2, take_name(c, out), &yt,
		n->loc);
	int64_t pre = 0;
	if (n->op == OP_MATMUL) {
		const Type *a = &xq[0]->type;
		int64_t bound = qmatmul_bound(a, &xq[1]->type, a->dims[a->rank - 1]);
		while (pre < 32 && bound >> pre >= INT32_MAX)
			pre++;
		if (pre)
			attr_set_int(c->g, qn, "pre", pre);
	}
	if (one_mult(c, qn, ldexp(m, (int)pre)) < 0)
		return -1;
	r = lowered_clamped(c, n, qn);
	if (u) {
		u->out->aux = qn->out;
		n->out->aux = NULL;
	}
	return r;
}

/* n-ary ops whose integer form requantizes every input onto the output's
 * grid with its own mult[i]/shift[i] (qconcat). */
static int lower_each_to_out(Ctx *c, Node *n)
{
	Value **xq = arena_alloc(&c->g->arena, n->nin * sizeof *xq);
	if (!out_ready(c, n->out))
		return 1;
	int r = all_inputs(c, n->in, n->nin, xq);
	if (r)
		return r;
	Type yt = int_type(c, &n->out->type);
	Node *qn = emit_qop(c, n, xq, n->nin, &yt);
	int64_t *mult = arena_alloc(&c->g->arena, n->nin * sizeof *mult);
	int64_t *shift = arena_alloc(&c->g->arena, n->nin * sizeof *shift);
	for (int i = 0; i < n->nin; i++)
		if (quant_mult(xq[i]->type.q.scale[0] / yt.q.scale[0], &mult[i],
				&shift[i]) < 0) {
			diag_error(n->loc, "%s: input %d needs a multiplier that "
				"is too large", op_info(n->op)->name, i);
			return -1;
		}
	set_requant(c, qn, mult, shift, n->nin);
	return lowered(c, n, qn);
}

/* The integer node of a one-input op (single_input's types); NULL with *r
 * 1 to leave n float, -1 on error. */
static Node *unary_qop(Ctx *c, Node *n, int *r)
{
	Value *xq;
	Type yt;
	if ((*r = single_input(c, n, &xq, &yt)) != 0)
		return NULL;
	return emit_qop(c, n, &xq, 1, &yt);
}

/* s_x / s_y of a one-input integer node, divided in float (the
 * multipliers the generated code holds were made so). */
static double scale_ratio(const Node *qn)
{
	return qn->in[0]->type.q.scale[0] / qn->out->type.q.scale[0];
}

/* relu, relu6, clip alone: a requantize whose clamp is the activation. */
static int lower_clamp(Ctx *c, Node *n)
{
	int r;
	Node *qn = unary_qop(c, n, &r);
	if (!qn)
		return r;
	if (one_mult(c, qn, scale_ratio(qn)) < 0)
		return -1;
	double lo, hi;
	op_clamp(n, &lo, &hi);
	set_clamp(c, qn, lo, hi);
	return lowered(c, n, qn);
}

/* Average pooling: mult/shift[i] divide a window of i + 1 counted
 * elements. */
static int lower_avgpool(Ctx *c, Node *n)
{
	int r;
	Node *qn = unary_qop(c, n, &r);
	if (!qn)
		return r;
	double m = scale_ratio(qn);
	const int64_t *k = attr_ints(n, "kernel", NULL);
	int area = (int)(k[0] * k[1]);
	int64_t *mult = arena_alloc(&c->g->arena, area * sizeof *mult);
	int64_t *shift = arena_alloc(&c->g->arena, area * sizeof *shift);
	for (int i = 0; i < area; i++)
		if (quant_mult(m / (i + 1), &mult[i], &shift[i]) < 0) {
			diag_error(n->loc, "%s: requantization multiplier %g is too "
				"large (at most 2^31)", op_info(n->op)->name, m / (i + 1));
			return -1;
		}
	set_requant(c, qn, mult, shift, area);
	return lowered(c, n, qn);
}

/* Global average pooling: one multiplier for the spatial area. */
static int lower_global_pool(Ctx *c, Node *n)
{
	int r;
	Node *qn = unary_qop(c, n, &r);
	if (!qn)
		return r;
	const Type *xt = &qn->in[0]->type;
	int64_t area = type_numel(xt) / (xt->dims[0] * xt->dims[1]);
	if (one_mult(c, qn, scale_ratio(qn) / area) < 0)
		return -1;
	return lowered(c, n, qn);
}

/* ---- tables ---- */

/* Runs n's float kernel on the len values x (into y), as if n's input and
 * output were rank-1 tensors of len elements. */
static void run_float_kernel(const Node *n, const float *x, float *y,
	int64_t len)
{
	Value in = *n->in[0], out = *n->out;
	in.type = (Type){.elem = DT_F32, .rank = 1, .dims = {len}};
	out.type = in.type;
	Value *ins[1] = {&in};
	Node tmp = *n;
	tmp.in = ins;
	tmp.nin = 1;
	tmp.out = &out;
	op_info(n->op)->eval(&tmp, (const void *const[]){x}, y);
}

/* The first code of a piece starting at x = from on the grid (s, z):
 * the smallest code whose value s (code - z) is >= from (> from if open),
 * clamped to [lo, hi]. */
static int64_t piece_start(const UnaryPiece *p, double s, int64_t z,
	int64_t lo, int64_t hi)
{
	if (p->from == -INFINITY)
		return lo;
	int64_t k = p->open ? grid_bound(p->from, s, 0, lo - z, hi - z) + 1 :
		grid_bound(p->from, s, 1, lo - z, hi - z);
	return clamp_i64(k + z, lo, hi);
}

/* The coefficients of piece k on the grids: y - zy = Q u^2 + M u + C in
 * output codes, u = x - zx. */
static void piece_coef(const UnaryPiece *p, double sx, double sy, double *q)
{
	q[0] = p->square * sx * sx / sy;
	q[1] = p->slope * sx / sy;
	q[2] = p->offset / sy;
}

/* A 16-bit piecewise-polynomial function as qpwl: piece k from code
 * knots[k-1] on is zy + square u^2 + mult u + bias over 2^shift, each
 * piece_coef times 2^shift, one shift (the largest keeping |square| <=
 * 2^30, |mult| < 2^31, |bias| <= 2^60) for all pieces. */
static int lower_pwl(Ctx *c, Node *n, const UnaryPiece *p, int np)
{
	Value *xq;
	Type yt;
	int r = single_input(c, n, &xq, &yt);
	if (r)
		return r;
	const Type *xt = &xq->type;
	double sx = xt->q.scale[0], sy = yt.q.scale[0];
	int64_t knots[UNARY_MAX_PIECES], v[3][UNARY_MAX_PIECES], shift = 62;
	const double limit[3] = {ldexp(1, 30), 2147483647.0, ldexp(1, 60)};
	int square = 0;
	for (int k = 0; k < np; k++) {
		double q[3];
		piece_coef(&p[k], sx, sy, q);
		for (int i = 0; i < 3; i++)
			while (shift > 0 && ldexp(fabs(q[i]), (int)shift) > limit[i])
				shift--;
		square |= q[0] != 0;
		if (k > 0)
			knots[k - 1] = piece_start(&p[k], sx, xt->q.zp[0],
				type_qmin(xt), type_qmax(xt) + 1);
	}
	for (int k = 0; k < np; k++) {
		double q[3];
		piece_coef(&p[k], sx, sy, q);
		for (int i = 0; i < 3; i++)
			if ((double)llabs(v[i][k] = round_half_away(ldexp(q[i],
					(int)shift))) > limit[i]) {
				diag_error(n->loc, "%s: a piece's coefficient %g is too "
					"large", op_info(n->op)->name, q[i]);
				return -1;
			}
	}
	Node *qn = emit(c, OP_QPWL, &xq, 1, take_name(c, n->out), &yt, n->loc);
	attr_set_ints(c->g, qn, "knots", knots, np - 1);
	attr_set_ints(c->g, qn, "mult", v[1], np);
	attr_set_ints(c->g, qn, "bias", v[2], np);
	attr_set_int(c->g, qn, "shift", shift);
	if (square)
		attr_set_ints(c->g, qn, "square", v[0], np);
	return lowered(c, n, qn);
}

/* An elementwise op as a table over its input grid: entry i is the output
 * for the i-th grid point (every code of an 8-bit input; for 16 bits, 513
 * points 128 apart, interpolated by qlut). The values are n's float kernel
 * run on the dequantized points. */
static int lower_lut(Ctx *c, Node *n)
{
	UnaryPiece pieces[UNARY_MAX_PIECES];
	int np = unary_pieces(n, pieces);
	if (np > 0 && will_be_wide(c, n->in[0]))
		return lower_pwl(c, n, pieces, np);
	int r;
	Node *qn = unary_qop(c, n, &r);
	if (!qn)
		return r;
	const Type *xt = &qn->in[0]->type, *yt = &qn->out->type;
	const QParams *qx = &xt->q;
	double sy = yt->q.scale[0];
	int64_t zy = yt->q.zp[0], ymin = type_qmin(yt), ymax = type_qmax(yt);
	int wide = xt->elem == DT_I16;
	int len = wide ? 513 : (int)(type_qmax(xt) - type_qmin(xt) + 1);
	float *x = malloc(2 * len * sizeof *x), *y = x + len;
	if (!x)
		abort();
	for (int i = 0; i < len; i++) {
		int64_t q = wide ? -32768 + 128 * (int64_t)i : type_qmin(xt) + i;
		x[i] = (float)(qx->scale[0] * (double)(q - qx->zp[0]));
	}
	run_float_kernel(n, x, y, len);
	int64_t *table = arena_alloc(&c->g->arena, len * sizeof *table);
	for (int i = 0; i < len; i++) {
		/* NaN (log of a negative number) becomes zy, as in quantize; a
		 * binary output (no 0) is +1 from 0 up, -1 below */
		double v = isnan(y[i]) ? zy : zy + round_half_even(y[i] / sy);
		if (type_binary(yt))
			v = y[i] >= 0 ? 1 : -1;
		table[i] = clamp_i64((int64_t)fmax(fmin(v, 4e18), -4e18), ymin, ymax);
	}
	free(x);
	attr_set_ints(c->g, qn, "table", table, len);
	return lowered(c, n, qn);
}

/* exp(-s d) 2^16 for d = 0..255 at the steps step * d. */
static void exp_table(double s, int step, int64_t *table)
{
	for (int d = 0; d < 256; d++)
		table[d] = round_half_away(65536.0 * exp(-s * step * d));
}

/* qsoftmax: the exp table (and for 16-bit input exp_hi, the same at
 * 256 d); the output on its fixed grid, i8 q(1/256, -128) or, for 16-bit
 * activations, i16 q(1/32768, 0), whatever the calibration saw. */
static int lower_softmax(Ctx *c, Node *n)
{
	Value *x = n->in[0];
	if (!x->aux && !x->type.q.present)
		return 1;
	int wide_out = will_be_wide(c, n->out);
	Value *xq = int_of(c, x);
	if (!xq)
		return -1;
	Type yt = n->out->type;
	yt.elem = wide_out ? DT_I16 : DT_I8;
	set_q(c->g, &yt, -1, 1);
	yt.q.scale[0] = wide_out ? 1.0f / 32768 : 1.0f / 256;
	yt.q.zp[0] = wide_out ? 0 : -128;
	int64_t table[256], hi[256];
	double sx = xq->type.q.scale[0];
	exp_table(sx, 1, table);
	exp_table(sx, 256, hi);
	Node *qn = emit_qop(c, n, &xq, 1, &yt);
	attr_set_ints(c->g, qn, "table", table, 256);
	if (xq->type.elem == DT_I16)
		attr_set_ints(c->g, qn, "exp_hi", hi, 256);
	return lowered(c, n, qn);
}

/* ---- conditions ---- */

/* A constant operand k of `act cmp k` mapped onto act's integer grid
 * (scale s, zero point z) as an i32 tensor with act's q: for an integer a
 * in [qmin, qmax], a > v iff a > floor(v), a >= v iff a >= ceil(v), a < v
 * iff a < ceil(v), a <= v iff a <= floor(v), with v = k / s + z; a == v
 * needs v integer, else the entry is qmax + 1, which no a equals. cmp is
 * as seen with act on the left. */
static Value *cmp_const(Ctx *c, const Value *k, const Value *act,
	const char *cmp)
{
	const Type *at = &act->type;
	double s = at->q.scale[0];
	int64_t z = at->q.zp[0];
	int64_t lo = type_qmin(at) - 1 - z, hi = type_qmax(at) + 1 - z;
	Type t = k->type;
	t.elem = DT_I32;
	set_q(c->g, &t, -1, 1);
	t.q.scale[0] = at->q.scale[0];
	t.q.zp[0] = (int32_t)z;
	int32_t *d = graph_alloc_data(c->g, &t);
	const float *x = k->data;
	int up = !strcmp(cmp, "ge") || !strcmp(cmp, "lt");
	for (int64_t i = 0, m = type_numel(&t); i < m; i++) {
		int64_t v = grid_bound(x[i], s, up, lo, hi);
		if (!strcmp(cmp, "eq") && s * (double)v != (double)x[i])
			v = hi;
		d[i] = (int32_t)(v + z);
	}
	return graph_add_const(c->g, suffixed(c->g, k->name, "_grid"), &t, d,
		k->loc);
}

/* cmp with its operands swapped: a cmp b iff b mirror(cmp) a. */
static const char *mirror_cmp(const char *cmp)
{
	return !strcmp(cmp, "gt") ? "lt" : !strcmp(cmp, "lt") ? "gt" :
		!strcmp(cmp, "ge") ? "le" : !strcmp(cmp, "le") ? "ge" : "eq";
}

/* Both operands of a comparison of two activations on a common grid:
 * mult[i] = s_i / max(s_a, s_b) * 2^30, rounded half away. */
static void cmp_mults(Value *const *xq, int64_t *mult)
{
	double sa = xq[0]->type.q.scale[0], sb = xq[1]->type.q.scale[0];
	double top = fmax(sa, sb);
	mult[0] = round_half_away(sa / top * 1073741824.0);
	mult[1] = round_half_away(sb / top * 1073741824.0);
}

static int is_const_operand(const Value *v)
{
	return v->kind == VAL_CONST && !v->type.q.present;
}

/* qcompare: plain integers as they are (mult 1); two activations on their
 * common grid; an activation and a constant on the activation's grid. */
static int lower_compare(Ctx *c, Node *n)
{
	Value *xq[2] = {n->in[0], n->in[1]};
	int64_t mult[2] = {1, 1};
	const char *cmp = attr_str(n, "cmp");
	int k0 = is_const_operand(xq[0]), k1 = is_const_operand(xq[1]);
	if (xq[0]->type.elem == DT_F32) {
		for (int i = 0; i < 2; i++)
			if (!(i ? k1 : k0) && !xq[i]->aux && !xq[i]->type.q.present)
				return 1;
		if (k0 && k1)
			return 1;
		for (int i = 0; i < 2; i++)
			if (!(i ? k1 : k0) && !(xq[i] = int_of(c, n->in[i])))
				return -1;
		if (k0)
			xq[0] = cmp_const(c, n->in[0], xq[1], mirror_cmp(cmp));
		else if (k1)
			xq[1] = cmp_const(c, n->in[1], xq[0], cmp);
		else
			cmp_mults(xq, mult);
	}
	Type yt = n->out->type;
	Node *qn = emit_qop(c, n, xq, 2, &yt);
	attr_set_ints(c->g, qn, "mult", mult, 2);
	return lowered(c, n, qn);
}

/* qwhere: the condition as it is, x and y each requantized onto the
 * output's grid. */
static int lower_where(Ctx *c, Node *n)
{
	Value *xq[3];
	if (!out_ready(c, n->out))
		return 1;
	Value *cond = n->in[0];
	xq[0] = cond->aux ? cond->aux : cond;
	int r = all_inputs(c, n->in + 1, 2, xq + 1);
	if (r)
		return r;
	Type yt = int_type(c, &n->out->type);
	Node *qn = emit_qop(c, n, xq, 3, &yt);
	int64_t mult[2], shift[2];
	for (int i = 0; i < 2; i++)
		if (quant_mult(xq[i + 1]->type.q.scale[0] / yt.q.scale[0], &mult[i],
				&shift[i]) < 0) {
			diag_error(n->loc, "where: input %d needs a multiplier that is "
				"too large", i + 1);
			return -1;
		}
	set_requant(c, qn, mult, shift, 2);
	return lowered(c, n, qn);
}

/* ---- arithmetic of activations ---- */

/* sum, mean: qsum, every input with its own multiplier s_i / (s_y k),
 * k = 1 (sum) or the input count (mean), all sharing one shift. */
static int lower_total(Ctx *c, Node *n)
{
	if (!out_ready(c, n->out) || n->nin > QSUM_MAX_IN)
		return 1;
	Value **xq = arena_alloc(&c->g->arena, n->nin * sizeof *xq);
	int r = all_inputs(c, n->in, n->nin, xq);
	if (r)
		return r;
	double m[QSUM_MAX_IN], k = n->op == OP_MEAN ? n->nin : 1;
	for (int i = 0; i < n->nin; i++)
		m[i] = xq[i]->type.q.scale[0] / (n->out->type.q.scale[0] * k);
	Type yt = int_type(c, &n->out->type);
	Node *qn = emit_qop(c, n, xq, n->nin, &yt);
	int64_t mult[16], shift;
	if (shared_shift(n, m, n->nin, mult, &shift) < 0)
		return -1;
	attr_set_ints(c->g, qn, "mult", mult, n->nin);
	attr_set_ints(c->g, qn, "shift", &shift, 1);
	return lowered(c, n, qn);
}

/* A constant slope as i16, symmetric per tensor: s = max|a| / 32767. */
static Value *slope_i16(Ctx *c, const Value *a)
{
	const float *d = a->data;
	int64_t count = type_numel(&a->type);
	double amax = 0;
	for (int64_t i = 0; i < count; i++)
		amax = fmax(amax, fabs(d[i]));
	Type t = a->type;
	t.elem = DT_I16;
	set_q(c->g, &t, -1, 1);
	t.q.scale[0] = amax > 0 ? (float)fmax(amax / 32767, FLT_MIN) : 1.0f;
	if (c->o->pow2_scales)
		t.q.scale[0] = (float)pow2_up(t.q.scale[0]);
	int32_t *q = graph_alloc_data(c->g, &t);
	for (int64_t i = 0; i < count; i++)
		q[i] = (int32_t)round_clamp(d[i] / (double)t.q.scale[0], -32767,
			32767);
	return graph_add_const(c->g, suffixed(c->g, a->name, "_q"), &t, q,
		a->loc);
}

/* qprelu: the positive side s_x / s_y, the negative s_x s_a / s_y. */
static int lower_prelu(Ctx *c, Node *n)
{
	Value *xq, *aq, *a = n->in[1];
	Type yt;
	if (!is_const_operand(a) && !a->aux && !a->type.q.present)
		return 1;
	int r = single_input(c, n, &xq, &yt);
	if (r)
		return r;
	if (!(aq = is_const_operand(a) ? slope_i16(c, a) : int_of(c, a)))
		return -1;
	Node *qn = emit_qop(c, n, (Value *[]){xq, aq}, 2, &yt);
	double sx = xq->type.q.scale[0], sy = yt.q.scale[0];
	int64_t mult[2], shift[2];
	if (quant_mult(sx / sy, &mult[0], &shift[0]) < 0 ||
	    quant_mult(sx * aq->type.q.scale[0] / sy, &mult[1], &shift[1]) < 0) {
		diag_error(n->loc, "prelu: requantization multiplier is too large");
		return -1;
	}
	set_requant(c, qn, mult, shift, 2);
	return lowered(c, n, qn);
}

/* A constant divisor as the constant 1/b (f32), for a qmul; NULL if an
 * element is 0. */
static Value *reciprocal_const(Ctx *c, const Value *b)
{
	const float *d = b->data;
	int64_t count = type_numel(&b->type);
	float *r = graph_alloc_data(c->g, &b->type);
	for (int64_t i = 0; i < count; i++) {
		if (d[i] == 0)
			return NULL;
		r[i] = (float)(1.0 / d[i]);
	}
	return graph_add_const(c->g, suffixed(c->g, b->name, "_recip"),
		&b->type, r, b->loc);
}

/* frac for qdiv: the most bits with |a - za| 2^frac <= 2^30. */
static int64_t div_frac(const Type *a)
{
	int64_t z = a->q.zp[0], dev = type_qmax(a) - z;
	if (z - type_qmin(a) > dev)
		dev = z - type_qmin(a);
	int64_t frac = 30;
	while (frac > 0 && (dev << frac) > ((int64_t)1 << 30))
		frac--;
	return frac;
}

/* a / b: qdiv of two activations, t = (a - za) 2^frac / (b - zb), then one
 * multiplier s_a / (s_b s_y 2^frac); a constant b is a qmul by 1/b. */
static int lower_div(Ctx *c, Node *n)
{
	Value *xq[2], *b = n->in[1];
	if (!out_ready(c, n->out))
		return 1;
	int by_const = is_const_operand(b);
	Value *in[2] = {n->in[0], by_const ? reciprocal_const(c, b) : b};
	if (!in[1])
		return 1;
	int r = all_inputs(c, in, 2, xq);
	if (r)
		return r;
	Type yt = int_type(c, &n->out->type);
	double m = (double)xq[0]->type.q.scale[0] * xq[1]->type.q.scale[0] /
		yt.q.scale[0];
	if (by_const) {
		Node *qn = emit(c, OP_QMUL, xq, 2, take_name(c, n->out), &yt, n->loc);
		return one_mult(c, qn, m) < 0 ? -1 : lowered_clamped(c, n, qn);
	}
	int64_t frac = div_frac(&xq[0]->type);
	Node *qn = emit_qop(c, n, xq, 2, &yt);
	attr_set_int(c->g, qn, "frac", frac);
	m = xq[0]->type.q.scale[0] / ((double)xq[1]->type.q.scale[0] *
		yt.q.scale[0]);
	if (one_mult(c, qn, ldexp(m, -(int)frac)) < 0)
		return -1;
	return lowered(c, n, qn);
}

/* qlog_softmax: qsoftmax's exp table (and for 16-bit input exp_hi, the
 * same at 256 d), the log table ln(1 + j/256) 2^16, and s_x / s_y,
 * 2^-16 / s_y sharing one shift. */
static int lower_log_softmax(Ctx *c, Node *n)
{
	Value *xq;
	Type yt;
	int r = single_input(c, n, &xq, &yt);
	if (r)
		return r;
	int64_t etab[256], ehi[256], ltab[257], mult[2], shift;
	double sx = xq->type.q.scale[0];
	exp_table(sx, 1, etab);
	exp_table(sx, 256, ehi);
	for (int j = 0; j <= 256; j++)
		ltab[j] = round_half_away(65536.0 * log1p(j / 256.0));
	double m[2] = {xq->type.q.scale[0] / (double)yt.q.scale[0],
		1.0 / (65536.0 * yt.q.scale[0])};
	Node *qn = emit_qop(c, n, &xq, 1, &yt);
	if (shared_shift(n, m, 2, mult, &shift) < 0)
		return -1;
	attr_set_ints(c->g, qn, "exp_table", etab, 256);
	attr_set_ints(c->g, qn, "ln_table", ltab, 257);
	if (xq->type.elem == DT_I16)
		attr_set_ints(c->g, qn, "exp_hi", ehi, 256);
	attr_set_ints(c->g, qn, "mult", mult, 2);
	attr_set_ints(c->g, qn, "shift", &shift, 1);
	return lowered(c, n, qn);
}

/* Channel c of a layer norm's affine on the output grid: t (the
 * normalized value times 2^20) times g = scale[c] / (s_y 2^20), plus
 * B = bias[c] / s_y, over one shift: that of g (section 3), lowered
 * until B 2^shift fits 2^60. */
static int norm_channel(const Node *n, double g, double b, int64_t *mult,
	int64_t *shift, int64_t *bias)
{
	int64_t m, s = 40;
	if (g != 0 && quant_mult(fabs(g), &m, &s) < 0) {
		diag_error(n->loc, "layernorm: scale multiplier %g is too large", g);
		return -1;
	}
	while (s > 0 && fabs(ldexp(b, (int)s)) > ldexp(1, 60))
		s--;
	if (fabs(ldexp(b, (int)s)) > ldexp(1, 60)) {
		diag_error(n->loc, "layernorm: bias %g output codes is too large",
			b);
		return -1;
	}
	*mult = round_half_away(ldexp(g, (int)s));
	if (*mult > INT32_MAX || *mult < -INT32_MAX)
		*mult = *mult < 0 ? -INT32_MAX : INT32_MAX;
	*bias = round_half_away(ldexp(b, (int)s));
	*shift = s;
	return 0;
}

/* qlayernorm (docs/arith.md): epsilon on the input's grid, eps n^2 / s_x^2,
 * and the constant scale and bias folded into per-channel mult, shift and
 * bias. A scale or bias computed at run time keeps the op float. */
static int lower_layernorm(Ctx *c, Node *n)
{
	for (int i = 1; i < n->nin; i++)
		if (n->in[i] && (n->in[i]->kind != VAL_CONST ||
				n->in[i]->type.elem != DT_F32))
			return 1;
	Value *xq;
	Type yt;
	int r = single_input(c, n, &xq, &yt);
	if (r)
		return r;
	const Type *xt = &xq->type;
	int64_t axis = attr_int(n, "axis"), len = 1;
	for (int i = (int)(axis < 0 ? axis + xt->rank : axis); i < xt->rank; i++)
		len *= xt->dims[i];
	double sx = xt->q.scale[0], sy = yt.q.scale[0];
	double eps = attr_float(n, "epsilon") * (double)len * len / (sx * sx);
	int64_t eq = round_half_away(fmin(eps, ldexp(1, 60)));
	const float *gamma = n->nin > 1 && n->in[1] ? n->in[1]->data : NULL;
	const float *beta = n->nin > 2 && n->in[2] ? n->in[2]->data : NULL;
	int64_t *mult = arena_alloc(&c->g->arena, 3 * len * sizeof *mult);
	int64_t *shift = mult + len, *bias = shift + len;
	for (int64_t i = 0; i < len; i++)
		if (norm_channel(n, (gamma ? gamma[i] : 1.0) / (sy * 1048576.0),
				(beta ? beta[i] : 0.0) / sy, &mult[i], &shift[i],
				&bias[i]) < 0)
			return -1;
	Node *qn = emit_qop(c, n, &xq, 1, &yt);
	attr_set_int(c->g, qn, "eps", eq);
	set_requant(c, qn, mult, shift, (int)len);
	attr_set_ints(c->g, qn, "bias", bias, (int)len);
	return lowered(c, n, qn);
}

/* For the rule files (quantize.h). */
int64_t quant_round_away(double x)
{
	return round_half_away(x);
}

int64_t quant_code(const Type *t, double v)
{
	return round_clamp(t->q.zp[0] + v / t->q.scale[0], type_qmin(t),
		type_qmax(t));
}

Node *quant_unary_qop(Ctx *c, Node *n, int *r)
{
	return unary_qop(c, n, r);
}

int quant_same_q(Ctx *c, Node *n)
{
	return lower_same_q(c, n);
}

Value *quant_int_of(Ctx *c, Value *v)
{
	return int_of(c, v);
}

Node *quant_emit_qop(Ctx *c, Node *n, Value **xq, int nin, const Type *yt)
{
	return emit_qop(c, n, xq, nin, yt);
}

int quant_lowered(Ctx *c, Node *n, Node *qn)
{
	return lowered(c, n, qn);
}

/* The lowering rules, by the lower column of ops.def: each returns 0
 * lowered, 1 left float, -1 error. */
typedef int (*LowerFn)(Ctx *c, Node *n);
static const LowerFn lowerings[LOWER_COUNT] = {
	[LOWER_LAYER] = lower_layer,
	[LOWER_SAME_Q] = lower_same_q,
	[LOWER_ADD] = lower_add,
	[LOWER_SUB] = lower_sub,
	[LOWER_MUL] = lower_mul,
	[LOWER_EACH_TO_OUT] = lower_each_to_out,
	[LOWER_CLAMP] = lower_clamp,
	[LOWER_AVGPOOL] = lower_avgpool,
	[LOWER_GLOBAL_POOL] = lower_global_pool,
	[LOWER_LUT] = lower_lut,
	[LOWER_SOFTMAX] = lower_softmax,
	[LOWER_COMPARE] = lower_compare,
	[LOWER_WHERE] = lower_where,
	[LOWER_SUM] = lower_total,
	[LOWER_PRELU] = lower_prelu,
	[LOWER_DIV] = lower_div,
	[LOWER_LOG_SOFTMAX] = lower_log_softmax,
	[LOWER_LAYERNORM] = lower_layernorm,
	[LOWER_GATHER] = quant_lower_gather,
	[LOWER_PAD] = quant_lower_pad,
	[LOWER_AFFINE] = quant_lower_affine,
	[LOWER_REDUCE] = quant_lower_reduce,
};

static int lower(Ctx *c, Node *n)
{
	if (n->out->aux)
		return 0;  /* folded into the node before it (a matmul's scaling) */
	const OpInfo *info = op_info(n->op);
	LowerFn fn = lowerings[info->lower];
	return fn && info->qop != OP_NONE ? fn(c, n) : 1;
}

/* Float uses of lowered values get a dequantize after the integer producer
 * (queued: g defers inserts); a graph output keeps its name. to[v->id]
 * (nvalues entries): the dequantize that takes v's uses. */
static int dequantize_uses(Ctx *c, Value **to, int nvalues)
{
	Graph *g = c->g;
	for (int i = 0; i < nvalues; i++) {
		Value *v = g->values[i];
		Value *q = v->aux;
		if (!q || v->nuse == 0 || v->kind != VAL_NODE || !v->def->dead)
			continue;
		if (q->type.elem == v->type.elem) {
			/* a condition: its integer version is the same tensor */
			if (v->is_output) {
				const char *name = v->name;
				graph_rename(g, v, suffixed(g, name, "_float"));
				graph_rename(g, q, name);
			}
			to[v->id] = q;
			continue;
		}
		c->pos = q->kind == VAL_NODE ? q->def->id + 1 : 0;
		const char *name = v->is_output ? v->name :
			suffixed(g, q->name, "_f");
		if (v->is_output)
			graph_rename(g, v, suffixed(g, v->name, "_float"));
		Type ft = v->type;
		ft.q.present = 0;
		Node *d = emit(c, OP_DEQUANTIZE, &q, 1, name, &ft, v->loc);
		if (!d || finish(c, d) < 0)
			return -1;
		to[v->id] = d->out;
	}
	return 0;
}

/* dequantize_uses, with the new nodes merged and the uses moved in one
 * walk each. */
static int add_dequantizes(Ctx *c)
{
	Graph *g = c->g;
	int nvalues = g->nvalues;
	Value **to = calloc(nvalues + 1, sizeof *to);
	if (!to) {
		diag_fail("out of memory");
		return -1;
	}
	graph_defer_inserts(g);
	int r = dequantize_uses(c, to, nvalues);
	graph_flush_inserts(g);
	if (r == 0)
		graph_replace_uses_by(g, to, nvalues);
	free(to);
	return r;
}

int pass_quantize(Graph *g, const Options *o)
{
	if (o->weight_bits < 1 || o->weight_bits > 8) {
		diag_fail("--weight-bits must be 1 to 8, got %d", o->weight_bits);
		return -1;
	}
	Ctx c = {g, o, 0};
	for (int i = 0; i < g->nvalues; i++)
		g->values[i]->aux = NULL;
	graph_defer_inserts(g);
	for (int i = 0; i < g->nnodes; i++) {
		Node *n = g->nodes[i];
		if (n->dead)
			continue;
		c.pos = i;
		int r = lower(&c, n);
		if (r < 0) {
			graph_flush_inserts(g);
			return -1;
		}
		if (r == 0)
			node_kill(g, n);
		else if (n->out->type.q.present)
			diag_warning(n->loc, "%s '%s' cannot be lowered to integer "
				"ops and stays in float", op_info(n->op)->name,
				n->out->name);
	}
	graph_flush_inserts(g);
	if (add_dequantizes(&c) < 0)
		return -1;
	graph_compact(g);
	for (int i = 0; i < g->nvalues; i++) {
		Value *v = g->values[i];
		v->aux = NULL;
		if (v->type.elem == DT_F32)
			v->type.q.present = 0;
	}
	return 0;
}
