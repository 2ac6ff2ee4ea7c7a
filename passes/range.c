/* range.c - turns observations into quantization parameters.
 *
 * Each observe node's `method` (range_estimators.c) gives a clipping range
 * [lo, hi] that becomes q(scale, zp) on the observed f32 type; the observer
 * goes. reshape/flatten/transpose/maxpool2d outputs then take their input's
 * q. bn reads the bn_beta/bn_gamma fold_bn left on the producing conv2d or
 * dense (through fused or following relu/relu6/clip), else falls back to
 * minmax; ce on a tensor feeding no softmax is mse.
 * Grid (docs/arith.md): 8 bits asymmetric, scale = (hi - lo) / 255,
 * zp = round(-128 - lo / scale); --symmetric-acts and 16 bits: zp = 0,
 * scale = max(|lo|, |hi|) / qmax; --pow2-scales rounds scales up to 2^k.
 *
 * Data-free (--range bn without calibration data, o->data_free): a
 * value without BatchNorm statistics gets a bound of what it can hold,
 * propagated forward by interval arithmetic from the ranges before it
 * (a weighted layer: per output channel sum_k max(w_k lo, w_k hi) + b),
 * and the graph input the bn range of a standardized input, +- A.
 *
 * requires: calibrated observe nodes (bn: or BatchNorm statistics; data
 *   free: no observations needed, but some BatchNorm statistics).
 * guarantees: no observe node; every observed value has q(...), bits =
 *   its observer's bits (8 or 16; --act-bits 16=NAME,... sets it), else
 *   --act-bits. With --ram-budget, g->alt holds each such value's
 *   grid at the other width (8 <-> 16), its estimator run on that grid.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* The width of observer n's tensor: its `bits`, else --act-bits. */
static int obs_bits(const Node *n, const Options *o)
{
	int bits = (int)attr_int(n, "bits");
	if (!bits)
		bits = o->act_bits;
	return bits > 1 && bits < 32 ? bits : 8;
}

static QGrid act_grid(const Options *o, int bits)
{
	QGrid g = {0};
	g.qmin = -(int32_t)(1u << (bits - 1));
	g.qmax = (int32_t)(1u << (bits - 1)) - 1;
	g.symmetric = o->symmetric_acts || bits > 8;
	g.pow2 = o->pow2_scales;
	return g;
}

static Observation observation_of(const Node *n)
{
	Observation ob = {0};
	ob.min = attr_float(n, "min");
	ob.max = attr_float(n, "max");
	ob.count = attr_int(n, "count");
	ob.zeros = attr_int(n, "zeros");
	ob.hist_lo = attr_float(n, "hist_lo");
	ob.hist_hi = attr_float(n, "hist_hi");
	ob.hist = attr_ints(n, "hist", &ob.nbins);
	ob.row_len = (int)attr_int(n, "row_len");
	int nvals;
	ob.rows = attr_floats(n, "rows", &nvals);
	ob.nrows = ob.row_len > 0 ? nvals / ob.row_len : 0;
	return ob;
}

/* Clamps [lo, hi] to the activation [amin, amax] of a node. */
static void apply_act(double amin, double amax, double *lo, double *hi)
{
	*lo = fmin(fmax(*lo, amin), amax);
	*hi = fmin(fmax(*hi, amin), amax);
}

/* beta +- alpha*|gamma| of the conv2d/dense that produced v, through the
 * activations between; 0 if found, -1 if v has no BatchNorm statistics. */
static int bn_range(const Value *v, double alpha, double *lo, double *hi)
{
	double amin = -INFINITY, amax = INFINITY;
	const Node *n = v->kind == VAL_NODE ? v->def : NULL;
	for (; n; n = n->in[0]->kind == VAL_NODE ? n->in[0]->def : NULL) {
		double lo, hi;
		if (op_clamp(n, &lo, &hi)) {
			amin = fmax(amin, lo);
			amax = fmin(amax, hi);
		} else if (op_has(n->op, OPF_LAYER)) {
			break;
		} else {
			return -1;
		}
	}
	if (!n)
		return -1;
	int nb, ng;
	const double *beta = attr_floats(n, "bn_beta", &nb);
	const double *gamma = attr_floats(n, "bn_gamma", &ng);
	if (nb == 0 || nb != ng)
		return -1;
	range_bn(beta, gamma, nb, alpha, lo, hi);
	apply_act(attr_float(n, "act_min"), attr_float(n, "act_max"), lo, hi);
	apply_act(amin, amax, lo, hi);
	*lo = fmin(*lo, 0);
	*hi = fmax(*hi, 0);
	return 0;
}

/* Data-free bounds, per value id: known[id], lo[id], hi[id]. */
typedef struct {
	char *known;
	double *lo, *hi;
} Bounds;

static void bounds_free(Bounds *b)
{
	free(b->known);
	free(b->lo);
	free(b->hi);
}

static int free_bound(const Value *v, Bounds *b, const Options *o,
	double alpha);

/* [lo, hi] of every output of weighted layer n whose input lies in
 * [xlo, xhi] (padding adds zeros, which the range holds). */
static int layer_bound(const Node *n, double xlo, double xhi,
	const Options *o, double *lo, double *hi)
{
	const float *w = n->in[1]->data, *bias = n->nin > 2 && n->in[2] ?
		n->in[2]->data : NULL;
	WeightGrid wg;
	if (wgrid_init(&wg, n, w, o) < 0)
		return -1;
	double *top = calloc(wg.oc, sizeof *top), *bot = calloc(wg.oc,
		sizeof *bot);
	if (!top || !bot)
		abort();
	for (int64_t i = 0; i < wg.oc * wg.inner; i++) {
		int64_t c = wgrid_channel(&wg, i);
		top[c] += fmax(w[i] * xlo, w[i] * xhi);
		bot[c] += fmin(w[i] * xlo, w[i] * xhi);
	}
	*lo = INFINITY, *hi = -INFINITY;
	for (int64_t c = 0; c < wg.oc; c++) {
		*lo = fmin(*lo, bot[c] + (bias ? bias[c] : 0));
		*hi = fmax(*hi, top[c] + (bias ? bias[c] : 0));
	}
	apply_act(attr_float(n, "act_min"), attr_float(n, "act_max"), lo, hi);
	free(top);
	free(bot);
	wgrid_free(&wg);
	return 0;
}

/* The bound of v from the bounds of what computes it; 0, or -1 after
 * reporting an op that has none. */
static int derive_bound(const Value *v, Bounds *b, const Options *o,
	double alpha, double *lo, double *hi)
{
	if (v->kind == VAL_INPUT) {
		*lo = -alpha, *hi = alpha;   /* a standardized input */
		return 0;
	}
	if (v->kind == VAL_CONST && v->type.elem == DT_F32) {
		const float *d = v->data;
		*lo = INFINITY, *hi = -INFINITY;
		for (int64_t i = 0; i < type_numel(&v->type); i++)
			*lo = fmin(*lo, d[i]), *hi = fmax(*hi, d[i]);
		return 0;
	}
	if (v->kind != VAL_NODE) {
		diag_fail("no data-free range for '%s'; give calibration data "
			"(--calib FILE.npy)", v->name);
		return -1;
	}
	const Node *n = v->def;
	if (free_bound(n->in[0], b, o, alpha) < 0)
		return -1;
	LowerKind k = op_info(n->op)->lower;
	double xlo = b->lo[n->in[0]->id], xhi = b->hi[n->in[0]->id], clo, chi;
	*lo = xlo, *hi = xhi;
	if (op_has(n->op, OPF_SAME_Q) || op_has(n->op, OPF_VIEW) ||
	    k == LOWER_AVGPOOL || k == LOWER_GLOBAL_POOL)
		return 0;   /* moves, selects or averages values */
	if (op_clamp(n, &clo, &chi)) {
		apply_act(clo, chi, lo, hi);
		return 0;
	}
	if (op_has(n->op, OPF_LAYER) && fq_is_layer(n) &&
	    layer_bound(n, xlo, xhi, o, lo, hi) == 0)
		return 0;
	if (n->op == OP_ADD && free_bound(n->in[1], b, o, alpha) == 0) {
		*lo += b->lo[n->in[1]->id];
		*hi += b->hi[n->in[1]->id];
		apply_act(attr_float(n, "act_min"), attr_float(n, "act_max"), lo,
			hi);
		return 0;
	}
	diag_error(n->loc, "no data-free range for '%s' (%s): it has no "
		"BatchNorm statistics and %s has no bound; give calibration data "
		"(--calib FILE.npy)", v->name, op_info(n->op)->name,
		op_info(n->op)->name);
	return -1;
}

static int free_bound(const Value *v, Bounds *b, const Options *o,
	double alpha)
{
	double lo, hi;
	if (b->known[v->id])
		return 0;
	if (bn_range(v, alpha, &lo, &hi) < 0 &&
	    derive_bound(v, b, o, alpha, &lo, &hi) < 0)
		return -1;
	b->known[v->id] = 1;
	b->lo[v->id] = fmin(lo, 0);
	b->hi[v->id] = fmax(hi, 0);
	return 0;
}

/* The clipping range of observer n; 0, or -1 after reporting. */
static int estimate(const Node *n, const Guard *guard, const QGrid *grid,
	const Options *o, Bounds *b, double *lo, double *hi)
{
	const char *text = attr_str(n, "method");
	RangeMethod m;
	if (range_method_parse(text, &m) < 0) {
		diag_error(n->loc, "unknown range method '%s' (expected "
			RANGE_METHODS ")", text);
		return -1;
	}
	if (m.kind == RM_BN && bn_range(n->in[0], m.param, lo, hi) == 0) {
		if (o->verbose)
			fprintf(stderr, "range: %s %s [%g, %g] from BatchNorm\n",
				n->in[0]->name, text, *lo, *hi);
		return 0;
	}
	Observation ob = observation_of(n);
	if (ob.count == 0 && o->data_free) {
		if (free_bound(n->in[0], b, o, m.kind == RM_BN ? m.param : 6) < 0)
			return -1;
		*lo = b->lo[n->in[0]->id], *hi = b->hi[n->in[0]->id];
		if (o->verbose)
			fprintf(stderr, "range: %s %s [%g, %g] data-free\n",
				n->in[0]->name, text, *lo, *hi);
		return 0;
	}
	if (ob.count == 0 && guard->cond) {
		diag_error(n->loc, "'%s' is computed only when '%s' is %s (a branch "
			"of an If decided at run time) and no calibration sample took "
			"that branch; calibrate with samples that do", n->in[0]->name,
			guard->cond->name, guard->when ? "true" : "false");
		return -1;
	}
	if (ob.count == 0 || !(ob.min <= ob.max)) {
		diag_error(n->loc, "'%s' has no observations: run calibrate before "
			"range", n->in[0]->name);
		return -1;
	}
	switch (m.kind) {
	case RM_PERCENTILE:
		range_percentile(&ob, grid, m.param, lo, hi);
		break;
	case RM_MSE:
		range_mse(&ob, grid, lo, hi);
		break;
	case RM_KL:
		range_kl(&ob, grid, lo, hi);
		break;
	case RM_CE:
		range_ce(&ob, grid, lo, hi);
		break;
	case RM_BN:
		if (o->verbose)
			fprintf(stderr, "range: '%s' has no BatchNorm statistics, "
				"using minmax\n", n->in[0]->name);
		range_minmax(&ob, grid, lo, hi);
		break;
	case RM_MINMAX:
		range_minmax(&ob, grid, lo, hi);
		break;
	}
	if (o->verbose)
		fprintf(stderr, "range: %s %s [%g, %g] of [%g, %g]\n",
			n->in[0]->name, text, *lo, *hi, ob.min, ob.max);
	return 0;
}

/* Keeps observer n's grid at the other width (--ram-budget): the
 * estimator run again on that width's grid, so mse, percentile, kl and ce
 * clip for it, not for the width range chose. 0, or -1 after reporting. */
static int alt_grid(Graph *g, const Node *n, const Guard *guard,
	const Options *o, Bounds *b, int bits)
{
	QGrid grid = act_grid(o, bits);
	double lo, hi;
	if (estimate(n, guard, &grid, o, b, &lo, &hi) < 0)
		return -1;
	AltGrid *a = &g->alt[g->nalt++];
	a->name = n->in[0]->name;
	a->bits = bits;
	range_qparams(lo, hi, &grid, &a->scale, &a->zp);
	return 0;
}

static void set_q(Graph *g, Value *v, float scale, int32_t zp, int bits)
{
	QParams *q = &v->type.q;
	q->present = 1;
	q->axis = -1;
	q->n = 1;
	q->scale = arena_alloc(&g->arena, sizeof *q->scale);
	q->zp = arena_alloc(&g->arena, sizeof *q->zp);
	q->scale[0] = scale;
	q->zp[0] = zp;
	q->bits = bits;
}

/* Whether fold_bn left BatchNorm statistics on some layer. */
static int has_bn(const Graph *g)
{
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		int nb = 0;
		if (!n->dead && op_has(n->op, OPF_LAYER) && !op_has(n->op, OPF_INT))
			attr_floats(n, "bn_beta", &nb);
		if (nb > 0)
			return 1;
	}
	return 0;
}

int pass_range(Graph *g, const Options *o)
{
	if (o->data_free && !has_bn(g)) {
		diag_fail("--range bn without calibration data needs BatchNorm "
			"statistics, and '%s' has none: give --calib FILE.npy", g->name);
		return -1;
	}
	int nto = g->nvalues;
	Value **to = calloc(nto + 1, sizeof *to);  /* observer -> input */
	Bounds b = {calloc(nto + 1, 1), calloc(nto + 1, sizeof *b.lo),
		calloc(nto + 1, sizeof *b.hi)};
	Guard *guard = malloc((g->nnodes + 1) * sizeof *guard);
	if (!to || !guard || !b.known || !b.lo || !b.hi) {
		free(to);
		free(guard);
		bounds_free(&b);
		diag_fail("out of memory");
		return -1;
	}
	graph_guards(g, guard);
	g->alt = NULL;
	g->nalt = 0;
	if (o->ram_budget > 0)
		g->alt = arena_alloc(&g->arena, (g->nnodes + 1) * sizeof *g->alt);
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (n->dead || n->op != OP_OBSERVE)
			continue;
		double lo, hi;
		int bits = obs_bits(n, o);
		if (attr_int(n, "bits") && bits != 8 && bits != 16) {
			diag_error(n->loc, "observe '%s': bits must be 8 or 16, got %d",
				n->out->name, (int)attr_int(n, "bits"));
			free(to);
			free(guard);
			bounds_free(&b);
			return -1;
		}
		QGrid grid = act_grid(o, bits);
		if (estimate(n, &guard[k], &grid, o, &b, &lo, &hi) < 0) {
			free(to);
			free(guard);
			bounds_free(&b);
			return -1;
		}
		float scale;
		int32_t zp;
		range_qparams(lo, hi, &grid, &scale, &zp);
		Value *v = n->in[0];
		set_q(g, v, scale, zp, bits);
		if (g->alt && (bits == 8 || bits == 16) &&
		    alt_grid(g, n, &guard[k], o, &b, 24 - bits) < 0) {
			free(to);
			free(guard);
			bounds_free(&b);
			return -1;
		}
		/* what the quantized value can hold, for data-free bounds */
		b.known[v->id] = b.known[n->out->id] = 1;
		b.lo[v->id] = b.lo[n->out->id] = scale * (grid.qmin - zp);
		b.hi[v->id] = b.hi[n->out->id] = scale * (grid.qmax - zp);
		to[n->out->id] = v;
		node_kill(g, n);
	}
	graph_replace_uses_by(g, to, nto);
	free(to);
	bounds_free(&b);
	free(guard);
	graph_compact(g);

	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		Value *in = n->in[0], *out = n->out;
		if (op_has(n->op, OPF_SAME_Q) && in->type.q.present &&
		    out->type.elem == DT_F32 && !out->type.q.present)
			set_q(g, out, in->type.q.scale[0], in->type.q.zp[0],
				in->type.q.bits);
	}
	return 0;
}
