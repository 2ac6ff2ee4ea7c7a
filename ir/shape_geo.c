/* shape_geo.c - shapes of the geometry ops (resize, dilate, slice, gather,
 * expand), and resize's sampling positions, which the float interpreter,
 * the integer simulator and codegen all read from here.
 *
 * Resize (ONNX Resize): output index o of an axis with input size `in`,
 * output size `out` and scale s maps to the input coordinate
 *   half_pixel            (o + 0.5) / s - 0.5
 *   pytorch_half_pixel    as half_pixel, but 0 when len <= 1
 *   align_corners         o (in - 1) / (len - 1), 0 when len <= 1
 *   asymmetric            o / s
 *   tf_half_pixel_for_nn  (o + 0.5) / s
 *   half_pixel_symmetric  in/2 (1 - out / (s in)) + (o + 0.5) / s - 0.5
 * computed in double, where len is ONNX's resized length in s (out when
 * it is within 1e-6 relative of out: scales from sizes). nearest rounds it (round_prefer_floor: halves down,
 * round_prefer_ceil: halves up, floor, ceil) and clamps to [0, in - 1];
 * linear clamps it to [0, in - 1] and interpolates between floor and the
 * next index (the last index with itself).
 */
#include <math.h>
#include <string.h>

#include "ir.h"

static const char *const coord_modes[] = {"half_pixel", "pytorch_half_pixel",
	"align_corners", "asymmetric", "tf_half_pixel_for_nn",
	"half_pixel_symmetric", NULL};
static const char *const nearest_modes[] = {"round_prefer_floor",
	"round_prefer_ceil", "floor", "ceil", NULL};

static int find(const char *const *list, const char *s)
{
	for (int i = 0; s && list[i]; i++)
		if (!strcmp(list[i], s))
			return i;
	return -1;
}

static double coord(int mode, int64_t o, int64_t in, int64_t out, double s)
{
	double x = (double)o, len = (double)in * s;
	if (fabs(len - (double)out) <= 1e-6 * (double)out)
		len = (double)out;
	switch (mode) {
	case 0:
		return (x + 0.5) / s - 0.5;
	case 1:
		return len > 1 ? (x + 0.5) / s - 0.5 : 0;
	case 2:
		return len > 1 ? x * (double)(in - 1) / (len - 1) : 0;
	case 3:
		return x / s;
	case 4:
		return (x + 0.5) / s;
	default: {
		double adj = (double)out / (s * (double)in);
		return (double)in / 2 * (1 - adj) + (x + 0.5) / s - 0.5;
	}
	}
}

static int64_t nearest_index(int mode, double x)
{
	double f = floor(x);
	switch (mode) {
	case 0:
		return (int64_t)(x - f == 0.5 ? f : floor(x + 0.5));
	case 1:
		return (int64_t)(x - f == 0.5 ? f + 1 : floor(x + 0.5));
	case 2:
		return (int64_t)f;
	default:
		return (int64_t)ceil(x);
	}
}

void resize_taps(const Node *n, int axis, ResizeTap *taps)
{
	int64_t in = n->in[0]->type.dims[axis], out = n->out->type.dims[axis];
	double s = attr_floats(n, "scales", NULL)[axis];
	int cm = find(coord_modes, attr_str(n, "coord"));
	int linear = !strcmp(attr_str(n, "mode"), "linear");
	int nm = find(nearest_modes, attr_str(n, "nearest"));
	for (int64_t o = 0; o < out; o++) {
		double x = coord(cm, o, in, out, s);
		if (!(x >= -1e9 && x <= 1e18))  /* NaN and far outside: clamped */
			x = x > 0 ? (double)in : 0;
		ResizeTap *t = &taps[o];
		if (!linear) {
			int64_t i = nearest_index(nm, x);
			t->i0 = t->i1 = i < 0 ? 0 : i >= in ? in - 1 : i;
			t->f = 0, t->w1 = 0;
			continue;
		}
		x = x < 0 ? 0 : x > (double)(in - 1) ? (double)(in - 1) : x;
		double f = floor(x);
		t->i0 = (int64_t)f;
		t->i1 = t->i0 + 1 < in ? t->i0 + 1 : t->i0;
		t->f = t->i1 == t->i0 ? 0 : x - f;
		t->w1 = (int32_t)floor(t->f * (1 << RESIZE_FRAC) + 0.5);
	}
}

int shape_resize(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	const char *mode = attr_str(n, "mode");
	int linear = mode && !strcmp(mode, "linear");
	if (!linear && (!mode || strcmp(mode, "nearest")))
		return shape_err(n, "mode must be nearest or linear, got '%s'",
			mode ? mode : "");
	if (find(coord_modes, attr_str(n, "coord")) < 0)
		return shape_err(n, "coord must be half_pixel, pytorch_half_pixel, "
			"align_corners, asymmetric, tf_half_pixel_for_nn or "
			"half_pixel_symmetric, got '%s'", attr_str(n, "coord"));
	if (find(nearest_modes, attr_str(n, "nearest")) < 0)
		return shape_err(n, "nearest must be round_prefer_floor, "
			"round_prefer_ceil, floor or ceil, got '%s'",
			attr_str(n, "nearest"));
	const int64_t *sizes = shape_ints_attr(n, "sizes", x->rank, 1);
	int ns;
	const double *scales = attr_floats(n, "scales", &ns);
	if (!sizes)
		return -1;
	if (ns != x->rank)
		return shape_err(n, "scales must have %d entries, got %d", x->rank,
			ns);
	for (int i = 0; i < x->rank; i++) {
		if (!(scales[i] > 0) || !isfinite(scales[i]))
			return shape_err(n, "scales must be positive and finite, got "
				"%g on axis %d", scales[i], i);
		if (linear && i < x->rank - 2 &&
		    (sizes[i] != x->dims[i] || scales[i] != 1))
			return shape_err(n, "linear resizes the last two axes only; "
				"axis %d goes from %lld to %lld", i,
				(long long)x->dims[i], (long long)sizes[i]);
	}
	return shape_set_out(n, x->elem, x->rank, sizes);
}

int shape_dilate(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	const int64_t *stride = shape_ints_attr(n, "stride", x->rank, 1);
	const int64_t *pads = stride ? shape_ints_attr(n, "pads", 2 * x->rank,
		-INT32_MAX) : NULL;
	if (!pads)
		return -1;
	int64_t dims[QCC_MAX_RANK];
	for (int i = 0; i < x->rank; i++) {
		dims[i] = (x->dims[i] - 1) * stride[i] + 1 + pads[i] +
			pads[x->rank + i];
		if (dims[i] < 1)
			return shape_err(n, "axis %d would have size %lld", i,
				(long long)dims[i]);
	}
	return shape_set_out(n, x->elem, x->rank, dims);
}

int shape_slice(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	const int64_t *starts = shape_ints_attr(n, "starts", x->rank, 0);
	const int64_t *steps = starts ? shape_ints_attr(n, "steps", x->rank,
		-INT32_MAX) : NULL;
	const int64_t *sizes = steps ? shape_ints_attr(n, "sizes", x->rank, 1) :
		NULL;
	if (!sizes)
		return -1;
	for (int i = 0; i < x->rank; i++) {
		int64_t last = starts[i] + (sizes[i] - 1) * steps[i];
		if (steps[i] == 0 || starts[i] >= x->dims[i] || last < 0 ||
		    last >= x->dims[i])
			return shape_err(n, "axis %d of %s: %lld elements from %lld "
				"in steps of %lld leave the axis", i, shape_tstr(x),
				(long long)sizes[i], (long long)starts[i],
				(long long)steps[i]);
	}
	return shape_set_out(n, x->elem, x->rank, sizes);
}

int64_t slice_view_offset(const Node *n)
{
	const Type *xt = &n->in[0]->type;
	const int64_t *starts = attr_ints(n, "starts", NULL);
	const int64_t *steps = attr_ints(n, "steps", NULL);
	const int64_t *sizes = attr_ints(n, "sizes", NULL);
	int d = xt->rank - 1;
	while (d >= 0 && sizes[d] == xt->dims[d] && (steps[d] == 1 ||
		sizes[d] == 1))
		d--;
	if (d >= 0 && steps[d] != 1 && sizes[d] != 1)
		return -1;
	for (int i = 0; i < d; i++)
		if (sizes[i] != 1)
			return -1;
	int64_t off = 0, stride = 1;
	for (int i = xt->rank - 1; i >= 0; i--) {
		off += starts[i] * stride;
		stride *= xt->dims[i];
	}
	return off;
}

int shape_gather(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0), *ids = shape_in(n, 1);
	int64_t axis = attr_int(n, "axis");
	if (x->rank < 1 || axis < -x->rank || axis >= x->rank)
		return shape_err(n, "axis %lld is out of range for %s",
			(long long)axis, shape_tstr(x));
	if (axis < 0)
		axis += x->rank;
	if (ids->elem != DT_I32 || ids->q.present)
		return shape_err(n, "ids (input 1) must be i32 without q(...), got "
			"%s", shape_tstr(ids));
	if (x->rank - 1 + ids->rank > QCC_MAX_RANK)
		return shape_err(n, "output would have rank %d (at most %d)",
			x->rank - 1 + ids->rank, QCC_MAX_RANK);
	int64_t dims[QCC_MAX_RANK];
	int r = 0;
	for (int i = 0; i < axis; i++)
		dims[r++] = x->dims[i];
	for (int i = 0; i < ids->rank; i++)
		dims[r++] = ids->dims[i];
	for (int i = (int)axis + 1; i < x->rank; i++)
		dims[r++] = x->dims[i];
	return shape_set_out(n, x->elem, r, dims);
}

int shape_expand(Graph *g, Node *n)
{
	(void)g;
	if (shape_check_inputs(n) < 0)
		return -1;
	const Type *x = shape_in(n, 0);
	int len;
	attr_ints(n, "shape", &len);
	const int64_t *shape = shape_ints_attr(n, "shape", -1, 1);
	if (!shape)
		return -1;
	Type want = {.elem = x->elem, .rank = len}, out;
	if (len > QCC_MAX_RANK || len < x->rank)
		return shape_err(n, "shape must have %d to %d entries, got %d",
			x->rank, QCC_MAX_RANK, len);
	memcpy(want.dims, shape, len * sizeof *shape);
	if (shape_broadcast(x, &want, &out) < 0 || !type_same_shape(&out, &want))
		return shape_err(n, "%s does not broadcast to %s", shape_tstr(x),
			shape_tstr(&want));
	return shape_set_out(n, x->elem, len, shape);
}
