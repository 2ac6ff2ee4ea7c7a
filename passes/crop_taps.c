/* crop_taps.c - crops a conv2d's kernel to the taps that touch the input.
 *
 * requires: a conv2d with f32 constant weights (no q(...)) whose input
 *   shape is known; shapes are static, so for every kernel row kh the
 *   input rows oh * sh - pt + kh * dh it reads over all output rows oh
 *   are known (columns alike).
 * guarantees: a kernel row (column) that reads only padding at every
 *   output position is dropped when it lies at the kernel's edge: the
 *   kernel becomes the box of live rows and columns (new constant
 *   `W_crop`), the pads shrink so that every remaining tap reads the same
 *   input position as before, and the output shape is unchanged. Nothing
 *   else changes. A 3x3 pad-1 conv on a 1x1 map keeps its centre tap; a
 *   stride-2 3x3 from 2x2 to 1x1 keeps its bottom-right 2x2. Dead rows
 *   inside the box (possible with dilation) stay.
 * maths: padding contributes 0 to the sum (the float model's zero padding,
 *   and zx in the integer contract, docs/arith.md), so the dropped taps'
 *   products are all 0: the function is unchanged (float sums in another
 *   order: within rounding). Their weights leave the model, and quantize
 *   sees only the live taps' ranges.
 */
#include <string.h>

#include "ir.h"

/* The first and last kernel index along one axis whose tap reads an input
 * position inside [0, size) for some output position; *lo > *hi when
 * none does. */
static void live_taps(int64_t size, int64_t out, int64_t stride,
	int64_t pad, int64_t k, int64_t dil, int64_t *lo, int64_t *hi)
{
	*lo = k;
	*hi = -1;
	for (int64_t t = 0; t < k; t++)
		for (int64_t o = 0; o < out; o++) {
			int64_t i = o * stride - pad + t * dil;
			if (i >= 0 && i < size) {
				if (t < *lo)
					*lo = t;
				*hi = t;
				break;
			}
		}
}

/* One axis's box of live taps [*lo, *hi] and its pads np: cropped when
 * some edge tap is dead, the box is not empty and the pads stay >= 0;
 * else the whole kernel and the pads as they were. 1 if cropped. */
static int crop_axis(int64_t size, int64_t out, int64_t stride, int64_t pb,
	int64_t pe, int64_t k, int64_t dil, int64_t *lo, int64_t *hi,
	int64_t np[2])
{
	live_taps(size, out, stride, pb, k, dil, lo, hi);
	int64_t ext = (*hi - *lo) * dil + 1;
	np[0] = pb - *lo * dil;
	/* the fewest end pads that keep `out` outputs */
	np[1] = (out - 1) * stride + ext - size - np[0];
	if (np[1] < 0)
		np[1] = 0;
	if (*lo <= *hi && (*lo > 0 || *hi < k - 1) && np[0] >= 0 &&
		(size + np[0] + np[1] - ext) / stride + 1 == out)
		return 1;
	*lo = 0;
	*hi = k - 1;
	np[0] = pb;
	np[1] = pe;
	return 0;
}

static void crop(Graph *g, Node *n)
{
	const Value *x = n->in[0], *w = n->in[1];
	const int64_t *st = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int64_t KH = w->type.dims[2], KW = w->type.dims[3];
	int64_t OH = n->out->type.dims[2], OW = n->out->type.dims[3];
	int64_t h0, h1, w0, w1, ph[2], pw[2];
	int ch = crop_axis(x->type.dims[2], OH, st[0], pad[0], pad[2], KH, dil[0],
		&h0, &h1, ph);
	int cw = crop_axis(x->type.dims[3], OW, st[1], pad[1], pad[3], KW, dil[1],
		&w0, &w1, pw);
	if (!ch && !cw)
		return;
	Type t = w->type;
	t.dims[2] = h1 - h0 + 1;
	t.dims[3] = w1 - w0 + 1;
	char name[256];
	snprintf(name, sizeof name, "%s_crop", w->name);
	Value *wc = graph_add_const(g, graph_fresh_name(g, name), &t,
		graph_alloc_data(g, &t), n->loc);
	const float *src = w->data;
	float *dst = wc->data;
	int64_t planes = t.dims[0] * t.dims[1];
	for (int64_t p = 0; p < planes; p++)
		for (int64_t r = h0; r <= h1; r++)
			memcpy(dst + (p * t.dims[2] + r - h0) * t.dims[3],
				src + (p * KH + r) * KW + w0, t.dims[3] * sizeof *dst);
	int64_t np[4] = {ph[0], pw[0], ph[1], pw[1]};
	attr_set_ints(g, n, "pad", np, 4);
	node_set_input(n, 1, wc);
}

int pass_crop_taps(Graph *g, const Options *o)
{
	(void)o;
	for (int i = 0; i < g->nnodes; i++) {
		Node *n = g->nodes[i];
		const Value *w = n->nin > 1 ? n->in[1] : NULL;
		if (n->dead || n->op != OP_CONV2D || w->kind != VAL_CONST ||
			!w->data || w->type.elem != DT_F32 || w->type.q.present ||
			w->type.rank != 4 || n->in[0]->type.rank != 4 ||
			n->in[0]->type.dims[2] <= 0 || n->in[0]->type.dims[3] <= 0)
			continue;
		crop(g, n);
	}
	graph_compact(g);
	return 0;
}
