/* quantize_geo.c - pass quantize's rule for gather (LOWER_GATHER); the
 * other geometry ops keep their input's q (LOWER_SAME_Q).
 *
 * gather(table, ids): the table is an activation (its integer version) or
 * a constant, quantized per tensor onto min-max (an embedding table); the
 * output takes the table's q, and the ids, integers already, stay as they
 * are. Nothing is computed, so the lowered gather is exact on the table's
 * grid.
 */
#include "quantize.h"

int quant_lower_gather(QuantCtx *c, Node *n)
{
	Value *x = n->in[0];
	if (!x->aux && !x->type.q.present && x->kind != VAL_CONST)
		return 1;
	Value *xq = quant_int_of(c, x);
	if (!xq)
		return -1;
	Type yt = n->out->type;
	yt.elem = xq->type.elem;
	yt.q = xq->type.q;
	Value *in[2] = {xq, n->in[1]};
	Node *qn = quant_emit_qop(c, n, in, 2, &yt);
	return qn ? quant_lowered(c, n, qn) : -1;
}
