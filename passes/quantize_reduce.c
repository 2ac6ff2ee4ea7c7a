/* quantize_reduce.c - the lowering rule of the reductions: qreduce, an
 * int32 accumulation of x - zx over the reduced elements and one
 * requantization (docs/arith.md, "qreduce"). l2 stays float (it needs a
 * square root of the accumulator). */
#include "quantize.h"

int lower_reduce(QuantCtx *c, Node *n)
{
	int fn = reduce_fn(n);
	if (fn == REDUCE_L2)
		return 1;
	int r;
	Node *qn = quant_unary_qop(c, n, &r);
	if (!qn)
		return r;
	double sx = qn->in[0]->type.q.scale[0], sy = qn->out->type.q.scale[0];
	double count = (double)(type_numel(&qn->in[0]->type) /
		type_numel(&qn->out->type));
	double m = fn == REDUCE_MEAN ? sx / (sy * count) :
		fn == REDUCE_SUM_SQUARE ? sx * sx / sy : sx / sy;
	int64_t mult, shift;
	if (quant_mult(m, &mult, &shift) < 0) {
		diag_error(n->loc, "reduce '%s': requantization multiplier %g is "
			"too large (at most 2^31)", n->out->name, m);
		return -1;
	}
	attr_set_ints(c->g, qn, "mult", &mult, 1);
	attr_set_ints(c->g, qn, "shift", &shift, 1);
	return quant_lowered(c, n, qn);
}
