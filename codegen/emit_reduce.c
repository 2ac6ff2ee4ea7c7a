/* emit_reduce.c - the C kernels of pad on integer tensors, qaffine and
 * qreduce, each as its docs/arith.md section with literal shapes. */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* ---------------------------------------------------------------- pad */

/* Per padded axis d a table FN_pd over the output coordinate: the input
 * offset (source index times the input stride), or -1 for the constant;
 * an axis without padding reads i_d * stride directly. */
static int emit_pad(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *pads = attr_ints(n, "pads", NULL);
	const char *mode = attr_str(n, "mode");
	int64_t xs[QCC_MAX_RANK], ys[QCC_MAX_RANK], direct[QCC_MAX_RANK] = {0};
	emit_strides(xt, xs);
	emit_strides(yt, ys);
	char cond[1024] = "", sum[1024] = "", iy[EMIT_IDX_MAX], id[EMIT_IDX_MAX];
	size_t lc = 0, ls = 0;
	for (int d = 0; d < xt->rank; d++) {
		int64_t b = pads[d], len = yt->dims[d], dim = xt->dims[d];
		if (b == 0 && len == dim) {
			direct[d] = xs[d];
			continue;
		}
		int64_t *tab = malloc(len * sizeof *tab);
		if (!tab)
			abort();
		int any_fill = 0;
		for (int64_t i = 0; i < len; i++) {
			int64_t s = i - b;
			if (s < 0 || s >= dim)
				s = !strcmp(mode, "reflect") ? (s < 0 ? -s : 2 * (dim - 1) - s) :
					!strcmp(mode, "edge") ? (s < 0 ? 0 : dim - 1) : -1;
			tab[i] = s < 0 ? -1 : s * xs[d];
			any_fill |= s < 0;
		}
		char name[400];
		snprintf(name, sizeof name, "%s_p%d", fn, d);
		emit_ints(e, "int32_t", name, tab, len);
		free(tab);
		if (any_fill && lc + 450 < sizeof cond)
			lc += snprintf(cond + lc, sizeof cond - lc, "%s%s[i%d] < 0",
				lc ? " || " : "", name, d);
		if (ls + 450 < sizeof sum)
			ls += snprintf(sum + ls, sizeof sum - ls, "%s[i%d] + ", name, d);
	}
	emit_index_expr(direct, xt->rank, id, sizeof id);
	emit_index_expr(ys, yt->rank, iy, sizeof iy);
	emit_line(e, "static void %s(const %s *x, %s *y)", fn,
		emit_ctype(xt->elem), emit_ctype(yt->elem));
	emit_open(e, "{");
	emit_loops(e, yt);
	if (lc)
		emit_line(e, "\ty[%s] = %s ? %lld : x[%s%s];", iy, cond,
			(long long)attr_float(n, "value"), sum, id);
	else
		emit_line(e, "\ty[%s] = x[%s%s];", iy, sum, id);
	emit_close(e);
	return 0;
}

/* Only the integer pad is C (the float one never reaches codegen). */
static int pad_is_int(const Node *n)
{
	return n->out->type.elem != DT_F32;
}

/* ------------------------------------------------------------ qaffine */

static int emit_qaffine(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t outer, channels, inner;
	type_split_axis(yt, 1, &outer, &channels, &inner);
	char name[400];
	static const char *const lists[] = {"mult", "shift", "bias"};
	static const char *const ctypes[] = {"int32_t", "int8_t", "int64_t"};
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "%s_%c", fn, lists[i][0]);
		emit_ints(e, ctypes[i], name, attr_ints(n, lists[i], NULL), channels);
	}
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(xt->elem));
	emit_var(&v, "yt", emit_ctype(yt->elem));
	emit_var(&v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_vari(&v, "zy", emit_zp(n->out));
	emit_vari(&v, "qmin", type_qmin(yt));
	emit_vari(&v, "qmax", type_qmax(yt));
	emit_vari(&v, "outer", outer);
	emit_vari(&v, "C", channels);
	emit_vari(&v, "inner", inner);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint o, c, j;\n"
		"\tfor (o = 0; o < $outer; o++)\n\tfor (c = 0; c < $C; c++) {\n"
		"\t\tconst $xt *xs = x + (o * $C + c) * $inner;\n"
		"\t\t$yt *ys = y + (o * $C + c) * $inner;\n"
		"\t\tfor (j = 0; j < $inner; j++)\n"
		"\t\t\tys[j] = ($yt)qcc_clamp($zy + qcc_round_shift("
		"((int64_t)xs[j]$subzx) * ${fn}_m[c] + ${fn}_b[c], ${fn}_s[c]), "
		"$qmin, $qmax);\n\t}\n}\n", &v);
	return 0;
}

/* ------------------------------------------------------------ qreduce */

/* The kept axes of x as loops in order, the output written in that
 * order (y[k++]); inside, the accumulator and the reduced axes' loops. */
static int emit_qreduce(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	unsigned char red[QCC_MAX_RANK];
	reduce_mask(n, xt, red);
	int f = reduce_fn(n);
	int64_t xs[QCC_MAX_RANK], kept[QCC_MAX_RANK];
	emit_strides(xt, xs);
	char vars[16 * QCC_MAX_RANK], ix[EMIT_IDX_MAX], ik[EMIT_IDX_MAX];
	size_t len = 0;
	for (int d = 0; d < xt->rank; d++) {
		len += snprintf(vars + len, sizeof vars - len, ", i%d", d);
		kept[d] = red[d] ? 0 : xs[d];
	}
	emit_index_expr(xs, xt->rank, ix, sizeof ix);
	emit_index_expr(kept, xt->rank, ik, sizeof ik);
	int32_t zx = emit_zp(n->in[0]);
	int64_t count = type_numel(xt) / type_numel(yt);
	const char *xc = emit_ctype(xt->elem);
	emit_line(e, "static void %s(const %s *x, %s *y)", fn, xc,
		emit_ctype(yt->elem));
	emit_open(e, "{");
	emit_line(e, "int k = 0%s;", vars);
	for (int d = 0; d < xt->rank; d++)
		if (!red[d])
			emit_line(e, "for (i%d = 0; i%d < %lld; i%d++)", d, d,
				(long long)xt->dims[d], d);
	emit_open(e, "{");
	int extreme = f == REDUCE_MAX || f == REDUCE_MIN;
	if (extreme)
		emit_line(e, "int32_t acc = x[%s];", ik);
	else
		emit_line(e, "int32_t acc = 0;");
	for (int d = 0; d < xt->rank; d++)
		if (red[d])
			emit_line(e, "for (i%d = 0; i%d < %lld; i%d++)", d, d,
				(long long)xt->dims[d], d);
	if (extreme) {
		emit_line(e, "\tif (x[%s] %c acc)", ix, f == REDUCE_MAX ? '>' : '<');
		emit_line(e, "\t\tacc = x[%s];", ix);
	} else if (f == REDUCE_SUM_SQUARE && attr_int(n, "pre"))
		emit_line(e, "\tacc += (int32_t)(((int64_t)(x[%s]%s) * (x[%s]%s) + "
			"%lld) >> %lld);", ix, emit_sub(zx), ix, emit_sub(zx),
			1LL << (attr_int(n, "pre") - 1), (long long)attr_int(n, "pre"));
	else if (f == REDUCE_SUM_SQUARE)
		emit_line(e, "\tacc += (x[%s]%s) * (x[%s]%s);", ix, emit_sub(zx), ix,
			emit_sub(zx));
	else if (f == REDUCE_L1)
		emit_line(e, "\tacc += x[%s] < %d ? %d - x[%s] : x[%s]%s;", ix,
			(int)zx, (int)zx, ix, ix, emit_sub(zx));
	else
		emit_line(e, "\tacc += x[%s];", ix);
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int32_t z = f == REDUCE_SUM_SQUARE || f == REDUCE_L1 ? 0 : extreme ? zx :
		(int32_t)(count * zx);
	emit_line(e, "y[k++] = (%s)qcc_requant((int64_t)acc%s, %lld, %lld, %d, "
		"%lld, %lld);", emit_ctype(yt->elem), emit_sub(z), (long long)mult[0],
		(long long)shift[0], (int)emit_zp(n->out), (long long)type_qmin(yt),
		(long long)type_qmax(yt));
	emit_close(e);
	emit_close(e);
	return 0;
}

const KernelRow emit_reduce_kernels[] = {
	{OP_PAD, "generic", "pad", "integer tensors (a table of source offsets "
		"per padded axis)", pad_is_int, NULL, emit_pad, -1},
	{OP_QAFFINE, "generic", "affine", "always", NULL, NULL, emit_qaffine, -1},
	{OP_QREDUCE, "generic", "reduce", "always (int32 accumulator)", NULL,
		NULL, emit_qreduce, -1},
	{0},
};
