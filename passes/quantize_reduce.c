/* quantize_reduce.c - the lowering rule of the reductions: qreduce, an
 * int32 accumulation of x - zx over the reduced elements and one
 * requantization (docs/arith.md, "qreduce"). l2 stays float (it needs a
 * square root of the accumulator). */
#include <math.h>

#include "quantize.h"

int quant_lower_reduce(QuantCtx *c, Node *n)
{
	int fn = reduce_fn(n);
	if (fn == REDUCE_L2)
		return 1;
	int r;
	const char *name = n->out->name;  /* before quant_unary_qop renames it */
	Node *qn = quant_unary_qop(c, n, &r);
	if (!qn)
		return r;
	const Type *xt = &qn->in[0]->type;
	double sx = xt->q.scale[0], sy = qn->out->type.q.scale[0];
	int64_t n_in = type_numel(xt) / type_numel(&qn->out->type);
	double count = (double)n_in;
	int64_t zx = xt->q.zp[0], dev = type_qmax(xt) - zx;
	if (zx - type_qmin(xt) > dev)
		dev = zx - type_qmin(xt);
	/* sum_square: each square rounded right by pre bits, the fewest
	 * that keep the sum in int32 (0 for 8-bit inputs up to 33,025
	 * elements) */
	int64_t pre = 0;
	while (fn == REDUCE_SUM_SQUARE && pre < 30 &&
	       n_in * reduce_square(dev, pre) >= (int64_t)1 << 31)
		pre++;
	int64_t bound = fn == REDUCE_MAX || fn == REDUCE_MIN ? dev :
		fn == REDUCE_SUM_SQUARE ? n_in * reduce_square(dev, pre) :
		n_in * dev;
	if (bound >= (int64_t)1 << 31) {
		diag_error(n->loc, "reduce '%s' (fn %s) over %lld elements of a "
			"%d-bit input could reach %lld in its int32 accumulator; it "
			"needs 8-bit activations (--act-bits 8) or fewer elements a "
			"reduction", name, attr_str(n, "fn"), (long long)n_in,
			xt->elem == DT_I16 ? 16 : 8, (long long)bound);
		return -1;
	}
	double m = fn == REDUCE_MEAN ? sx / (sy * count) :
		fn == REDUCE_SUM_SQUARE ? ldexp(sx * sx / sy, (int)pre) : sx / sy;
	int64_t mult, shift;
	if (quant_mult(m, &mult, &shift) < 0) {
		diag_error(n->loc, "reduce '%s': requantization multiplier %g is "
			"too large (at most 2^31)", n->out->name, m);
		return -1;
	}
	attr_set_ints(c->g, qn, "mult", &mult, 1);
	attr_set_ints(c->g, qn, "shift", &shift, 1);
	if (pre)
		attr_set_int(c->g, qn, "pre", pre);
	return quant_lowered(c, n, qn);
}
