/* emit_geo.c - the C kernels of the geometry ops: resize, dilate, slice,
 * gather, expand (integer tensors; docs/arith.md).
 *
 * Where an output index reads its input is known when qcc runs, so it
 * becomes literal strides or small tables: per axis the input offset of
 * each output index (resize nearest, dilate: -1 for an inserted zero), the
 * two rows or columns and the weight of resize linear (shape_geo.c's
 * resize_taps, the numbers the simulator uses).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		abort();
	return p;
}

static void signature(Emit *e, const Node *n, const char *fn)
{
	fprintf(e->f, "static void %s(const %s *x, ", fn,
		emit_ctype(n->in[0]->type.elem));
	if (n->nin > 1)
		fprintf(e->f, "const %s *ids, ", emit_ctype(n->in[1]->type.elem));
	fprintf(e->f, "%s *y)\n", emit_ctype(n->out->type.elem));
}

/* FN_oD: the table of axis d, or NULL when it is i_d * stride. */
static void axis_table(Emit *e, const char *fn, int d, const int64_t *v,
	int64_t len)
{
	char name[400];
	snprintf(name, sizeof name, "%s_o%d", fn, d);
	emit_ints(e, "int32_t", name, v, len);
}

/* The sum over the axes of FN_oD[iD] (has[d]) or iD * stride[d]. */
static void table_sum(const char *fn, const int *has, const int64_t *stride,
	int rank, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	for (int d = 0; d < rank && len + 400 < size; d++) {
		if (has[d])
			len += snprintf(buf + len, size - len, "%s%s_o%d[i%d]",
				len ? " + " : "", fn, d, d);
		else if (stride[d])
			len += snprintf(buf + len, size - len, "%si%d * %lld",
				len ? " + " : "", d, (long long)stride[d]);
	}
	if (!len)
		snprintf(buf, size, "0");
}

/* The kernel of an op that copies: y[iy] = rhs at each output index (the
 * loops' i0, i1, ...), iy row-major. */
static int copy_kernel(Emit *e, const Node *n, const char *fn,
	const char *rhs)
{
	const Type *yt = &n->out->type;
	int64_t ys[QCC_MAX_RANK];
	char iy[1024];
	emit_strides(yt, ys);
	emit_index_expr(ys, yt->rank, iy, sizeof iy);
	signature(e, n, fn);
	emit_open(e, "{");
	emit_loops(e, yt);
	emit_line(e, "\ty[%s] = %s;", iy, rhs);
	emit_close(e);
	return 0;
}

/* ---------------------------------------------------------------- resize */

static int emit_resize_nearest(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t xs[QCC_MAX_RANK];
	int has[QCC_MAX_RANK] = {0};
	emit_strides(xt, xs);
	for (int d = 0; d < yt->rank; d++) {
		int64_t len = yt->dims[d];
		ResizeTap *t = xmalloc(len * sizeof *t);
		int64_t *v = xmalloc(len * sizeof *v);
		resize_taps(n, d, t);
		for (int64_t o = 0; o < len; o++) {
			v[o] = t[o].i0 * xs[d];
			has[d] |= t[o].i0 != o;
		}
		if (has[d])
			axis_table(e, fn, d, v, len);
		free(t);
		free(v);
	}
	char ix[4096], rhs[4200];
	table_sum(fn, has, xs, yt->rank, ix, sizeof ix);
	snprintf(rhs, sizeof rhs, "x[%s]", ix);
	return copy_kernel(e, n, fn, rhs);
}

/* The three tables of one axis of resize linear: FN_<c>0, FN_<c>1 (the
 * two input indices times mul) and FN_<c>w (the weight of the second). */
static void linear_tables(Emit *e, const Node *n, const char *fn, int axis,
	char c, int64_t mul)
{
	int64_t len = axis >= 0 ? n->out->type.dims[axis] : 1;
	ResizeTap *t = xmalloc(len * sizeof *t);
	int64_t *v = xmalloc(3 * len * sizeof *v);
	if (axis >= 0)
		resize_taps(n, axis, t);
	else
		memset(t, 0, sizeof *t);
	for (int64_t o = 0; o < len; o++) {
		v[o] = t[o].i0 * mul;
		v[len + o] = t[o].i1 * mul;
		v[2 * len + o] = t[o].w1;
	}
	char name[400];
	const char *suffix[3] = {"0", "1", "w"};
	for (int k = 0; k < 3; k++) {
		snprintf(name, sizeof name, "%s_%c%s", fn, c, suffix[k]);
		emit_ints(e, "int32_t", name, v + k * len, len);
	}
	free(t);
	free(v);
}

/* y = zx + R(sum wy wx (x - zx), 2 RESIZE_FRAC) over the four corners. */
static int emit_resize_linear(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int r = yt->rank;
	int64_t W = xt->dims[r - 1], H = r > 1 ? xt->dims[r - 2] : 1;
	int64_t OW = yt->dims[r - 1], OH = r > 1 ? yt->dims[r - 2] : 1;
	linear_tables(e, n, fn, r > 1 ? r - 2 : -1, 'h', W);
	linear_tables(e, n, fn, r - 1, 'w', 1);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(xt->elem));
	emit_var(&v, "yt", emit_ctype(yt->elem));
	emit_vari(&v, "planes", type_numel(yt) / (OH * OW));
	emit_vari(&v, "OH", OH);
	emit_vari(&v, "OW", OW);
	emit_vari(&v, "HW", H * W);
	emit_vari(&v, "one", 1 << RESIZE_FRAC);
	emit_vari(&v, "shift", 2 * RESIZE_FRAC);
	emit_vari(&v, "zx", emit_zp(n->in[0]));
	emit_var(&v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint p, oh, ow;\n"
		"\tfor (p = 0; p < $planes; p++)\n"
		"\tfor (oh = 0; oh < $OH; oh++) {\n"
		"\t\tconst $xt *r0 = x + p * $HW + ${fn}_h0[oh];\n"
		"\t\tconst $xt *r1 = x + p * $HW + ${fn}_h1[oh];\n"
		"\t\tint64_t wy1 = ${fn}_hw[oh], wy0 = $one - wy1;\n"
		"\t\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\t\tint c0 = ${fn}_w0[ow], c1 = ${fn}_w1[ow];\n"
		"\t\t\tint64_t wx1 = ${fn}_ww[ow], wx0 = $one - wx1;\n"
		"\t\t\tint64_t s = wy0 * (wx0 * ((int64_t)r0[c0]$subzx) +\n"
		"\t\t\t\twx1 * ((int64_t)r0[c1]$subzx)) +\n"
		"\t\t\t\twy1 * (wx0 * ((int64_t)r1[c0]$subzx) +\n"
		"\t\t\t\twx1 * ((int64_t)r1[c1]$subzx));\n"
		"\t\t\ty[(p * $OH + oh) * $OW + ow] = ($yt)($zx + "
		"qcc_round_shift(s, $shift));\n"
		"\t\t}\n\t}\n}\n", &v);
	return 0;
}

static int emit_resize(Emit *e, const Node *n, const char *fn)
{
	if (!strcmp(attr_str(n, "mode"), "linear"))
		return emit_resize_linear(e, n, fn);
	return emit_resize_nearest(e, n, fn);
}

/* ---------------------------------------------------------------- dilate */

static int emit_dilate(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pads = attr_ints(n, "pads", NULL);
	int64_t xs[QCC_MAX_RANK];
	int has[QCC_MAX_RANK];
	emit_strides(xt, xs);
	char cond[2048];
	size_t clen = 0;
	cond[0] = 0;
	for (int d = 0; d < yt->rank; d++) {
		int64_t len = yt->dims[d];
		int64_t *v = xmalloc(len * sizeof *v);
		for (int64_t o = 0; o < len; o++) {
			int64_t u = o - pads[d];
			v[o] = u < 0 || u % stride[d] || u / stride[d] >= xt->dims[d] ?
				-1 : u / stride[d] * xs[d];
		}
		axis_table(e, fn, d, v, len);
		has[d] = 1;
		clen += snprintf(cond + clen, sizeof cond - clen, "%s%s_o%d[i%d] < 0",
			clen ? " || " : "", fn, d, d);
		free(v);
	}
	char ix[4096], rhs[8300];
	table_sum(fn, has, xs, yt->rank, ix, sizeof ix);
	snprintf(rhs, sizeof rhs, "%s ? %d : x[%s]", cond,
		(int)emit_zp(n->in[0]), ix);
	return copy_kernel(e, n, fn, rhs);
}

/* ----------------------------------------------------------------- slice */

static int emit_slice(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *starts = attr_ints(n, "starts", NULL);
	const int64_t *steps = attr_ints(n, "steps", NULL);
	int64_t xs[QCC_MAX_RANK], st[QCC_MAX_RANK], base = 0;
	emit_strides(xt, xs);
	for (int d = 0; d < yt->rank; d++) {
		base += starts[d] * xs[d];
		st[d] = steps[d] * xs[d];
	}
	char ix[1024], rhs[1100];
	emit_index_expr(st, yt->rank, ix, sizeof ix);
	snprintf(rhs, sizeof rhs, "x[%lld + %s]", (long long)base, ix);
	return copy_kernel(e, n, fn, rhs);
}

/* ---------------------------------------------------------------- gather */

static int emit_gather(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type;
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += xt->rank;
	int64_t outer, len, inner;
	type_split_axis(xt, axis, &outer, &len, &inner);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(xt->elem));
	emit_var(&v, "it", emit_ctype(n->in[1]->type.elem));
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(&v, "outer", outer);
	emit_vari(&v, "len", len);
	emit_vari(&v, "inner", inner);
	emit_vari(&v, "nids", type_numel(&n->in[1]->type));
	emit_vari(&v, "zx", emit_zp(n->in[0]));
	emit_fill(e, "static void $fn(const $xt *x, const $it *ids, $yt *y)\n{\n"
		"\tint o, j, i;\n"
		"\tfor (o = 0; o < $outer; o++)\n"
		"\tfor (j = 0; j < $nids; j++) {\n"
		"\t\tint64_t id = ids[j] < 0 ? (int64_t)ids[j] + $len : ids[j];\n"
		"\t\t$yt *d = y + ((int64_t)o * $nids + j) * $inner;\n"
		"\t\tif (id < 0 || id >= $len)\n"
		"\t\t\tfor (i = 0; i < $inner; i++)\n"
		"\t\t\t\td[i] = $zx;\n"
		"\t\telse\n"
		"\t\t\tmemcpy(d, x + ((int64_t)o * $len + id) * $inner, "
		"$inner * sizeof *d);\n"
		"\t}\n}\n", &v);
	return 0;
}

/* ---------------------------------------------------------------- expand */

static int emit_expand(Emit *e, const Node *n, const char *fn)
{
	EmitVars v = {0};
	return emit_elem_kernel(e, n, fn, &v, "y[$iy] = x0[$i0];\n");
}

const KernelRow emit_geo_kernels[] = {
	{OP_RESIZE, "generic", "resize", "always (index and weight tables)",
		NULL, NULL, emit_resize, -1},
	{OP_DILATE, "generic", "dilate", "always (index tables)", NULL, NULL,
		emit_dilate, -1},
	{OP_SLICE, "generic", "slice", "always (literal strides)", NULL, NULL,
		emit_slice, -1},
	{OP_GATHER, "generic", "gather", "always (a row copy per id)", NULL,
		NULL, emit_gather, -1},
	{OP_EXPAND, "generic", "expand", "always (broadcast loops)", NULL, NULL,
		emit_expand, -1},
	{0},
};
