/* quantize_pad.c - the lowering rules of pad (the input's q kept, the
 * constant mapped onto its grid) and of a batchnorm left standalone
 * (qaffine: one signed multiplier and one offset per channel).
 * docs/arith.md, "pad" and "qaffine". */
#include <math.h>

#include "quantize.h"

/* pad: the integer pad with the input's q; the constant's code is the
 * value rounded onto that grid and clamped to its range (0 is the zero
 * point exactly). */
int quant_lower_pad(QuantCtx *c, Node *n)
{
	int r = quant_same_q(c, n);
	if (r)
		return r;
	Value *q = n->out->aux;
	double code = (double)quant_code(&q->type, attr_float(n, "value"));
	attr_set_float(c->g, q->def, "value", code);
	return 0;
}

#define AFFINE_BIAS_MAX ((double)((int64_t)1 << 60))

/* Channel c's real y = a x + b, a = scale / sqrt(var + eps) and b = bias
 * - mean a (as eval_batchnorm), on the grids of x and y: mult/shift for
 * a s_x / s_y (the sign on mult) and bias = b / s_y 2^shift. An offset
 * above 2^60 first gives up bits of the shift; at shift 0 it is clamped,
 * which saturates the output as the exact value would. -1 after
 * reporting a multiplier of 2^31 or more. */
static int affine_channel(const Node *n, int64_t c, double sx, double sy,
	int64_t *mult, int64_t *shift, int64_t *bias)
{
	const float *scale = n->in[1]->data, *beta = n->in[2]->data,
		*mean = n->in[3]->data, *var = n->in[4]->data;
	double a = scale[c] / sqrt((double)var[c] + attr_float(n, "epsilon"));
	double b = beta[c] - mean[c] * a, m = fabs(a) * sx / sy, off = b / sy;
	if (quant_mult(m, mult, shift) < 0) {
		diag_error(n->loc, "batchnorm '%s': channel %lld needs a multiplier "
			"of %g (at most 2^31)", n->out->name, (long long)c, m);
		return -1;
	}
	while (*shift > 0 && fabs(ldexp(off, (int)*shift)) > AFFINE_BIAS_MAX) {
		--*shift;
		*mult = quant_round_away(ldexp(m, (int)*shift));
	}
	double bq = fmax(fmin(ldexp(off, (int)*shift), AFFINE_BIAS_MAX),
		-AFFINE_BIAS_MAX);
	*bias = quant_round_away(bq);
	if (a < 0)
		*mult = -*mult;
	return 0;
}

/* A batchnorm whose scale, bias, mean and variance are constants. */
int quant_lower_affine(QuantCtx *c, Node *n)
{
	for (int i = 1; i < 5; i++)
		if (n->in[i]->kind != VAL_CONST)
			return 1;
	int r;
	Node *qn = quant_unary_qop(c, n, &r);
	if (!qn)
		return r;
	double sx = qn->in[0]->type.q.scale[0], sy = qn->out->type.q.scale[0];
	int64_t channels = qn->out->type.dims[1];
	int64_t *mult = arena_alloc(&c->g->arena, 3 * channels * sizeof *mult);
	int64_t *shift = mult + channels, *bias = shift + channels;
	for (int64_t ch = 0; ch < channels; ch++)
		if (affine_channel(n, ch, sx, sy, &mult[ch], &shift[ch],
				&bias[ch]) < 0)
			return -1;
	attr_set_ints(c->g, qn, "mult", mult, (int)channels);
	attr_set_ints(c->g, qn, "shift", shift, (int)channels);
	attr_set_ints(c->g, qn, "bias", bias, (int)channels);
	return quant_lowered(c, n, qn);
}
