/* reduce.c - the reductions over axes, float (reduce, in double, rounded
 * once to float) and integer (qreduce), and the per-channel affine
 * qaffine (a standalone batchnorm); the integer kernels follow
 * docs/arith.md. */
#include <math.h>
#include <stdlib.h>

#include "ir.h"
#include "qarith.h"

/* For each element of x in order, the index of the output element it
 * reduces into: an odometer over x's dims whose output offset steps by
 * the output stride of a kept axis and by 0 along a reduced one. */
typedef struct {
	int rank;
	int64_t dims[QCC_MAX_RANK], ostride[QCC_MAX_RANK], idx[QCC_MAX_RANK];
	int64_t off;
} ReduceWalk;

static void walk_init(ReduceWalk *w, const Node *n)
{
	const Type *x = &n->in[0]->type;
	unsigned char red[QCC_MAX_RANK];
	reduce_mask(n, x, red);
	w->rank = x->rank;
	int64_t s = 1;
	for (int d = x->rank - 1; d >= 0; d--) {
		w->dims[d] = x->dims[d];
		w->ostride[d] = red[d] ? 0 : s;
		w->idx[d] = 0;
		if (!red[d])
			s *= x->dims[d];
	}
	w->off = 0;
}

static void walk_next(ReduceWalk *w)
{
	for (int d = w->rank - 1; d >= 0; d--) {
		w->off += w->ostride[d];
		if (++w->idx[d] < w->dims[d])
			return;
		w->off -= w->ostride[d] * w->dims[d];
		w->idx[d] = 0;
	}
}

/* The accumulators (one of elem bytes per output element) and their
 * first-seen flags, both to free, and the walk started. */
static void *reduce_begin(const Node *n, size_t elem, unsigned char **seen,
	ReduceWalk *w)
{
	int64_t ny = type_numel(&n->out->type);
	void *acc = malloc(ny * elem);
	*seen = calloc(ny, 1);
	if (!acc || !*seen)
		abort();
	walk_init(w, n);
	return acc;
}

/* The number of elements reduced into each output element. */
static int64_t reduce_count(const Node *n)
{
	return type_numel(&n->in[0]->type) / type_numel(&n->out->type);
}

void eval_reduce(const Node *n, const void *const *in, void *out)
{
	const float *x = in[0];
	float *y = out;
	int fn = reduce_fn(n);
	int64_t total = type_numel(&n->in[0]->type), ny = type_numel(&n->out->type);
	unsigned char *seen;
	ReduceWalk w;
	double *acc = reduce_begin(n, sizeof *acc, &seen, &w);
	for (int64_t k = 0; k < total; k++, walk_next(&w)) {
		double v = x[k], *a = &acc[w.off];
		if (!seen[w.off]) {
			seen[w.off] = 1;
			*a = fn == REDUCE_SUM_SQUARE || fn == REDUCE_L2 ? v * v :
				fn == REDUCE_L1 ? fabs(v) : v;
			continue;
		}
		if (fn == REDUCE_MAX)
			*a = v > *a || isnan(v) ? v : *a;
		else if (fn == REDUCE_MIN)
			*a = v < *a || isnan(v) ? v : *a;
		else if (fn == REDUCE_SUM_SQUARE || fn == REDUCE_L2)
			*a += v * v;
		else if (fn == REDUCE_L1)
			*a += fabs(v);
		else
			*a += v;
	}
	double count = (double)reduce_count(n);
	for (int64_t i = 0; i < ny; i++)
		y[i] = (float)(fn == REDUCE_MEAN ? acc[i] / count :
			fn == REDUCE_L2 ? sqrt(acc[i]) : acc[i]);
	free(acc);
	free(seen);
}

/* acc = the fn of u = x - zx over the reduced elements (sum and mean:
 * the sum of u, sum_square of R(u^2, pre), l1 of |u|, max and min the extreme
 * u), then y = clamp(zy + R(acc * mult, shift)). */
void eval_qreduce(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	int fn = reduce_fn(n);
	const Type *yt = &n->out->type;
	int64_t total = type_numel(&n->in[0]->type), ny = type_numel(yt);
	int64_t zx = zp_of(n->in[0]);
	unsigned char *seen;
	ReduceWalk w;
	int64_t *acc = reduce_begin(n, sizeof *acc, &seen, &w);
	for (int64_t k = 0; k < total; k++, walk_next(&w)) {
		int64_t u = (int64_t)x[k] - zx, *a = &acc[w.off];
		if (fn == REDUCE_SUM_SQUARE)
			u = reduce_square(u, attr_int(n, "pre"));
		else if (fn == REDUCE_L1 && u < 0)
			u = -u;
		if (!seen[w.off])
			*a = u, seen[w.off] = 1;
		else if (fn == REDUCE_MAX)
			*a = u > *a ? u : *a;
		else if (fn == REDUCE_MIN)
			*a = u < *a ? u : *a;
		else
			*a += u;
	}
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	for (int64_t i = 0; i < ny; i++)
		y[i] = requant(acc[i], mult, shift, zp_of(n->out), type_qmin(yt),
			type_qmax(yt));
	free(acc);
	free(seen);
}

/* y = clamp(zy + R((x - zx) * mult[c] + bias[c], shift[c])), c the index
 * on axis 1. */
void eval_qaffine(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0];
	int32_t *y = out;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	const int64_t *bias = attr_ints(n, "bias", NULL);
	int64_t zx = zp_of(n->in[0]), lo = type_qmin(yt), hi = type_qmax(yt);
	int32_t zy = zp_of(n->out);
	int64_t outer, channels, inner;
	type_split_axis(yt, 1, &outer, &channels, &inner);
	for (int64_t o = 0; o < outer; o++)
		for (int64_t c = 0; c < channels; c++)
			for (int64_t j = 0; j < inner; j++) {
				int64_t k = (o * channels + c) * inner + j;
				y[k] = clamp64(zy + rshift_round((x[k] - zx) * mult[c] +
					bias[c], shift[c]), lo, hi);
			}
}
