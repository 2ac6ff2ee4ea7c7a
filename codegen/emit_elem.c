/* emit_elem.c - the C kernels of the elementwise, pooling, table and
 * movement ops: requantize, qadd, qmul, qconcat, qmaxpool2d, qavgpool2d,
 * qglobal_avgpool, qlut, transpose.
 *
 * Each follows its docs/arith.md definition literally with literal shapes;
 * broadcasting and transposition become nested loops whose index
 * expressions carry literal strides (0 for a broadcast dimension).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* int i0, i1, ...; then for (i0 = 0; i0 < D0; i0++) ... one line each,
 * at the current depth. */
void emit_loops(Emit *e, const Type *t)
{
	char vars[16 * QCC_MAX_RANK];
	size_t len = 0;
	for (int d = 0; d < t->rank; d++)
		len += snprintf(vars + len, sizeof vars - len, "%si%d", d ? ", " : "",
			d);
	if (t->rank)
		emit_line(e, "int %s;", vars);
	for (int d = 0; d < t->rank; d++)
		emit_line(e, "for (i%d = 0; i%d < %lld; i%d++)", d, d,
			(long long)t->dims[d], d);
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

void emit_index_expr(const int64_t *stride, int rank, char *buf,
	size_t size)
{
	index_expr(stride, rank, buf, size);
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

void emit_elem_loops(Emit *e, const Node *n, char (*idx)[EMIT_IDX_MAX],
	char *iy)
{
	const Type *yt = &n->out->type;
	int flat = 1;
	for (int i = 0; i < n->nin; i++)
		flat &= type_same_shape(&n->in[i]->type, yt);
	if (flat) {
		emit_line(e, "int i;");
		emit_line(e, "for (i = 0; i < %lld; i++)", (long long)type_numel(yt));
		for (int i = 0; i < n->nin; i++)
			strcpy(idx[i], "i");
		strcpy(iy, "i");
		return;
	}
	int64_t st[QCC_MAX_RANK];
	for (int i = 0; i < n->nin; i++) {
		bcast_strides(&n->in[i]->type, yt, st);
		index_expr(st, yt->rank, idx[i], EMIT_IDX_MAX);
	}
	emit_strides(yt, st);
	index_expr(st, yt->rank, iy, EMIT_IDX_MAX);
	emit_loops(e, yt);
}

int emit_elem_kernel(Emit *e, const Node *n, const char *fn, EmitVars *v,
	const char *tmpl)
{
	/* emit_var keeps the names, not copies */
	static const char *names[16] = {"i0", "i1", "i2", "i3", "i4", "i5", "i6",
		"i7", "i8", "i9", "i10", "i11", "i12", "i13", "i14", "i15"};
	char (*idx)[EMIT_IDX_MAX] = malloc((n->nin + 1) * sizeof *idx);
	if (!idx)
		abort();
	fprintf(e->f, "static void %s(", fn);
	for (int i = 0; i < n->nin; i++)
		fprintf(e->f, "const %s *x%d, ", emit_ctype(n->in[i]->type.elem), i);
	fprintf(e->f, "%s *y)\n{\n", emit_ctype(n->out->type.elem));
	e->depth++;
	emit_elem_loops(e, n, idx, idx[n->nin]);
	for (int i = 0; i < n->nin && i < 16; i++)
		emit_var(v, names[i], idx[i]);
	emit_var(v, "iy", idx[n->nin]);
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	e->depth++;
	emit_fill(e, tmpl, v);
	e->depth -= 2;
	fprintf(e->f, "}\n");
	free(idx);
	return 0;
}

/* The output's template values: yt, zy, qmin, qmax, and lo, hi (the
 * activation clamp) where the op has one. */
static void out_vars(EmitVars *v, const Node *n)
{
	const Type *yt = &n->out->type;
	emit_var(v, "yt", emit_ctype(yt->elem));
	emit_vari(v, "zy", emit_zp(n->out));
	emit_vari(v, "qmin", type_qmin(yt));
	emit_vari(v, "qmax", type_qmax(yt));
	if (op_attr_index(n->op, "act_min") >= 0) {
		emit_vari(v, "lo", attr_int(n, "act_min"));
		emit_vari(v, "hi", attr_int(n, "act_max"));
	}
}

/* Those of a one-input kernel: fn, xt, numel, subzx, and mult, shift
 * (their first entries) where the op has them. */
static void unary_vars(EmitVars *v, const Node *n, const char *fn)
{
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_vari(v, "numel", type_numel(&n->out->type));
	emit_var(v, "subzx", emit_sub(emit_zp(n->in[0])));
	out_vars(v, n);
	if (op_attr_index(n->op, "mult") >= 0) {
		emit_vari(v, "mult", attr_ints(n, "mult", NULL)[0]);
		emit_vari(v, "shift", attr_ints(n, "shift", NULL)[0]);
	}
}

/* ---------------------------------------------------------- requantize */

static int emit_requantize(Emit *e, const Node *n, const char *fn)
{
	EmitVars v = {0};
	unary_vars(&v, n, fn);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n\tint i;\n"
		"\tfor (i = 0; i < $numel; i++)\n"
		"\t\ty[i] = ($yt)qcc_requant((int64_t)x[i]$subzx, $mult, $shift, "
		"$zy, $lo, $hi);\n}\n", &v);
	return 0;
}

/* -------------------------------------------------------- qadd, qmul */

static int emit_qbinary(Emit *e, const Node *n, const char *fn)
{
	FILE *f = e->f;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	char ia[512], ib[512], iy[512];
	int flat = type_same_shape(at, yt) && type_same_shape(bt, yt);
	fprintf(f, "static void %s(const %s *a, const %s *b, %s *y)\n{\n", fn,
		emit_ctype(at->elem), emit_ctype(bt->elem), emit_ctype(yt->elem));
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
		e->depth++;
		emit_loops(e, yt);
		e->depth--;
		fprintf(f, "\t{\n");
	}
	EmitVars v = {0};
	out_vars(&v, n);
	emit_var(&v, "ia", ia);
	emit_var(&v, "ib", ib);
	emit_var(&v, "iy", iy);
	emit_var(&v, "subza", emit_sub(emit_zp(n->in[0])));
	emit_var(&v, "subzb", emit_sub(emit_zp(n->in[1])));
	emit_vari(&v, "ma", mult[0]);
	emit_vari(&v, "mb", n->op == OP_QADD ? mult[1] : 0);
	emit_vari(&v, "shift", attr_ints(n, "shift", NULL)[0]);
	emit_fill(e, n->op == OP_QADD ?
		"\t\tint64_t p = ((int64_t)a[$ia]$subza) * $ma + "
		"((int64_t)b[$ib]$subzb) * $mb;\n"
		"\t\ty[$iy] = ($yt)qcc_clamp($zy + qcc_round_shift(p, $shift), "
		"$lo, $hi);\n\t}\n}\n" :
		"\t\tint64_t p = ((int64_t)a[$ia]$subza) * ((int64_t)b[$ib]$subzb);\n"
		"\t\ty[$iy] = ($yt)qcc_clamp($zy + qcc_round_shift(p * $ma, "
		"$shift), $lo, $hi);\n\t}\n}\n", &v);
	return 0;
}

/* --------------------------------------------------------- qmax, qmin */

/* Each input requantized onto the output's grid (qcc_requant clamps to the
 * output range), then the largest (smallest); the inputs are read through
 * their broadcast strides over the output's index space. */
static int emit_qextreme(Emit *e, const Node *n, const char *fn)
{
	const Type *yt = &n->out->type;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int64_t sy[QCC_MAX_RANK];
	char iy[512];
	emit_strides(yt, sy);
	index_expr(sy, yt->rank, iy, sizeof iy);
	fprintf(e->f, "static void %s(", fn);
	for (int i = 0; i < n->nin; i++)
		fprintf(e->f, "const %s *x%d, ", emit_ctype(n->in[i]->type.elem), i);
	fprintf(e->f, "%s *y)\n{\n", emit_ctype(yt->elem));
	e->depth++;
	emit_loops(e, yt);
	emit_open(e, "{");
	for (int i = 0; i < n->nin; i++) {
		int64_t sx[QCC_MAX_RANK];
		char ix[512];
		bcast_strides(&n->in[i]->type, yt, sx);
		index_expr(sx, yt->rank, ix, sizeof ix);
		EmitVars v = {0};
		out_vars(&v, n);
		emit_vari(&v, "i", i);
		emit_var(&v, "ix", ix);
		emit_var(&v, "subzx", emit_sub(emit_zp(n->in[i])));
		emit_vari(&v, "mult", mult[i]);
		emit_vari(&v, "shift", shift[i]);
		emit_fill(e, "int32_t r$i = qcc_requant((int64_t)x$i[$ix]$subzx, "
			"$mult, $shift, $zy, $qmin, $qmax);\n", &v);
	}
	emit_line(e, "int32_t v = r0;");
	for (int i = 1; i < n->nin; i++) {
		emit_line(e, "if (r%d %s v)", i, n->op == OP_QMAX ? ">" : "<");
		e->depth++;
		emit_line(e, "v = r%d;", i);
		e->depth--;
	}
	emit_line(e, "y[%s] = (%s)v;", iy, emit_ctype(yt->elem));
	emit_close(e);
	e->depth--;
	fprintf(e->f, "}\n");
	return 0;
}

/* ------------------------------------------------------------ qconcat */

static int emit_qconcat(Emit *e, const Node *n, const char *fn)
{
	FILE *f = e->f;
	const Type *yt = &n->out->type;
	int axis = (int)attr_int(n, "axis");
	if (axis < 0)
		axis += yt->rank;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t zy = emit_zp(n->out);
	int64_t outer, mid, inner;
	type_split_axis(yt, axis, &outer, &mid, &inner);
	int64_t base = 0;
	fprintf(f, "static void %s(", fn);
	for (int i = 0; i < n->nin; i++)
		fprintf(f, "const %s *x%d, ", emit_ctype(n->in[i]->type.elem), i);
	fprintf(f, "%s *y)\n{\n\tint o, k;\n", emit_ctype(yt->elem));
	for (int i = 0; i < n->nin; i++) {
		int32_t zx = emit_zp(n->in[i]);
		int64_t chunk = n->in[i]->type.dims[axis] * inner;
		/* (x - zx) * 2^s / 2^s with zx = zy is x itself: a copy */
		int same = n->in[i]->type.elem == yt->elem && zx == zy &&
			shift[i] <= 30 && mult[i] == (int64_t)1 << shift[i];
		EmitVars v = {0};
		out_vars(&v, n);
		emit_vari(&v, "i", i);
		emit_vari(&v, "outer", outer);
		emit_vari(&v, "ystride", mid * inner);
		emit_vari(&v, "base", base);
		emit_vari(&v, "chunk", chunk);
		emit_vari(&v, "bytes", chunk * memplan_elem_bytes(yt->elem));
		emit_var(&v, "subzx", emit_sub(zx));
		emit_vari(&v, "mult", mult[i]);
		emit_vari(&v, "shift", shift[i]);
		emit_fill(e, same ? "\tfor (o = 0; o < $outer; o++)\n"
			"\t\tmemcpy(y + o * $ystride + $base, x$i + o * $chunk, $bytes);\n" :
			"\tfor (o = 0; o < $outer; o++)\n"
			"\t\tfor (k = 0; k < $chunk; k++)\n"
			"\t\t\ty[o * $ystride + $base + k] = ($yt)qcc_requant("
			"(int64_t)x$i[o * $chunk + k]$subzx, $mult, $shift, $zy, $qmin, "
			"$qmax);\n", &v);
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

static void pool_vars(EmitVars *v, const Node *n, const char *fn,
	const PoolGeom *p)
{
	const char *names[] = {"NC", "H", "W", "OH", "OW", "kh", "kw", "sh",
		"sw", "pt", "pl", "dh", "dw"};
	int64_t vals[] = {p->NC, p->H, p->W, p->OH, p->OW, p->kh, p->kw, p->sh,
		p->sw, p->pt, p->pl, p->dh, p->dw};
	unary_vars(v, n, fn);
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		emit_vari(v, names[i], vals[i]);
}

static int emit_qmaxpool2d(Emit *e, const Node *n, const char *fn)
{
	PoolGeom p;
	pool_geom(n, &p);
	EmitVars v = {0};
	pool_vars(&v, n, fn, &p);
	int32_t qmin = type_qmin(&n->out->type);
	emit_vari(&v, "below", (int)qmin - 1);
	if (!p.pt && !p.pl && type_qmin(&n->in[0]->type) >= qmin &&
		(p.OH - 1) * p.sh + (p.kh - 1) * p.dh < p.H &&
		(p.OW - 1) * p.sw + (p.kw - 1) * p.dw < p.W && p.kh * p.kw <= 64) {
		/* every window inside the input: its taps at literal offsets */
		emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
			"\tint c, oh, ow;\n"
			"\tfor (c = 0; c < $NC; c++)\n"
			"\tfor (oh = 0; oh < $OH; oh++) {\n"
			"\t\tconst $xt *xr = x + (c * $H + oh * $sh) * $W;\n"
			"\t\t$yt *yr = y + (c * $OH + oh) * $OW;\n"
			"\t\tfor (ow = 0; ow < $OW; ow++) {\n"
			"\t\t\tconst $xt *xw = xr + ow * $sw;\n"
			"\t\t\tint32_t best = xw[0];\n", &v);
		for (int64_t kh = 0; kh < p.kh; kh++)
			for (int64_t kw = kh ? 0 : 1; kw < p.kw; kw++) {
				long long off = kh * p.dh * p.W + kw * p.dw;
				fprintf(e->f, "\t\t\tbest = xw[%lld] > best ? xw[%lld] : best;\n",
					off, off);
			}
		emit_fill(e, "\t\t\tyr[ow] = ($yt)best;\n\t\t}\n\t}\n}\n", &v);
		return 0;
	}
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint c, oh, ow, kh, kw;\n"
		"\tfor (c = 0; c < $NC; c++)\n"
		"\tfor (oh = 0; oh < $OH; oh++)\n"
		"\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\tint32_t best = $below;\n"
		"\t\tfor (kh = 0; kh < $kh; kh++) {\n"
		"\t\t\tint ih = oh * $sh - $pt + kh * $dh;\n"
		"\t\t\tif (ih < 0 || ih >= $H)\n\t\t\t\tcontinue;\n"
		"\t\t\tfor (kw = 0; kw < $kw; kw++) {\n"
		"\t\t\t\tint iw = ow * $sw - $pl + kw * $dw;\n"
		"\t\t\t\tif (iw >= 0 && iw < $W && x[(c * $H + ih) * $W + iw] "
		"> best)\n"
		"\t\t\t\t\tbest = x[(c * $H + ih) * $W + iw];\n"
		"\t\t\t}\n\t\t}\n"
		"\t\t/* a window entirely in padding yields qmin */\n"
		"\t\ty[(c * $OH + oh) * $OW + ow] = ($yt)(best < $qmin ? $qmin : "
		"best);\n"
		"\t}\n}\n", &v);
	return 0;
}

static int emit_qavgpool2d(Emit *e, const Node *n, const char *fn)
{
	PoolGeom p;
	pool_geom(n, &p);
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	char name[400];
	snprintf(name, sizeof name, "%s_m", fn);
	emit_ints(e, "int32_t", name, mult, len);
	snprintf(name, sizeof name, "%s_s", fn);
	emit_ints(e, "uint8_t", name, shift, len);
	EmitVars v = {0};
	pool_vars(&v, n, fn, &p);
	emit_vari(&v, "ptn", -p.pt);
	emit_vari(&v, "pln", -p.pl);
	emit_vari(&v, "Hpb", p.H + p.pb);
	emit_vari(&v, "Wpr", p.W + p.pr);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint c, oh, ow, kh, kw;\n"
		"\tfor (c = 0; c < $NC; c++)\n"
		"\tfor (oh = 0; oh < $OH; oh++)\n"
		"\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\tint32_t acc = 0;\n\t\tint count = 0;\n"
		"\t\tfor (kh = 0; kh < $kh; kh++) {\n"
		"\t\t\tint ih = oh * $sh - $pt + kh;\n"
		"\t\t\tfor (kw = 0; kw < $kw; kw++) {\n"
		"\t\t\t\tint iw = ow * $sw - $pl + kw;\n"
		"\t\t\t\tint inside = ih >= 0 && ih < $H && iw >= 0 && iw < $W;\n"
		"\t\t\t\tif (inside) {\n"
		"\t\t\t\t\tacc += (int32_t)x[(c * $H + ih) * $W + iw]$subzx;\n"
		"\t\t\t\t\tcount++;\n\t\t\t\t}", &v);
	if (attr_int(n, "count_include_pad"))
		/* count_include_pad counts the padding, not the part of a
		 * ceil_mode window past it */
		emit_fill(e, " else if (ih >= $ptn && ih < $Hpb && iw >= $pln && "
			"iw < $Wpr) {\n\t\t\t\t\tcount++;\n\t\t\t\t}", &v);
	emit_fill(e, "\n\t\t\t}\n\t\t}\n"
		"\t\ty[(c * $OH + oh) * $OW + ow] = ($yt)(count == 0 ? "
		"qcc_clamp($zy, $qmin, $qmax) :\n"
		"\t\t\tqcc_requant(acc, ${fn}_m[count - 1], ${fn}_s[count - 1], $zy, "
		"$qmin, $qmax));\n\t}\n}\n", &v);
	return 0;
}

static int emit_qglobal_avgpool(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type;
	int64_t NC = xt->dims[0] * xt->dims[1];
	int64_t area = type_numel(xt) / NC;
	EmitVars v = {0};
	unary_vars(&v, n, fn);
	emit_vari(&v, "NC", NC);
	emit_vari(&v, "area", area);
	emit_vari(&v, "zsum", area * emit_zp(n->in[0]));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint c, i;\n\tfor (c = 0; c < $NC; c++) {\n"
		"\t\tconst $xt *xc = x + c * $area;\n"
		"\t\tint32_t acc = 0;\n"
		"\t\tfor (i = 0; i < $area; i++)\n\t\t\tacc += xc[i];\n"
		"\t\ty[c] = ($yt)qcc_requant((int64_t)acc - $zsum, $mult, $shift, "
		"$zy, $qmin, $qmax);\n\t}\n}\n", &v);
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
	EmitVars v = {0};
	unary_vars(&v, n, fn);
	emit_var(&v, "subqmin", emit_sub(type_qmin(xt)));
	emit_fill(e, xt->elem != DT_I16 ?
		"static void $fn(const $xt *x, $yt *y)\n{\n\tint i;\n"
		"\tfor (i = 0; i < $numel; i++)\n"
		"\t\ty[i] = ${fn}_t[(int32_t)x[i]$subqmin];\n}\n" :
		"static void $fn(const $xt *x, $yt *y)\n{\n\tint i;\n"
		"\tfor (i = 0; i < $numel; i++) {\n"
		"\t\tint32_t u = (int32_t)x[i] + 32768, j = u >> 7, f = u & 127;\n"
		"\t\tint64_t v = ${fn}_t[j] + qcc_round_shift((int64_t)(${fn}_t[j + 1] "
		"- ${fn}_t[j]) * f, 7);\n"
		"\t\ty[i] = ($yt)qcc_clamp(v, $qmin, $qmax);\n\t}\n}\n", &v);
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
	emit_line(e, "static void %s(const %s *x, %s *y)", fn,
		emit_ctype(xt->elem), emit_ctype(yt->elem));
	emit_open(e, "{");
	emit_loops(e, yt);
	emit_line(e, "\ty[%s] = x[%s];", iy, ix);
	emit_close(e);
	return 0;
}

const KernelRow emit_elem_kernels[] = {
	{OP_REQUANTIZE, "generic", "requantize", "always", NULL, NULL,
		emit_requantize, -1},
	{OP_QADD, "generic", "add", "always (broadcast: nested loops)", NULL,
		NULL, emit_qbinary, -1},
	{OP_QMUL, "generic", "mul", "always (broadcast: nested loops)", NULL,
		NULL, emit_qbinary, -1},
	{OP_QMAX, "generic", "max", "always (broadcast: nested loops)", NULL,
		NULL, emit_qextreme, -1},
	{OP_QMIN, "generic", "min", "always (broadcast: nested loops)", NULL,
		NULL, emit_qextreme, -1},
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
	{OP_TRANSPOSE, "generic", "transpose", "always", NULL, NULL,
		emit_transpose, -1},
	{0},
};
