/* geo.c - kernels of the geometry ops: resize, dilate, slice, gather,
 * expand. One kernel serves float and integer tensors: all but resize
 * linear only move 4-byte elements; resize linear interpolates in double
 * for f32 and by docs/arith.md ("resize") for integers. Zeros that dilate
 * inserts and the entries gather gives for ids out of range are real 0:
 * the zero point of an integer tensor. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "qarith.h"

typedef uint32_t Elem;  /* any 4-byte element */

static void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		abort();
	return p;
}

/* Row-major strides of t. */
static void strides(const Type *t, int64_t *st)
{
	int64_t s = 1;
	for (int i = t->rank - 1; i >= 0; i--) {
		st[i] = s;
		s *= t->dims[i];
	}
}

/* The element standing for real 0 in v's storage. */
static Elem zero_elem(const Value *v)
{
	Elem e = 0;
	if (v->type.elem != DT_F32) {
		int32_t z = zp_of(v);
		memcpy(&e, &z, sizeof e);
	}
	return e;
}

/* Steps idx (row-major over dims, rank r) to the next index. */
static void next_index(int64_t *idx, const int64_t *dims, int r)
{
	for (int d = r - 1; d >= 0; d--) {
		if (++idx[d] < dims[d])
			return;
		idx[d] = 0;
	}
}

/* Per axis d of the output, the input offset of each index (off[d], -1
 * for real 0); off is malloc'ed per axis, freed by copy_by_axes. */
typedef int64_t *AxisOffsets[QCC_MAX_RANK];

static void alloc_offsets(const Type *yt, AxisOffsets off)
{
	for (int d = 0; d < yt->rank; d++)
		off[d] = xmalloc(yt->dims[d] * sizeof *off[d]);
}

/* y[i0, i1, ...] = x[off[0][i0] + off[1][i1] + ...], or zero where an
 * offset is -1; then frees off. */
static void copy_by_axes(const Type *yt, AxisOffsets off, const Elem *x,
	Elem *y, Elem zero)
{
	int64_t idx[QCC_MAX_RANK] = {0}, total = type_numel(yt);
	for (int64_t k = 0; k < total; k++) {
		int64_t at = 0;
		for (int d = 0; d < yt->rank && at >= 0; d++)
			at = off[d][idx[d]] < 0 ? -1 : at + off[d][idx[d]];
		y[k] = at < 0 ? zero : x[at];
		next_index(idx, yt->dims, yt->rank);
	}
	for (int d = 0; d < yt->rank; d++)
		free(off[d]);
}

/* ---------------------------------------------------------------- resize */

static ResizeTap **all_taps(const Node *n)
{
	const Type *yt = &n->out->type;
	ResizeTap **taps = xmalloc(yt->rank * sizeof *taps);
	for (int a = 0; a < yt->rank; a++) {
		taps[a] = xmalloc(yt->dims[a] * sizeof **taps);
		resize_taps(n, a, taps[a]);
	}
	return taps;
}

static void free_taps(const Node *n, ResizeTap **taps)
{
	for (int a = 0; a < n->out->type.rank; a++)
		free(taps[a]);
	free(taps);
}

static void resize_nearest(const Node *n, ResizeTap **taps, const Elem *x,
	Elem *y)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t xs[QCC_MAX_RANK];
	AxisOffsets off;
	strides(xt, xs);
	alloc_offsets(yt, off);
	for (int d = 0; d < yt->rank; d++)
		for (int64_t o = 0; o < yt->dims[d]; o++)
			off[d][o] = taps[d][o].i0 * xs[d];
	copy_by_axes(yt, off, x, y, 0);
}

/* Linear over the last two axes (h, w; h absent for rank 1): the outer
 * axes map to themselves. */
static void resize_linear(const Node *n, ResizeTap **taps, const void *xv,
	void *yv)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int r = yt->rank;
	static const ResizeTap one = {0, 0, 0, 0};
	int64_t W = xt->dims[r - 1], H = r > 1 ? xt->dims[r - 2] : 1;
	int64_t OW = yt->dims[r - 1], OH = r > 1 ? yt->dims[r - 2] : 1;
	int64_t planes = type_numel(yt) / (OH * OW);
	int is_float = xt->elem == DT_F32;
	int32_t zx = zp_of(n->in[0]);
	for (int64_t p = 0; p < planes; p++)
		for (int64_t oh = 0; oh < OH; oh++)
			for (int64_t ow = 0; ow < OW; ow++) {
				const ResizeTap *ty = r > 1 ? &taps[r - 2][oh] : &one;
				const ResizeTap *tx = &taps[r - 1][ow];
				int64_t r0 = (p * H + ty->i0) * W, r1 = (p * H + ty->i1) * W;
				int64_t at[4] = {r0 + tx->i0, r0 + tx->i1, r1 + tx->i0,
					r1 + tx->i1};
				int64_t k = (p * OH + oh) * OW + ow;
				if (is_float) {
					const float *x = xv;
					double wy[2] = {1 - ty->f, ty->f}, wx[2] = {1 - tx->f,
						tx->f};
					double s = 0;
					for (int c = 0; c < 4; c++)
						s += wy[c >> 1] * wx[c & 1] * x[at[c]];
					((float *)yv)[k] = (float)s;
				} else {
					const int32_t *x = xv;
					int64_t one_w = 1 << RESIZE_FRAC;
					int64_t wy[2] = {one_w - ty->w1, ty->w1};
					int64_t wx[2] = {one_w - tx->w1, tx->w1};
					int64_t s = 0;
					for (int c = 0; c < 4; c++)
						s += wy[c >> 1] * wx[c & 1] * ((int64_t)x[at[c]] - zx);
					((int32_t *)yv)[k] = zx + (int32_t)rshift_round(s,
						2 * RESIZE_FRAC);
				}
			}
}

void eval_resize(const Node *n, const void *const *in, void *out)
{
	ResizeTap **taps = all_taps(n);
	if (!strcmp(attr_str(n, "mode"), "linear"))
		resize_linear(n, taps, in[0], out);
	else
		resize_nearest(n, taps, in[0], out);
	free_taps(n, taps);
}

/* ---------------------------------------------------------------- dilate */

/* Output index i of an axis holds input index (i - pad) / stride when that
 * divides and lies inside, else real 0. */
void eval_dilate(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pads = attr_ints(n, "pads", NULL);
	int64_t xs[QCC_MAX_RANK];
	AxisOffsets off;
	strides(xt, xs);
	alloc_offsets(yt, off);
	for (int d = 0; d < yt->rank; d++)
		for (int64_t o = 0; o < yt->dims[d]; o++) {
			int64_t u = o - pads[d];
			off[d][o] = u < 0 || u % stride[d] ||
				u / stride[d] >= xt->dims[d] ? -1 : u / stride[d] * xs[d];
		}
	copy_by_axes(yt, off, in[0], out, zero_elem(n->in[0]));
}

/* ----------------------------------------------------------------- slice */

void eval_slice(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *starts = attr_ints(n, "starts", NULL);
	const int64_t *steps = attr_ints(n, "steps", NULL);
	int64_t xs[QCC_MAX_RANK];
	AxisOffsets off;
	strides(xt, xs);
	alloc_offsets(yt, off);
	for (int d = 0; d < yt->rank; d++)
		for (int64_t o = 0; o < yt->dims[d]; o++)
			off[d][o] = (starts[d] + o * steps[d]) * xs[d];
	copy_by_axes(yt, off, in[0], out, 0);
}

/* ---------------------------------------------------------------- gather */

void eval_gather(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type;
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += xt->rank;
	int64_t outer, len, inner;
	type_split_axis(xt, axis, &outer, &len, &inner);
	int64_t nids = type_numel(&n->in[1]->type);
	const Elem *x = in[0];
	const int32_t *ids = in[1];
	Elem *y = out, zero = zero_elem(n->in[0]);
	for (int64_t o = 0; o < outer; o++)
		for (int64_t j = 0; j < nids; j++) {
			int64_t id = ids[j] < 0 ? (int64_t)ids[j] + len : ids[j];
			Elem *dst = y + (o * nids + j) * inner;
			if (id < 0 || id >= len)
				for (int64_t i = 0; i < inner; i++)
					dst[i] = zero;
			else
				memcpy(dst, x + (o * len + id) * inner,
					inner * sizeof *dst);
		}
}

/* ---------------------------------------------------------------- expand */

void eval_expand(const Node *n, const void *const *in, void *out)
{
	const Elem *x = in[0];
	Elem *y = out;
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t total = type_numel(yt);
	for (int64_t k = 0; k < total; k++)
		y[k] = x[type_bcast_offset(xt, yt, k)];
}
