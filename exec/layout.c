/* layout.c - kernels that move data: copy (for flatten and reshape),
 * transpose, concat and pad, and qconcat, which also requantizes each input
 * to the output's q. The first four do no arithmetic: elements are 4 bytes
 * whatever the element type (float or int32_t), so they serve float and
 * quantized tensors alike. */
#include <math.h>
#include <string.h>

#include "ir.h"
#include "qarith.h"

typedef uint32_t Elem;  /* any 4-byte element */

void eval_copy(const Node *n, const void *const *in, void *out)
{
	memcpy(out, in[0], type_numel(&n->out->type) * sizeof(Elem));
}

/* out.dims[i] = in.dims[perm[i]]: walk the output in order and step the
 * input offset by the input stride of dim perm[i]. */
void eval_transpose(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const Elem *x = in[0];
	Elem *y = out;
	const int64_t *perm = attr_ints(n, "perm", NULL);
	int64_t xs[QCC_MAX_RANK], st[QCC_MAX_RANK], idx[QCC_MAX_RANK] = {0};
	int64_t s = 1;
	for (int i = xt->rank - 1; i >= 0; i--) {
		xs[i] = s;
		s *= xt->dims[i];
	}
	for (int i = 0; i < yt->rank; i++)
		st[i] = xs[perm[i]];
	int64_t total = type_numel(yt), off = 0;
	for (int64_t k = 0; k < total; k++) {
		y[k] = x[off];
		for (int d = yt->rank - 1; d >= 0; d--) {
			off += st[d];
			if (++idx[d] < yt->dims[d])
				break;
			off -= st[d] * yt->dims[d];
			idx[d] = 0;
		}
	}
}

void eval_concat(const Node *n, const void *const *in, void *out)
{
	const Type *yt = &n->out->type;
	int64_t axis = attr_int(n, "axis");
	if (axis < 0)
		axis += yt->rank;
	int64_t outer, mid, inner;
	type_split_axis(yt, (int)axis, &outer, &mid, &inner);
	Elem *y = out;
	int64_t row = mid * inner, at = 0;
	for (int i = 0; i < n->nin; i++) {
		int64_t chunk = n->in[i]->type.dims[axis] * inner;
		const Elem *x = in[i];
		for (int64_t o = 0; o < outer; o++)
			memcpy(y + o * row + at, x + o * chunk, chunk * sizeof(Elem));
		at += chunk;
	}
}

/* Position in the input for coordinate i of an axis of size d padded by
 * `mode`, or -1 for the constant. Negative pads simply never reach the
 * cropped rows. */
static int64_t pad_source(int64_t i, int64_t d, int mode)
{
	if (i >= 0 && i < d)
		return i;
	switch (mode) {
	case 1: /* reflect: shape_pad keeps pads below d */
		return i < 0 ? -i : 2 * (d - 1) - i;
	case 2: /* edge */
		return i < 0 ? 0 : d - 1;
	default:
		return -1;
	}
}

void eval_pad(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *pads = attr_ints(n, "pads", NULL);
	const char *ms = attr_str(n, "mode");
	int mode = !strcmp(ms, "reflect") ? 1 : !strcmp(ms, "edge") ? 2 : 0;
	double value = attr_float(n, "value");
	Elem fill;
	if (xt->elem == DT_F32) {
		float f = (float)value;
		memcpy(&fill, &f, sizeof fill);
	} else {
		int32_t v = (int32_t)lrint(value);
		memcpy(&fill, &v, sizeof fill);
	}
	const Elem *x = in[0];
	Elem *y = out;
	int rank = xt->rank;
	int64_t xs[QCC_MAX_RANK], idx[QCC_MAX_RANK] = {0}, s = 1;
	for (int i = rank - 1; i >= 0; i--) {
		xs[i] = s;
		s *= xt->dims[i];
	}
	int64_t total = type_numel(yt);
	for (int64_t k = 0; k < total; k++) {
		int64_t off = 0;
		for (int d = 0; d < rank && off >= 0; d++) {
			int64_t src = pad_source(idx[d] - pads[d], xt->dims[d], mode);
			off = src < 0 ? -1 : off + src * xs[d];
		}
		y[k] = off < 0 ? fill : x[off];
		for (int d = rank - 1; d >= 0; d--) {
			if (++idx[d] < yt->dims[d])
				break;
			idx[d] = 0;
		}
	}
}

void eval_qconcat(const Node *n, const void *const *in, void *out)
{
	int32_t *y = out;
	const Type *yt = &n->out->type;
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += yt->rank;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zy = zp_of(n->out);
	int64_t lo = type_qmin(yt), hi = type_qmax(yt);
	int64_t outer, mid, inner;
	type_split_axis(yt, axis, &outer, &mid, &inner);
	int64_t ystride = mid * inner, base = 0;
	for (int i = 0; i < n->nin; i++) {
		const int32_t *x = in[i];
		int32_t zx = zp_of(n->in[i]);
		int64_t chunk = n->in[i]->type.dims[axis] * inner;
		for (int64_t o = 0; o < outer; o++)
			for (int64_t k = 0; k < chunk; k++)
				y[o * ystride + base + k] = requant(
					(int64_t)x[o * chunk + k] - zx, mult[i], shift[i],
					zy, lo, hi);
		base += chunk;
	}
}
