/* fuse.c - fuses an activation into the conv2d, dense or add before it.
 *
 * requires: a relu, relu6 or clip whose input is the output of a conv2d,
 *   dense or add that feeds nothing else (and is not a graph output).
 * guarantees: the activation node is gone; the producer carries it as the
 *   clamp act_min/act_max (relu [0, inf], relu6 [0, 6], clip [min, max]),
 *   intersected with a clamp it already had; its output takes the
 *   activation's uses and its q(...), if it had one (a QDQ model's
 *   Conv -> Relu -> QuantizeLinear). A clamp whose intersection would be
 *   empty is left alone, as is every other pattern. Quantization then
 *   needs one q(...) for the pair, and the integer kernels apply the clamp
 *   for free.
 * maths: clamp(clamp(y, a, b), c, d) = clamp(y, max(a, c), min(b, d)) when
 *   the intervals overlap.
 * flatten and reshape need no rewrite: they are views whose output keeps
 * its input's q (see quantize).
 */
#include <math.h>

#include "ir.h"

/* The float interval an activation clamps to; 0 if n is none. */
static int act_bounds(const Node *n, double *lo, double *hi)
{
	return op_clamp(n, lo, hi) && !isnan(*lo) && !isnan(*hi) && *lo <= *hi;
}

static Node *fusable_producer(const Node *act)
{
	const Value *y = act->in[0];
	if (y->kind != VAL_NODE || y->nuse != 1 || y->is_output ||
	    y->type.q.present)
		return NULL;
	Node *p = y->def;
	if (p->dead || !op_has(p->op, OPF_FUSE_CLAMP))
		return NULL;
	return p;
}

int pass_fuse(Graph *g, const Options *o)
{
	(void)o;
	for (int i = 0; i < g->nnodes; i++) {
		Node *n = g->nodes[i];
		double lo, hi;
		if (n->dead || !act_bounds(n, &lo, &hi))
			continue;
		Node *p = fusable_producer(n);
		if (!p)
			continue;
		double plo = attr_float(p, "act_min"), phi = attr_float(p, "act_max");
		lo = fmax(lo, plo);
		hi = fmin(hi, phi);
		if (lo > hi)
			continue;
		if (lo != plo)
			attr_set_float(g, p, "act_min", lo);
		if (hi != phi)
			attr_set_float(g, p, "act_max", hi);
		/* the activation's q (a QDQ model's pair after it) is the pair's */
		p->out->type.q = n->out->type.q;
		graph_take_over(g, n, p);
	}
	graph_compact(g);
	return 0;
}
