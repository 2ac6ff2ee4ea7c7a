/* emit_elem.c - the C kernels of the elementwise, pooling, table and
 * movement ops: requantize, qadd, qmul, qconcat, qmaxpool2d, qavgpool2d,
 * qglobal_avgpool, qlut, qsoftmax, transpose.
 *
 * Each follows its docs/arith.md definition literally with literal shapes;
 * broadcasting and transposition become nested loops whose index
 * expressions carry literal strides (0 for a broadcast dimension).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* for (i0 = 0; i0 < D0; i0++) ... one line each, at one tab. */
static void emit_loops(Emit *e, const Type *t)
{
	for (int d = 0; d < t->rank; d++)
		fprintf(e->f, "\tfor (i%d = 0; i%d < %lld; i%d++)\n", d, d,
			(long long)t->dims[d], d);
}

static void emit_loop_vars(Emit *e, int rank)
{
	if (rank == 0)
		return;
	fprintf(e->f, "\tint ");
	for (int d = 0; d < rank; d++)
		fprintf(e->f, "%si%d", d ? ", " : "", d);
	fprintf(e->f, ";\n");
}

/* "i0 * s0 + i1 * s1" for the given strides (zero strides dropped). */
static void index_expr(const int64_t *stride, int rank, char *buf,
	size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	for (int d = 0; d < rank && len + 40 < size; d++) {
		if (stride[d] == 0)
			continue;
		if (stride[d] == 1)
			len += snprintf(buf + len, size - len, "%si%d",
				len ? " + " : "", d);
		else
			len += snprintf(buf + len, size - len, "%si%d * %lld",
				len ? " + " : "", d, (long long)stride[d]);
	}
	if (!len)
		snprintf(buf, size, "0");
}

/* Strides of t broadcast to the shape of y (numpy rules). */
static void bcast_strides(const Type *t, const Type *y, int64_t *stride)
{
	int64_t own[QCC_MAX_RANK];
	emit_strides(t, own);
	for (int d = 0; d < y->rank; d++) {
		int td = d - (y->rank - t->rank);
		stride[d] = td < 0 || t->dims[td] == 1 ? 0 : own[td];
	}
}

/* ---------------------------------------------------------- requantize */

static int emit_requantize(Emit *e, const Node *n, const char *fn)
{
	const char *xt = emit_ctype(n->in[0]->type.elem);
	const char *yt = emit_ctype(n->out->type.elem);
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n\tint i;\n"
		"\tfor (i = 0; i < %lld; i++)\n"
		"\t\ty[i] = (%s)qcc_requant((int64_t)x[i]%s, %lld, %lld, %d, "
		"%lld, %lld);\n}\n", fn, xt, yt,
		(long long)type_numel(&n->out->type), yt, emit_sub(emit_zp(n->in[0])),
		(long long)attr_ints(n, "mult", NULL)[0],
		(long long)attr_ints(n, "shift", NULL)[0], (int)emit_zp(n->out),
		(long long)attr_int(n, "act_min"), (long long)attr_int(n, "act_max"));
	return 0;
}

/* -------------------------------------------------------- qadd, qmul */

static int emit_qbinary(Emit *e, const Node *n, const char *fn)
{
	FILE *f = e->f;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	const char *ty = emit_ctype(yt->elem);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int32_t za = emit_zp(n->in[0]), zb = emit_zp(n->in[1]);
	char ia[512], ib[512], iy[512];
	int flat = type_same_shape(at, yt) && type_same_shape(bt, yt);
	fprintf(f, "static void %s(const %s *a, const %s *b, %s *y)\n{\n", fn,
		emit_ctype(at->elem), emit_ctype(bt->elem), ty);
	if (flat) {
		fprintf(f, "\tint i;\n\tfor (i = 0; i < %lld; i++) {\n",
			(long long)type_numel(yt));
		strcpy(ia, "i"), strcpy(ib, "i"), strcpy(iy, "i");
	} else {
		int64_t sa[QCC_MAX_RANK], sb[QCC_MAX_RANK], sy[QCC_MAX_RANK];
		bcast_strides(at, yt, sa);
		bcast_strides(bt, yt, sb);
		emit_strides(yt, sy);
		index_expr(sa, yt->rank, ia, sizeof ia);
		index_expr(sb, yt->rank, ib, sizeof ib);
		index_expr(sy, yt->rank, iy, sizeof iy);
		emit_loop_vars(e, yt->rank);
		emit_loops(e, yt);
		fprintf(f, "\t{\n");
	}
	if (n->op == OP_QADD)
		fprintf(f, "\t\tint64_t p = ((int64_t)a[%s]%s) * %lld + "
			"((int64_t)b[%s]%s) * %lld;\n"
			"\t\ty[%s] = (%s)qcc_clamp(%d + qcc_round_shift(p, %lld), "
			"%lld, %lld);\n\t}\n}\n",
			ia, emit_sub(za), (long long)mult[0], ib, emit_sub(zb),
			(long long)mult[1],
			iy, ty, (int)emit_zp(n->out), (long long)shift,
			(long long)attr_int(n, "act_min"),
			(long long)attr_int(n, "act_max"));
	else
		fprintf(f, "\t\tint64_t p = ((int64_t)a[%s]%s) * "
			"((int64_t)b[%s]%s);\n"
			"\t\ty[%s] = (%s)qcc_clamp(%d + qcc_round_shift(p * %lld, "
			"%lld), %lld, %lld);\n\t}\n}\n",
			ia, emit_sub(za), ib, emit_sub(zb), iy, ty, (int)emit_zp(n->out),
			(long long)mult[0], (long long)shift,
			(long long)attr_int(n, "act_min"),
			(long long)attr_int(n, "act_max"));
	return 0;
}

/* ------------------------------------------------------------ qconcat */

static int emit_qconcat(Emit *e, const Node *n, const char *fn)
{
	FILE *f = e->f;
	const Type *yt = &n->out->type;
	const char *ty = emit_ctype(yt->elem);
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += yt->rank;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zy = emit_zp(n->out);
	int64_t outer, mid, inner;
	type_split_axis(yt, axis, &outer, &mid, &inner);
	int64_t ystride = mid * inner, base = 0;
	fprintf(f, "static void %s(", fn);
	for (int i = 0; i < n->nin; i++)
		fprintf(f, "const %s *x%d, ", emit_ctype(n->in[i]->type.elem), i);
	fprintf(f, "%s *y)\n{\n\tint o, k;\n", ty);
	for (int i = 0; i < n->nin; i++) {
		int32_t zx = emit_zp(n->in[i]);
		int64_t chunk = n->in[i]->type.dims[axis] * inner;
		/* (x - zx) * 2^s / 2^s with zx = zy is x itself: a copy */
		int same = n->in[i]->type.elem == yt->elem && zx == zy &&
			shift[i] <= 30 && mult[i] == (int64_t)1 << shift[i];
		fprintf(f, "\tfor (o = 0; o < %lld; o++)\n", (long long)outer);
		if (same)
			fprintf(f, "\t\tmemcpy(y + o * %lld + %lld, x%d + o * %lld, "
				"%lld);\n", (long long)ystride, (long long)base, i,
				(long long)chunk,
				(long long)(chunk * memplan_elem_bytes(yt->elem)));
		else
			fprintf(f, "\t\tfor (k = 0; k < %lld; k++)\n"
				"\t\t\ty[o * %lld + %lld + k] = (%s)qcc_requant("
				"(int64_t)x%d[o * %lld + k]%s, %lld, %lld, %d, %d, %d);\n",
				(long long)chunk, (long long)ystride, (long long)base, ty,
				i, (long long)chunk, emit_sub(zx), (long long)mult[i],
				(long long)shift[i], (int)zy, (int)type_qmin(yt),
				(int)type_qmax(yt));
		base += chunk;
	}
	fprintf(f, "\t(void)k;\n}\n");
	return 0;
}

/* ------------------------------------------------------------ pooling */

typedef struct {
	int64_t NC, H, W, OH, OW, kh, kw, sh, sw, pt, pl, pb, pr, dh, dw;
} PoolGeom;

static void pool_geom(const Node *n, PoolGeom *p)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *k = attr_ints(n, "kernel", NULL);
	const int64_t *s = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	p->NC = xt->dims[0] * xt->dims[1], p->H = xt->dims[2], p->W = xt->dims[3];
	p->OH = yt->dims[2], p->OW = yt->dims[3];
	p->kh = k[0], p->kw = k[1], p->sh = s[0], p->sw = s[1];
	p->pt = pad[0], p->pl = pad[1], p->pb = pad[2], p->pr = pad[3];
	p->dh = p->dw = 1;
	if (op_attr_index(n->op, "dilation") >= 0) {
		const int64_t *d = attr_ints(n, "dilation", NULL);
		p->dh = d[0], p->dw = d[1];
	}
}

static int emit_qmaxpool2d(Emit *e, const Node *n, const char *fn)
{
	PoolGeom p;
	pool_geom(n, &p);
	const char *xt = emit_ctype(n->in[0]->type.elem);
	const char *yt = emit_ctype(n->out->type.elem);
	int32_t qmin = type_qmin(&n->out->type);
	if (!p.pt && !p.pl && type_qmin(&n->in[0]->type) >= qmin &&
		(p.OH - 1) * p.sh + (p.kh - 1) * p.dh < p.H &&
		(p.OW - 1) * p.sw + (p.kw - 1) * p.dw < p.W && p.kh * p.kw <= 64) {
		/* every window inside the input: its taps at literal offsets */
		fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n"
			"\tint c, oh, ow;\n"
			"\tfor (c = 0; c < %lld; c++)\n"
			"\tfor (oh = 0; oh < %lld; oh++) {\n"
			"\t\tconst %s *xr = x + (c * %lld + oh * %lld) * %lld;\n"
			"\t\t%s *yr = y + (c * %lld + oh) * %lld;\n"
			"\t\tfor (ow = 0; ow < %lld; ow++) {\n"
			"\t\t\tconst %s *xw = xr + ow * %lld;\n"
			"\t\t\tint32_t best = xw[0];\n", fn, xt, yt, (long long)p.NC,
			(long long)p.OH, xt, (long long)p.H, (long long)p.sh,
			(long long)p.W, yt, (long long)p.OH, (long long)p.OW,
			(long long)p.OW, xt, (long long)p.sw);
		for (int64_t kh = 0; kh < p.kh; kh++)
			for (int64_t kw = kh ? 0 : 1; kw < p.kw; kw++) {
				long long off = kh * p.dh * p.W + kw * p.dw;
				fprintf(e->f, "\t\t\tbest = xw[%lld] > best ? xw[%lld] : best;\n",
					off, off);
			}
		fprintf(e->f, "\t\t\tyr[ow] = (%s)best;\n\t\t}\n\t}\n}\n", yt);
		return 0;
	}
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n"
		"\tint c, oh, ow, kh, kw;\n"
		"\tfor (c = 0; c < %lld; c++)\n"
		"\tfor (oh = 0; oh < %lld; oh++)\n"
		"\tfor (ow = 0; ow < %lld; ow++) {\n"
		"\t\tint32_t best = %d;\n"
		"\t\tfor (kh = 0; kh < %lld; kh++) {\n"
		"\t\t\tint ih = oh * %lld - %lld + kh * %lld;\n"
		"\t\t\tif (ih < 0 || ih >= %lld)\n\t\t\t\tcontinue;\n"
		"\t\t\tfor (kw = 0; kw < %lld; kw++) {\n"
		"\t\t\t\tint iw = ow * %lld - %lld + kw * %lld;\n"
		"\t\t\t\tif (iw >= 0 && iw < %lld && x[(c * %lld + ih) * %lld + iw] "
		"> best)\n"
		"\t\t\t\t\tbest = x[(c * %lld + ih) * %lld + iw];\n"
		"\t\t\t}\n\t\t}\n"
		"\t\t/* a window entirely in padding yields qmin */\n"
		"\t\ty[(c * %lld + oh) * %lld + ow] = (%s)(best < %d ? %d : best);\n"
		"\t}\n}\n",
		fn, xt, yt, (long long)p.NC, (long long)p.OH, (long long)p.OW,
		(int)qmin - 1, (long long)p.kh, (long long)p.sh, (long long)p.pt,
		(long long)p.dh, (long long)p.H, (long long)p.kw, (long long)p.sw,
		(long long)p.pl, (long long)p.dw, (long long)p.W, (long long)p.H,
		(long long)p.W, (long long)p.H, (long long)p.W, (long long)p.OH,
		(long long)p.OW, yt, (int)qmin, (int)qmin);
	return 0;
}

static int emit_qavgpool2d(Emit *e, const Node *n, const char *fn)
{
	PoolGeom p;
	pool_geom(n, &p);
	const char *xt = emit_ctype(n->in[0]->type.elem);
	const char *yt = emit_ctype(n->out->type.elem);
	const Type *y = &n->out->type;
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	char name[400];
	snprintf(name, sizeof name, "%s_m", fn);
	emit_ints(e, "int32_t", name, mult, len);
	snprintf(name, sizeof name, "%s_s", fn);
	emit_ints(e, "uint8_t", name, shift, len);
	int include_pad = (int)attr_int(n, "count_include_pad");
	int32_t zy = emit_zp(n->out);
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n"
		"\tint c, oh, ow, kh, kw;\n"
		"\tfor (c = 0; c < %lld; c++)\n"
		"\tfor (oh = 0; oh < %lld; oh++)\n"
		"\tfor (ow = 0; ow < %lld; ow++) {\n"
		"\t\tint32_t acc = 0;\n\t\tint count = 0;\n"
		"\t\tfor (kh = 0; kh < %lld; kh++) {\n"
		"\t\t\tint ih = oh * %lld - %lld + kh;\n"
		"\t\t\tfor (kw = 0; kw < %lld; kw++) {\n"
		"\t\t\t\tint iw = ow * %lld - %lld + kw;\n"
		"\t\t\t\tint inside = ih >= 0 && ih < %lld && iw >= 0 && iw < %lld;\n",
		fn, xt, yt, (long long)p.NC, (long long)p.OH, (long long)p.OW,
		(long long)p.kh, (long long)p.sh, (long long)p.pt, (long long)p.kw,
		(long long)p.sw, (long long)p.pl, (long long)p.H, (long long)p.W);
	fprintf(e->f, "\t\t\t\tif (inside) {\n"
		"\t\t\t\t\tacc += (int32_t)x[(c * %lld + ih) * %lld + iw]%s;\n"
		"\t\t\t\t\tcount++;\n\t\t\t\t}",
		(long long)p.H, (long long)p.W, emit_sub(emit_zp(n->in[0])));
	if (include_pad)
		/* count_include_pad counts the padding, not the part of a
		 * ceil_mode window past it */
		fprintf(e->f, " else if (ih >= %lld && ih < %lld && iw >= %lld && "
			"iw < %lld) {\n\t\t\t\t\tcount++;\n\t\t\t\t}",
			(long long)-p.pt, (long long)(p.H + p.pb), (long long)-p.pl,
			(long long)(p.W + p.pr));
	fprintf(e->f, "\n\t\t\t}\n\t\t}\n"
		"\t\ty[(c * %lld + oh) * %lld + ow] = (%s)(count == 0 ? "
		"qcc_clamp(%d, %d, %d) :\n"
		"\t\t\tqcc_requant(acc, %s_m[count - 1], %s_s[count - 1], %d, %d, "
		"%d));\n\t}\n}\n",
		(long long)p.OH, (long long)p.OW, yt, (int)zy, (int)type_qmin(y),
		(int)type_qmax(y), fn, fn, (int)zy, (int)type_qmin(y),
		(int)type_qmax(y));
	return 0;
}

static int emit_qglobal_avgpool(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *y = &n->out->type;
	int64_t NC = xt->dims[0] * xt->dims[1];
	int64_t area = type_numel(xt) / NC;
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n"
		"\tint c, i;\n\tfor (c = 0; c < %lld; c++) {\n"
		"\t\tconst %s *xc = x + c * %lld;\n"
		"\t\tint32_t acc = 0;\n"
		"\t\tfor (i = 0; i < %lld; i++)\n\t\t\tacc += xc[i];\n"
		"\t\ty[c] = (%s)qcc_requant((int64_t)acc - %lld, %lld, %lld, %d, "
		"%d, %d);\n\t}\n}\n",
		fn, emit_ctype(xt->elem), emit_ctype(y->elem), (long long)NC,
		emit_ctype(xt->elem), (long long)area, (long long)area,
		emit_ctype(y->elem), (long long)area * emit_zp(n->in[0]),
		(long long)attr_ints(n, "mult", NULL)[0],
		(long long)attr_ints(n, "shift", NULL)[0], (int)emit_zp(n->out),
		(int)type_qmin(y), (int)type_qmax(y));
	return 0;
}

/* ------------------------------------------------------------- tables */

static int emit_qlut(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int len;
	const int64_t *table = attr_ints(n, "table", &len);
	char name[400];
	snprintf(name, sizeof name, "%s_t", fn);
	emit_ints(e, xt->elem == DT_I16 ? "int32_t" : emit_ctype(yt->elem),
		name, table, len);
	if (xt->elem != DT_I16) {
		fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n\tint i;\n"
			"\tfor (i = 0; i < %lld; i++)\n"
			"\t\ty[i] = %s_t[(int32_t)x[i]%s];\n}\n",
			fn, emit_ctype(xt->elem), emit_ctype(yt->elem),
			(long long)type_numel(xt), fn, emit_sub(type_qmin(xt)));
		return 0;
	}
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n\tint i;\n"
		"\tfor (i = 0; i < %lld; i++) {\n"
		"\t\tint32_t u = (int32_t)x[i] + 32768, j = u >> 7, f = u & 127;\n"
		"\t\tint64_t v = %s_t[j] + qcc_round_shift((int64_t)(%s_t[j + 1] - "
		"%s_t[j]) * f, 7);\n"
		"\t\ty[i] = (%s)qcc_clamp(v, %d, %d);\n\t}\n}\n",
		fn, emit_ctype(xt->elem), emit_ctype(yt->elem),
		(long long)type_numel(xt), fn, fn, fn, emit_ctype(yt->elem),
		(int)type_qmin(yt), (int)type_qmax(yt));
	return 0;
}

static int emit_qsoftmax(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type;
	int len;
	const int64_t *table = attr_ints(n, "table", &len);
	char name[400];
	snprintf(name, sizeof name, "%s_t", fn);
	emit_ints(e, "int32_t", name, table, len);
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += xt->rank;
	int64_t outer, L, inner;
	type_split_axis(xt, axis, &outer, &L, &inner);
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n"
		"\tint o, r, i;\n"
		"\tfor (o = 0; o < %lld; o++)\n\tfor (r = 0; r < %lld; r++) {\n"
		"\t\tconst %s *xs = x + o * %lld + r;\n"
		"\t\t%s *ys = y + o * %lld + r;\n"
		"\t\tint32_t m = xs[0];\n\t\tint64_t sum = 0;\n"
		"\t\tfor (i = 1; i < %lld; i++)\n"
		"\t\t\tif (xs[i * %lld] > m)\n\t\t\t\tm = xs[i * %lld];\n"
		"\t\tfor (i = 0; i < %lld; i++)\n"
		"\t\t\tsum += %s_t[m - xs[i * %lld]];\n"
		"\t\tfor (i = 0; i < %lld; i++) {\n"
		"\t\t\tint64_t ex = %s_t[m - xs[i * %lld]];\n"
		"\t\t\tys[i * %lld] = (%s)qcc_clamp(-128 + (512 * ex + sum) / "
		"(2 * sum), -128, 127);\n"
		"\t\t}\n\t}\n}\n",
		fn, emit_ctype(xt->elem), emit_ctype(n->out->type.elem),
		(long long)outer, (long long)inner, emit_ctype(xt->elem),
		(long long)(L * inner), emit_ctype(n->out->type.elem),
		(long long)(L * inner), (long long)L, (long long)inner,
		(long long)inner, (long long)L, fn, (long long)inner, (long long)L,
		fn, (long long)inner, (long long)inner,
		emit_ctype(n->out->type.elem));
	return 0;
}

/* ---------------------------------------------------------- transpose */

static int emit_transpose(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *perm = attr_ints(n, "perm", NULL);
	int64_t sx[QCC_MAX_RANK], sxp[QCC_MAX_RANK], sy[QCC_MAX_RANK];
	emit_strides(xt, sx);
	emit_strides(yt, sy);
	for (int d = 0; d < yt->rank; d++)
		sxp[d] = sx[perm[d]];
	char ix[512], iy[512];
	index_expr(sxp, yt->rank, ix, sizeof ix);
	index_expr(sy, yt->rank, iy, sizeof iy);
	fprintf(e->f, "static void %s(const %s *x, %s *y)\n{\n", fn,
		emit_ctype(xt->elem), emit_ctype(yt->elem));
	emit_loop_vars(e, yt->rank);
	emit_loops(e, yt);
	fprintf(e->f, "\t\ty[%s] = x[%s];\n}\n", iy, ix);
	return 0;
}

const KernelRow emit_elem_kernels[] = {
	{OP_REQUANTIZE, "generic", "requantize", "always", NULL, NULL,
		emit_requantize, -1},
	{OP_QADD, "generic", "add", "always (broadcast: nested loops)", NULL,
		NULL, emit_qbinary, -1},
	{OP_QMUL, "generic", "mul", "always (broadcast: nested loops)", NULL,
		NULL, emit_qbinary, -1},
	{OP_QCONCAT, "generic", "concat", "always (memcpy where no rescaling)",
		NULL, NULL, emit_qconcat, -1},
	{OP_QMAXPOOL2D, "generic", "maxpool", "always (literal taps where every "
		"window is inside)", NULL, NULL, emit_qmaxpool2d, -1},
	{OP_QAVGPOOL2D, "generic", "avgpool", "always", NULL, NULL,
		emit_qavgpool2d, -1},
	{OP_QGLOBAL_AVGPOOL, "generic", "global_avgpool", "always", NULL, NULL,
		emit_qglobal_avgpool, -1},
	{OP_QLUT, "generic", "lut", "always (8-bit: a lookup; 16-bit: "
		"interpolated)", NULL, NULL, emit_qlut, -1},
	{OP_QSOFTMAX, "generic", "softmax", "always", NULL, NULL, emit_qsoftmax,
		-1},
	{OP_TRANSPOSE, "generic", "transpose", "always", NULL, NULL,
		emit_transpose, -1},
	{0},
};
