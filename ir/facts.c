/* facts.c - facts about ops and integer layers that passes prove and the
 * verifier checks, each computed here once: the clamp of an activation and
 * the accumulator bound of a qconv2d/qdense channel (docs/arith.md), and
 * the weight width of a layer. */
#include <math.h>
#include <stdlib.h>

#include "ir.h"

int op_clamp(const Node *n, double *lo, double *hi)
{
	switch (n->op) {
	case OP_RELU:
		*lo = 0, *hi = INFINITY;
		return 1;
	case OP_RELU6:
		*lo = 0, *hi = 6;
		return 1;
	case OP_CLIP:
		*lo = attr_float(n, "min"), *hi = attr_float(n, "max");
		return 1;
	default:
		return 0;
	}
}

int64_t q_acc_bound(const Type *x, const int32_t *w, int64_t k,
	int32_t bias)
{
	int64_t zx = x->q.present ? x->q.zp[0] : 0;
	int64_t span = (int64_t)type_qmax(x) - zx;
	if (zx - (int64_t)type_qmin(x) > span)
		span = zx - (int64_t)type_qmin(x);
	const int64_t cap = (int64_t)1 << 62;  /* far past 2^31: saturates */
	int64_t bound = bias < 0 ? -(int64_t)bias : bias;
	for (int64_t i = 0; i < k; i++) {
		int64_t a = w[i] < 0 ? -(int64_t)w[i] : w[i];
		if (a && span > (cap - bound) / a)
			return cap;
		bound += span * a;
	}
	return bound;
}

int64_t q_groups(const Node *n, int64_t K)
{
	int64_t G = op_attr_index(n->op, "wgroup") < 0 ? 0 :
		attr_int(n, "wgroup");
	return G > 0 ? (K + G - 1) / G : 0;
}

int32_t *q_group_weights(const Node *n, const int32_t *w, int64_t M,
	int64_t K)
{
	int64_t ng = q_groups(n, K);
	if (!ng)
		return NULL;
	int64_t G = attr_int(n, "wgroup");
	const int64_t *r = attr_ints(n, "wgmult", NULL);
	int32_t *out = malloc((size_t)(M * K + 1) * sizeof *out);
	if (!out)
		abort();
	for (int64_t m = 0; m < M; m++)
		for (int64_t k = 0; k < K; k++)
			out[m * K + k] = w[m * K + k] * (int32_t)r[m * ng + k / G];
	return out;
}

int64_t layer_weight_bits(const Node *n, int global)
{
	int64_t bits = attr_int(n, "weight_bits");
	return bits ? bits : global;
}
