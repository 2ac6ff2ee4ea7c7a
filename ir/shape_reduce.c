/* shape_reduce.c - shape inference of the reductions (reduce, qreduce)
 * and of qaffine, and the reduced-axes mask the kernels and the C
 * emitter share. */
#include <string.h>

#include "ir.h"

static const char *const reduce_fns[] = {
	"sum", "mean", "max", "min", "sum_square", "l1", "l2",
};

int reduce_fn(const Node *n)
{
	const char *fn = attr_str(n, "fn");
	for (int i = 0; fn && i < (int)(sizeof reduce_fns / sizeof *reduce_fns);
	     i++)
		if (!strcmp(fn, reduce_fns[i]))
			return i;
	return -1;
}

int reduce_mask(const Node *n, const Type *x, unsigned char *red)
{
	int len;
	const int64_t *axes = attr_ints(n, "axes", &len);
	memset(red, len == 0, QCC_MAX_RANK);
	int count = len == 0 ? x->rank : 0;
	for (int i = 0; i < len; i++) {
		int64_t a = axes[i] < 0 ? axes[i] + x->rank : axes[i];
		if (a < 0 || a >= x->rank)
			return shape_err(n, "axis %lld is out of range for %s",
				(long long)axes[i], shape_tstr(x));
		if (red[a])
			return shape_err(n, "axis %lld is listed twice",
				(long long)axes[i]);
		red[a] = 1;
		count++;
	}
	return count;
}

int64_t reduce_square(int64_t u, int64_t pre)
{
	int64_t p = u * u;
	return pre ? (p + ((int64_t)1 << (pre - 1))) >> pre : p;
}

/* The output dims of a reduction of x: reduced axes kept as 1
 * (keepdims) or dropped; *rank set. */
static void reduced_dims(const Node *n, const Type *x,
	const unsigned char *red, int64_t *dims, int *rank)
{
	int keep = attr_int(n, "keepdims") != 0;
	*rank = 0;
	for (int d = 0; d < x->rank; d++)
		if (!red[d])
			dims[(*rank)++] = x->dims[d];
		else if (keep)
			dims[(*rank)++] = 1;
}

/* The shape checks both reductions share; -1 after reporting. */
static int reduce_shape(Node *n, int integer, int elem)
{
	if (shape_check_inputs(n) < 0)
		return -1;
	int fn = reduce_fn(n);
	if (fn < 0 || (integer && fn == REDUCE_L2))
		return shape_err(n, "fn must be sum, mean, max, min, sum_square%s, "
			"got '%s'", integer ? " or l1" : ", l1 or l2", attr_str(n, "fn"));
	const Type *x = shape_in(n, 0);
	unsigned char red[QCC_MAX_RANK];
	if (reduce_mask(n, x, red) < 0)
		return -1;
	int64_t dims[QCC_MAX_RANK];
	int rank;
	reduced_dims(n, x, red, dims, &rank);
	return shape_set_out(n, elem, rank, dims);
}

int shape_reduce(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0 || shape_need_f32(n) < 0)
		return -1;
	return reduce_shape(n, 0, DT_F32);
}

int shape_qreduce(Graph *g, Node *n)
{
	(void)g;
	if (reduce_shape(n, 1, -1) < 0 || shape_qact_out(n, 1, 0) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	unsigned char red[QCC_MAX_RANK];
	reduce_mask(n, x, red);
	int64_t zx = x->q.zp[0], dev = type_qmax(x) - zx, count = 1;
	if (zx - type_qmin(x) > dev)
		dev = zx - type_qmin(x);
	for (int d = 0; d < x->rank; d++)
		if (red[d])
			count *= x->dims[d];
	int fn = reduce_fn(n);
	int64_t pre = attr_int(n, "pre");
	if (pre < 0 || pre > 30 || (pre && fn != REDUCE_SUM_SQUARE))
		return shape_err(n, "pre must be 0, or 1 to 30 for sum_square, got "
			"%lld", (long long)pre);
	int64_t bound = fn == REDUCE_MAX || fn == REDUCE_MIN ? dev :
		fn == REDUCE_SUM_SQUARE ? count * reduce_square(dev, pre) :
		count * dev;
	if (bound >= (int64_t)1 << 31)
		return shape_err(n, "the int32 accumulator could reach %lld over %lld "
			"elements of %s (at most 2^31 - 1)", (long long)bound,
			(long long)count, shape_tstr(x));
	return 0;
}

int shape_qaffine(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	if (x->rank < 2)
		return shape_err(n, "input must have rank >= 2 [N,C,...], got %s",
			shape_tstr(x));
	if (shape_set_out(n, -1, x->rank, x->dims) < 0 ||
	    shape_qact_out(n, (int)x->dims[1], 1) < 0)
		return -1;
	int nb;
	const int64_t *b = attr_ints(n, "bias", &nb);
	if (nb != x->dims[1])
		return shape_err(n, "bias must have %lld entries (one per channel), "
			"got %d", (long long)x->dims[1], nb);
	for (int c = 0; c < nb; c++)
		if (b[c] > ((int64_t)1 << 60) || b[c] < -((int64_t)1 << 60))
			return shape_err(n, "bias entry %lld is out of range (expected "
				"|bias| <= 2^60)", (long long)b[c]);
	return 0;
}
