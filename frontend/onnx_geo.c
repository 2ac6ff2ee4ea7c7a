/* onnx_geo.c - the ONNX ops that resample or rearrange run-time tensors:
 * Resize and Upsample (a resize node), ConvTranspose (a dilate node, the
 * zero-stuffed and padded input, then a conv2d with the flipped weights),
 * Split (one slice node per output), Expand (expand) and Tile (reshape,
 * expand, reshape). Expand and Tile of constants fold. Gather and Slice
 * live with the folds (onnx_fold.c). */
#include <math.h>
#include <string.h>

#include "onnx_imp.h"

/* ---- Resize, Upsample ---- */

typedef struct {
	const char *mode, *coord, *nearest;
	double scales[QCC_MAX_RANK];
	int64_t sizes[QCC_MAX_RANK];
} Resample;

static int resize_node(Ctx *c, NodeCtx *n, const Resample *r)
{
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_RESIZE, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	int rank = x->type.rank;
	attr_set_str(c->g, node, "mode", r->mode);
	attr_set_str(c->g, node, "coord", r->coord);
	attr_set_str(c->g, node, "nearest", r->nearest);
	attr_set_floats(c->g, node, "scales", r->scales, rank);
	attr_set_ints(c->g, node, "sizes", r->sizes, rank);
	return imp_finish(c, n, node, 0);
}

/* The mode attribute: nearest or linear. */
static int read_mode(Ctx *c, NodeCtx *n, Resample *r)
{
	if (imp_attr_str(c, n, "mode", "nearest", &r->mode))
		return -1;
	if (strcmp(r->mode, "nearest") && strcmp(r->mode, "linear"))
		return imp_reject(c, n, "mode '%s' is not supported (nearest or "
			"linear)", r->mode);
	return 0;
}

/* Output sizes floor(in * scale) from per-axis scales. */
static int from_scales(Ctx *c, NodeCtx *n, const float *s, int64_t ns,
	int rank, const int64_t *dims, Resample *r)
{
	if (ns != rank)
		return imp_reject(c, n, "scales has %lld entries; expected %d",
			(long long)ns, rank);
	for (int i = 0; i < rank; i++) {
		double out = floor((double)dims[i] * s[i]);
		if (!(s[i] > 0) || !(out >= 1 && out <= INT32_MAX))
			return imp_reject(c, n, "scale %g on axis %d gives no output",
				s[i], i);
		r->scales[i] = s[i];
		r->sizes[i] = (int64_t)out;
	}
	return 0;
}

/* Input 0's shape and the mode; 0, or -1 after reporting. */
static int resample_input(Ctx *c, NodeCtx *n, Resample *r, int *rank,
	int64_t *dims)
{
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], rank, dims);
	return read_mode(c, n, r);
}

/* Upsample, and Resize 10 (which is Upsample 9). */
static int import_upsample(Ctx *c, NodeCtx *n)
{
	int rank;
	int64_t dims[QCC_MAX_RANK];
	Resample r = {NULL, "asymmetric", "floor", {0}, {0}};
	if (resample_input(c, n, &r, &rank, dims))
		return -1;
	if (n->opset < 9) {
		const Onnx__AttributeProto *a = imp_attr(n, "scales");
		if (!a)
			return imp_reject(c, n, "attribute 'scales' is required");
		return from_scales(c, n, a->floats, (int64_t)a->n_floats, rank, dims,
			&r) || resize_node(c, n, &r);
	}
	if (imp_attr(n, "scales"))
		return imp_reject(c, n, "scales is an input from opset 9");
	Tens *s = imp_const(c, n, 1);
	if (!s)
		return -1;
	if (!s->is_float)
		return imp_reject(c, n, "scales must be float");
	return from_scales(c, n, s->f, s->numel, rank, dims, &r) ||
		resize_node(c, n, &r);
}

/* Resize 11-21: roi (ignored but for tf_crop_and_resize, refused), scales
 * or sizes (opset 18: for the axes listed in `axes`). */
static int resize_targets(Ctx *c, NodeCtx *n, int rank, const int64_t *dims,
	Resample *r)
{
	int64_t axes[QCC_MAX_RANK];
	int naxes;
	if (imp_attr_ints(c, n, "axes", axes, QCC_MAX_RANK, &naxes))
		return -1;
	int all = naxes < 0;
	if (all)
		for (naxes = 0; naxes < rank; naxes++)
			axes[naxes] = naxes;
	for (int i = 0; i < naxes; i++) {
		int a;
		if (imp_axis(c, n, axes[i], rank, &a))
			return -1;
		axes[i] = a;
	}
	float sc[QCC_MAX_RANK];
	int64_t sz[QCC_MAX_RANK];
	for (int i = 0; i < rank; i++)
		sc[i] = 1, sz[i] = dims[i];
	Tens *s = imp_has(n, 2) ? imp_const(c, n, 2) : NULL;
	Tens *z = imp_has(n, 3) ? imp_const(c, n, 3) : NULL;
	if ((imp_has(n, 2) && !s) || (imp_has(n, 3) && !z))
		return -1;
	if (s && s->numel == 0)
		s = NULL;
	if (!s == !z)
		return imp_reject(c, n, "exactly one of scales and sizes must be "
			"given");
	const Tens *t = s ? s : z;
	if (t->numel != naxes || t->is_float != !!s)
		return imp_reject(c, n, "%s must be %d %s", s ? "scales" : "sizes",
			naxes, s ? "floats" : "integers");
	for (int i = 0; i < naxes; i++) {
		if (s)
			sc[axes[i]] = s->f[i];
		else
			sz[axes[i]] = z->i[i];
	}
	if (s)
		return from_scales(c, n, sc, rank, rank, dims, r);
	for (int i = 0; i < rank; i++) {
		if (sz[i] < 1 || sz[i] > INT32_MAX)
			return imp_reject(c, n, "size %lld on axis %d is not "
				"supported", (long long)sz[i], i);
		r->sizes[i] = sz[i];
		r->scales[i] = (float)((double)sz[i] / (double)dims[i]);
	}
	return 0;
}

static int import_resize(Ctx *c, NodeCtx *n)
{
	int rank;
	int64_t dims[QCC_MAX_RANK], v;
	const char *s;
	Resample r = {NULL, "asymmetric", "floor", {0}, {0}};
	if (n->opset < 11)
		return import_upsample(c, n);
	if (resample_input(c, n, &r, &rank, dims))
		return -1;
	if (imp_attr_str(c, n, "coordinate_transformation_mode", "half_pixel",
		&r.coord) || imp_attr_str(c, n, "nearest_mode", "round_prefer_floor",
		&r.nearest) || imp_attr_opsets(c, n, "antialias", 18, 0) ||
		imp_attr_opsets(c, n, "axes", 18, 0) ||
		imp_attr_opsets(c, n, "keep_aspect_ratio_policy", 18, 0))
		return -1;
	if (!strcmp(r.coord, "tf_crop_and_resize"))
		return imp_reject(c, n, "coordinate_transformation_mode "
			"tf_crop_and_resize is not supported");
	if (imp_attr_int(c, n, "antialias", 0, &v))
		return -1;
	if (v)
		return imp_reject(c, n, "antialias is not supported");
	if (imp_attr_str(c, n, "keep_aspect_ratio_policy", "stretch", &s))
		return -1;
	if (strcmp(s, "stretch"))
		return imp_reject(c, n, "keep_aspect_ratio_policy '%s' is not "
			"supported (stretch)", s);
	if (resize_targets(c, n, rank, dims, &r))
		return -1;
	return resize_node(c, n, &r);
}

/* ---- ConvTranspose ---- */

typedef struct {
	int64_t k[2], s[2], d[2], pads[4], opad[2], group;
} Deconv;

/* A list attribute of nsp entries (or absent: def), each in [lo, 65536]. */
static int list_attr(Ctx *c, NodeCtx *n, const char *name, int nsp,
	int64_t def, int64_t lo, int64_t *out)
{
	int64_t v[8];
	int len;
	if (imp_attr_ints(c, n, name, v, 8, &len))
		return -1;
	if (len >= 0 && len != nsp)
		return imp_reject(c, n, "%s has %d entries; expected %d", name, len,
			nsp);
	for (int i = 0; i < nsp; i++) {
		out[i] = len >= 0 ? v[i] : def;
		if (out[i] < lo || out[i] > 1 << 16)
			return imp_reject(c, n, "%s must be from %lld to 65536", name,
				(long long)lo);
	}
	return 0;
}

/* Strides, dilations, output_padding, pads (from auto_pad or output_shape
 * where given) of a ConvTranspose over nsp spatial dims of sizes in[]. */
static int deconv_attrs(Ctx *c, NodeCtx *n, int nsp, const int64_t *in,
	Deconv *g)
{
	int64_t outs[2];
	int nouts;
	const char *auto_pad;
	if (list_attr(c, n, "strides", nsp, 1, 1, g->s) ||
		list_attr(c, n, "dilations", nsp, 1, 1, g->d) ||
		list_attr(c, n, "output_padding", nsp, 0, 0, g->opad) ||
		list_attr(c, n, "pads", 2 * nsp, 0, 0, g->pads) ||
		imp_attr_ints(c, n, "output_shape", outs, 2, &nouts) ||
		imp_attr_str(c, n, "auto_pad", "NOTSET", &auto_pad) ||
		imp_attr_int(c, n, "group", 1, &g->group))
		return -1;
	int same = !strcmp(auto_pad, "SAME_UPPER") ||
		!strcmp(auto_pad, "SAME_LOWER");
	if (!same && strcmp(auto_pad, "NOTSET") && strcmp(auto_pad, "VALID"))
		return imp_reject(c, n, "unsupported auto_pad value '%s'", auto_pad);
	if (nouts >= 0 && nouts != nsp)
		return imp_reject(c, n, "output_shape has %d entries; expected %d",
			nouts, nsp);
	if (nouts < 0 && !same)
		return 0;
	for (int i = 0; i < nsp; i++) {
		int64_t out = nouts >= 0 ? outs[i] : in[i] * g->s[i];
		int64_t total = g->s[i] * (in[i] - 1) + g->opad[i] +
			(g->k[i] - 1) * g->d[i] + 1 - out;
		int upper = !strcmp(auto_pad, "SAME_UPPER");
		g->pads[i] = total < 0 ? 0 : upper ? total / 2 : total - total / 2;
		g->pads[nsp + i] = total - g->pads[i];  /* < 0: more at the end */
	}
	return 0;
}

/* The conv2d weights of a ConvTranspose's w [C, OC/g, KH, KW]:
 * [OC, C/g, KH, KW], each kernel turned by 180 degrees. */
static Value *flipped_weights(Ctx *c, NodeCtx *n, const Tens *w, int64_t kh,
	int64_t kw, int64_t group)
{
	int64_t C = w->dims[0], OCG = w->dims[1], ICG = C / group;
	Type t = {.elem = DT_F32, .rank = 4, .dims = {OCG * group, ICG, kh, kw}};
	float *d = graph_alloc_data(c->g, &t);
	int64_t khw = kh * kw;
	for (int64_t g = 0; g < group; g++)
		for (int64_t ocg = 0; ocg < OCG; ocg++)
			for (int64_t icg = 0; icg < ICG; icg++)
				for (int64_t k = 0; k < khw; k++)
					d[((g * OCG + ocg) * ICG + icg) * khw + k] =
						w->f[((g * ICG + icg) * OCG + ocg) * khw + khw - 1 - k];
	return graph_add_const(c->g, sym_fresh_name(c, n->in[1]->name, "_conv"),
		&t, d, c->loc);
}

static int import_conv_transpose(Ctx *c, NodeCtx *n)
{
	int xr, wr;
	int64_t xd[QCC_MAX_RANK], wd[QCC_MAX_RANK];
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "inputs X and W are required");
	imp_shape(n->in[0], &xr, xd);
	imp_shape(n->in[1], &wr, wd);
	if (xr != wr || (xr != 3 && xr != 4))
		return imp_reject(c, n, "only 1-D and 2-D transposed convolution "
			"are supported (input rank %d, weight rank %d)", xr, wr);
	Tens *w = imp_const(c, n, 1);
	if (!w)
		return -1;
	if (!w->is_float)
		return imp_reject(c, n, "weights must be float");
	int nsp = xr - 2;
	Deconv g;
	g.k[0] = wd[2], g.k[1] = nsp == 2 ? wd[3] : 1;
	int64_t ks[8];
	int nks;
	if (imp_attr_ints(c, n, "kernel_shape", ks, 8, &nks) ||
		deconv_attrs(c, n, nsp, &xd[2], &g))
		return -1;
	if (nks >= 0 && (nks != nsp || ks[0] != g.k[0] ||
		(nsp == 2 && ks[1] != g.k[1])))
		return imp_reject(c, n, "kernel_shape does not match the weights");
	if (g.group < 1 || xd[1] % g.group || wd[0] != xd[1])
		return imp_reject(c, n, "weights [%lld,...] and group %lld do not fit "
			"%lld input channels", (long long)wd[0], (long long)g.group,
			(long long)xd[1]);
	if (nsp == 1) {  /* as 2-D over a height of 1 */
		int64_t pb = g.pads[0], pe = g.pads[1];
		g.k[1] = g.k[0], g.k[0] = 1;
		g.s[1] = g.s[0], g.s[0] = 1;
		g.d[1] = g.d[0], g.d[0] = 1;
		g.opad[1] = g.opad[0], g.opad[0] = 0;
		g.pads[0] = 0, g.pads[1] = pb, g.pads[2] = 0, g.pads[3] = pe;
	}
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	if (nsp == 1) {
		int64_t d4[4] = {xd[0], xd[1], 1, xd[2]};
		if (!(x = imp_reshape_to(c, n, x, 4, d4, -1, "_2d")))
			return -1;
	}
	/* 1. the input with stride-1 zeros between elements, padded by
	 * d (k - 1) - pad (and output_padding at the end) */
	Node *dn = imp_node(c, n, OP_DILATE, &x, 1, -1, "_dilated");
	if (!dn)
		return -1;
	int64_t st[4] = {1, 1, g.s[0], g.s[1]}, pads[8] = {0};
	for (int i = 0; i < 2; i++) {
		int64_t span = g.d[i] * (g.k[i] - 1);
		pads[2 + i] = span - g.pads[i];
		pads[6 + i] = span - g.pads[2 + i] + g.opad[i];
	}
	attr_set_ints(c->g, dn, "stride", st, 4);
	attr_set_ints(c->g, dn, "pads", pads, 8);
	if (imp_finish(c, n, dn, -1))
		return -1;
	/* 2. a stride-1 convolution with the flipped kernels */
	Value *in[3] = {dn->out, flipped_weights(c, n, w, g.k[0], g.k[1],
		g.group), NULL};
	int nin = imp_has(n, 2) ? 3 : 2;
	if (nin == 3 && !(in[2] = imp_value(c, n, 2)))
		return -1;
	Node *cn = imp_node(c, n, OP_CONV2D, in, nin, nsp == 2 ? 0 : -1,
		"_conv");
	if (!cn)
		return -1;
	int64_t zero4[4] = {0, 0, 0, 0};
	attr_set_ints(c->g, cn, "pad", zero4, 4);
	attr_set_ints(c->g, cn, "dilation", g.d, 2);
	attr_set_int(c->g, cn, "groups", g.group);
	if (imp_finish(c, n, cn, nsp == 2 ? 0 : -1))
		return -1;
	if (nsp == 2)
		return 0;
	const Type *yt = &cn->out->type;
	int64_t d3[3] = {yt->dims[0], yt->dims[1], yt->dims[3]};
	return imp_reshape_to(c, n, cn->out, 3, d3, 0, NULL) ? 0 : -1;
}

/* ---- Split ---- */

static int import_split(Ctx *c, NodeCtx *n)
{
	int rank, ax, nsplit = -1;
	int64_t dims[QCC_MAX_RANK], axis, num, split[64];
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	int nout = (int)n->p->n_output;
	if (nout < 1 || nout > 64)
		return imp_reject(c, n, "expects 1 to 64 outputs, got %d", nout);
	if (imp_attr_int(c, n, "axis", 0, &axis) ||
		imp_axis(c, n, axis, rank, &ax) ||
		imp_attr_opsets(c, n, "num_outputs", 18, 0) ||
		imp_attr_opsets(c, n, "split", 1, 12) ||
		imp_attr_ints(c, n, "split", split, 64, &nsplit))
		return -1;
	if (imp_has(n, 1)) {
		Tens *t = imp_const(c, n, 1);
		if (!t)
			return -1;
		if (t->is_float || t->numel > 64)
			return imp_reject(c, n, "split must be at most 64 integers");
		nsplit = (int)t->numel;
		memcpy(split, t->i, nsplit * sizeof *split);
	}
	if (imp_attr_int(c, n, "num_outputs", nout, &num))
		return -1;
	if (num != nout)
		return imp_reject(c, n, "num_outputs is %lld but the node has %d "
			"outputs", (long long)num, nout);
	int64_t d = dims[ax], sum = 0;
	if (nsplit < 0) {
		int64_t chunk = n->opset >= 18 ? (d + nout - 1) / nout : d / nout;
		if (n->opset < 18 && d % nout)
			return imp_reject(c, n, "axis %d of size %lld does not split "
				"into %d equal parts", ax, (long long)d, nout);
		for (int k = 0; k < nout; k++)
			split[k] = k < nout - 1 ? chunk : d - chunk * (nout - 1);
		nsplit = nout;
	}
	if (nsplit != nout)
		return imp_reject(c, n, "split has %d entries for %d outputs",
			nsplit, nout);
	for (int k = 0; k < nout; k++) {
		if (split[k] < 1)
			return imp_reject(c, n, "output %d would be empty", k);
		sum += split[k];
	}
	if (sum != d)
		return imp_reject(c, n, "split sums to %lld; axis %d has %lld",
			(long long)sum, ax, (long long)d);
	Value *x = imp_value(c, n, 0);
	if (!x)
		return -1;
	int64_t starts[QCC_MAX_RANK] = {0}, steps[QCC_MAX_RANK], at = 0;
	for (int i = 0; i < rank; i++)
		steps[i] = 1;
	for (int k = 0; k < nout; k++) {
		starts[ax] = at;
		dims[ax] = split[k];
		at += split[k];
		if (!n->p->output[k][0])
			continue;
		Node *node = imp_node(c, n, OP_SLICE, &x, 1, k, NULL);
		if (!node)
			return -1;
		attr_set_ints(c->g, node, "starts", starts, rank);
		attr_set_ints(c->g, node, "steps", steps, rank);
		attr_set_ints(c->g, node, "sizes", dims, rank);
		if (imp_finish(c, n, node, k))
			return -1;
	}
	return 0;
}

/* ---- Expand, Tile ---- */

/* Output 0: constant t broadcast to (rank, dims), folded. */
static int fold_broadcast(Ctx *c, NodeCtx *n, const Tens *t, int rank,
	const int64_t *dims)
{
	Tens *o = tens_fold_new(c, n, t->is_float, rank, dims);
	if (!o)
		return -1;
	o->dt = t->dt;
	for (int64_t k = 0; k < o->numel; k++) {
		int64_t src = imp_bcast_offset(t, rank, dims, k);
		if (t->is_float)
			o->f[k] = t->f[src];
		else
			o->i[k] = t->i[src];
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

static Value *expand_to(Ctx *c, NodeCtx *n, Value *x, int rank,
	const int64_t *dims, int k, const char *suffix)
{
	Node *node = imp_node(c, n, OP_EXPAND, &x, 1, k, suffix);
	if (!node)
		return NULL;
	attr_set_ints(c->g, node, "shape", dims, rank);
	return imp_finish(c, n, node, k) ? NULL : node->out;
}

static int import_expand(Ctx *c, NodeCtx *n)
{
	int rank;
	int64_t dims[QCC_MAX_RANK], out[QCC_MAX_RANK];
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	Tens *s = imp_const(c, n, 1);
	if (!s)
		return -1;
	if (s->is_float || s->rank != 1 || s->numel > QCC_MAX_RANK)
		return imp_reject(c, n, "shape must be at most %d integers",
			QCC_MAX_RANK);
	int r = rank > s->numel ? rank : (int)s->numel;
	for (int i = 0; i < r; i++) {
		int a = i - (r - rank), b = i - (r - (int)s->numel);
		int64_t da = a >= 0 ? dims[a] : 1, db = b >= 0 ? s->i[b] : 1;
		if (da != db && da != 1 && db != 1)
			return imp_reject(c, n, "shape does not broadcast with the "
				"input (axis %d: %lld and %lld)", i, (long long)da,
				(long long)db);
		out[i] = da == 1 ? db : da;
		if (out[i] < 1)
			return imp_reject(c, n, "the output would be empty");
	}
	if (n->in[0]->t && !n->in[0]->v)
		return fold_broadcast(c, n, n->in[0]->t, r, out);
	Value *x = imp_value(c, n, 0);
	return x && expand_to(c, n, x, r, out, 0, NULL) ? 0 : -1;
}

/* Tile: x [.., d, ..] as [.., 1, d, ..] (a 1 before each repeated axis),
 * expanded to [.., r, d, ..], reshaped to [.., r d, ..]. */
static int import_tile(Ctx *c, NodeCtx *n)
{
	int rank, r2 = 0;
	int64_t dims[QCC_MAX_RANK], lifted[QCC_MAX_RANK], wide[QCC_MAX_RANK],
		out[QCC_MAX_RANK];
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	Tens *rep = imp_const(c, n, 1);
	if (!rep)
		return -1;
	if (rep->is_float || rep->numel != rank)
		return imp_reject(c, n, "repeats must be %d integers", rank);
	for (int i = 0; i < rank; i++) {
		if (rep->i[i] < 1 || rep->i[i] > INT32_MAX)
			return imp_reject(c, n, "repeat %lld on axis %d is not "
				"supported", (long long)rep->i[i], i);
		out[i] = dims[i] * rep->i[i];
		if (rep->i[i] > 1) {
			if (r2 + 2 > QCC_MAX_RANK)
				return imp_reject(c, n, "too many repeated axes");
			lifted[r2] = 1, wide[r2++] = rep->i[i];
		}
		lifted[r2] = wide[r2] = dims[i];
		r2++;
	}
	if (tens_numel(rank, out) < 0)
		return imp_reject(c, n, "the output is too large");
	if (n->in[0]->t && !n->in[0]->v) {
		Tens t = *n->in[0]->t;  /* the same data as [.., 1, d, ..] */
		t.rank = r2;
		memcpy(t.dims, lifted, r2 * sizeof *lifted);
		Tens *o = tens_fold_new(c, n, t.is_float, r2, wide);
		if (!o || fold_broadcast(c, n, &t, r2, wide))
			return -1;
		return imp_reshape(c, n, rank, out) ? -1 : 0;
	}
	Value *x = imp_value(c, n, 0);
	if (!x || !(x = imp_reshape_to(c, n, x, r2, lifted, -1, "_lift")) ||
		!(x = expand_to(c, n, x, r2, wide, -1, "_wide")))
		return -1;
	return imp_reshape_to(c, n, x, rank, out, 0, NULL) ? 0 : -1;
}

/* ---- the table ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"ConvTranspose", 1, 0, 0x2, import_conv_transpose,
	 "auto_pad dilations group kernel_shape output_padding output_shape "
	 "pads strides",
	 "dilate (zeros between inputs, padding) then conv2d, flipped weights; "
	 "1-D as 2-D"},
	{"Expand", 8, 0, 0x2, import_expand, "", "expand; folds constants"},
	{"Resize", 10, 0, 0xe, import_resize,
	 "antialias axes coordinate_transformation_mode cubic_coeff_a "
	 "exclude_outside extrapolation_value keep_aspect_ratio_policy mode "
	 "nearest_mode",
	 "resize (nearest, linear; not cubic or tf_crop_and_resize)"},
	{"Split", 1, 0, 0x2, import_split, "axis num_outputs split",
	 "one slice per output"},
	{"Tile", 6, 0, 0x2, import_tile, "",
	 "reshape, expand, reshape; folds constants"},
	{"Upsample", 7, 9, 0x2, import_upsample, "mode scales",
	 "resize (asymmetric coordinates, nearest floor)"},
};

const OnnxOpTable onnx_geo_table = ONNX_OP_TABLE(rows);
