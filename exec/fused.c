/* fused.c - float conv2d, dense and add with a fused activation.
 *
 * The fuse pass moves a following relu/relu6/clip into the attributes
 * act_min/act_max of conv2d, dense and add. These wrappers (the kernels
 * ops.def names for the three ops) run the plain float kernel and then apply
 * the clamp min(max(y, act_min), act_max); with the default [-inf, inf] the
 * clamp is the identity, so unfused graphs compute exactly what they did.
 */
#include <math.h>

#include "batch.h"
#include "ir.h"

void eval_conv2d(const Node *n, const void *const *in, void *out);
void eval_dense(const Node *n, const void *const *in, void *out);
void eval_add(const Node *n, const void *const *in, void *out);

static void clamp_out(const Node *n, void *out)
{
	float lo = (float)attr_float(n, "act_min");
	float hi = (float)attr_float(n, "act_max");
	if (lo == -INFINITY && hi == INFINITY)
		return;
	/* fminf(fmaxf(y, lo), hi) as comparisons, which the compiler keeps
	 * inline: a NaN y gives lo, a NaN bound clamps nothing */
	lo = lo != lo ? -INFINITY : lo;
	hi = hi != hi ? INFINITY : hi;
	float *y = out;
	int64_t count = type_numel(&n->out->type);
	for (int64_t i = 0; i < count; i++) {
		float v = y[i] > lo ? y[i] : lo;
		y[i] = v < hi ? v : hi;
	}
}

void eval_conv2d_act(const Node *n, const void *const *in, void *out)
{
	eval_conv2d(n, in, out);
	clamp_out(n, out);
}

/* rc, a batched kernel's result: when 0, its outputs clamped */
static int clamp_batch(int rc, const Node *n, void *const *out, int nb)
{
	if (rc < 0)
		return -1;
	for (int i = 0; i < nb; i++)
		clamp_out(n, out[i]);
	return 0;
}

int eval_conv2d_act_batch(const Node *n, const ConvPrep *pk,
	const void *const *const *in, void *const *out, int nb)
{
	return clamp_batch(eval_conv2d_batch(n, pk, in, out, nb), n, out, nb);
}

int eval_dense_act_batch(const Node *n, const void *const *const *in,
	void *const *out, int nb)
{
	return clamp_batch(eval_dense_batch(n, in, out, nb), n, out, nb);
}

void eval_dense_act(const Node *n, const void *const *in, void *out)
{
	eval_dense(n, in, out);
	clamp_out(n, out);
}

void eval_add_act(const Node *n, const void *const *in, void *out)
{
	eval_add(n, in, out);
	clamp_out(n, out);
}
