/* emit_arith.c - the C kernels of the arithmetic of activations: qsum,
 * qprelu, qdiv, qpwl, qsoftmax, qlog_softmax and qlayernorm (docs/arith.md), each the contract's
 * expression with literal constants over the output's index space
 * (emit_elem_kernel), or over the slices of an axis (qlog_softmax).
 */
#include <stdio.h>
#include <string.h>

#include "emit.h"

/* The output's grid: zy, qmin, qmax. */
static void grid_vars(EmitVars *v, const Node *n)
{
	emit_vari(v, "zy", emit_zp(n->out));
	emit_vari(v, "qmin", type_qmin(&n->out->type));
	emit_vari(v, "qmax", type_qmax(&n->out->type));
}

/* zy + R(sum_i (x_i - z_i) * mult[i], shift): the sum written out. */
static int emit_qsum(Emit *e, const Node *n, const char *fn)
{
	const int64_t *mult = attr_ints(n, "mult", NULL);
	char sum[2048];
	size_t len = 0;
	for (int i = 0; i < n->nin && len < sizeof sum - 80; i++)
		len += snprintf(sum + len, sizeof sum - len,
			"%s((int64_t)x%d[$i%d]%s) * %lld", i ? " +\n\t\t" : "", i, i,
			emit_sub(emit_zp(n->in[i])), (long long)mult[i]);
	EmitVars v = {0};
	grid_vars(&v, n);
	emit_vari(&v, "shift", attr_ints(n, "shift", NULL)[0]);
	char tmpl[2400];
	snprintf(tmpl, sizeof tmpl, "y[$iy] = ($yt)qcc_clamp($zy + "
		"qcc_round_shift(\n\t%s, $shift), $qmin, $qmax);\n", sum);
	return emit_elem_kernel(e, n, fn, &v, tmpl);
}

static int emit_qprelu(Emit *e, const Node *n, const char *fn)
{
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	EmitVars v = {0};
	grid_vars(&v, n);
	emit_var(&v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_var(&v, "subza", emit_sub(emit_zp(n->in[1])));
	emit_vari(&v, "mp", mult[0]);
	emit_vari(&v, "sp", shift[0]);
	emit_vari(&v, "mn", mult[1]);
	emit_vari(&v, "sn", shift[1]);
	return emit_elem_kernel(e, n, fn, &v, "{\n"
		"\tint64_t u = (int64_t)x0[$i0]$subzx;\n"
		"\ty[$iy] = ($yt)qcc_clamp($zy + (u >= 0 ? qcc_round_shift(u * $mp, "
		"$sp) :\n"
		"\t\tqcc_round_shift(u * ((int64_t)x1[$i1]$subza) * $mn, $sn)), $qmin, "
		"$qmax);\n}\n");
}

/* The quotient rounded half away from zero on magnitudes (no division of
 * a negative number), then one requantization; a zero divisor saturates
 * by the sign of the dividend. */
static int emit_qdiv(Emit *e, const Node *n, const char *fn)
{
	const Type *yt = &n->out->type;
	int32_t zy = emit_zp(n->out);
	EmitVars v = {0};
	grid_vars(&v, n);
	emit_vari(&v, "zyc", zy < type_qmin(yt) ? type_qmin(yt) :
		zy > type_qmax(yt) ? type_qmax(yt) : zy);
	emit_var(&v, "subza", emit_sub(emit_zp(n->in[0])));
	emit_var(&v, "subzb", emit_sub(emit_zp(n->in[1])));
	emit_vari(&v, "frac", attr_int(n, "frac"));
	emit_vari(&v, "mult", attr_ints(n, "mult", NULL)[0]);
	emit_vari(&v, "shift", attr_ints(n, "shift", NULL)[0]);
	return emit_elem_kernel(e, n, fn, &v, "{\n"
		"\tint64_t u = (int64_t)x0[$i0]$subza, d = (int64_t)x1[$i1]$subzb;\n"
		"\tint64_t num = (u < 0 ? -u : u) << $frac, den = d < 0 ? -d : d;\n"
		"\tint64_t t = den ? (2 * num + den) / (2 * den) : 0;\n"
		"\tif ((u < 0) != (d < 0))\n\t\tt = -t;\n"
		"\ty[$iy] = ($yt)(d ? qcc_clamp($zy + qcc_round_shift(t * $mult, "
		"$shift), $qmin, $qmax) :\n"
		"\t\tu > 0 ? $qmax : u < 0 ? $qmin : $zyc);\n}\n");
}

/* FN_e (the exp table, attribute tab) and (16-bit input) FN_h; in ex
 * the C expression of the exponential at the distance d. */
static void exp_tables(Emit *e, const Node *n, const char *fn,
	const char *tab, char *ex, size_t size)
{
	int len, nhi;
	const int64_t *etab = attr_ints(n, tab, &len);
	const int64_t *hi = attr_ints(n, "exp_hi", &nhi);
	char name[400];
	snprintf(name, sizeof name, "%s_e", fn);
	emit_ints(e, "int32_t", name, etab, len);
	if (nhi) {
		snprintf(name, sizeof name, "%s_h", fn);
		emit_ints(e, "int32_t", name, hi, nhi);
	}
	/* the table, or its high byte's entry times the low byte's */
	if (nhi)
		snprintf(ex, size, "(d < 256 ? %s_e[d] : qcc_round_shift("
			"(int64_t)%s_h[d >> 8] * %s_e[d & 255], 16))", fn, fn, fn);
	else
		snprintf(ex, size, "%s_e[d]", fn);
}

/* The variables of a kernel over the slices of the axis: fn, xt, yt,
 * outer, L, inner, Linner, the output grid and exp, the exponential. */
static void slice_vars(EmitVars *v, const Node *n, const char *fn,
	const char *ex)
{
	const Type *xt = &n->in[0]->type;
	int axis = (int)attr_int(n, "axis");
	int64_t outer, L, inner;
	type_split_axis(xt, axis < 0 ? axis + xt->rank : axis, &outer, &L, &inner);
	grid_vars(v, n);
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(xt->elem));
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(v, "outer", outer);
	emit_vari(v, "L", L);
	emit_vari(v, "inner", inner);
	emit_vari(v, "Linner", L * inner);
	emit_var(v, "exp", ex);
}

/* Per slice: the maximum, the sum of the exponentials, then each output
 * zy + (2 U e + S) / (2 S), U the output grid's 1.0 (256 or 32768). */
static int emit_qsoftmax(Emit *e, const Node *n, const char *fn)
{
	char ex[1400];
	exp_tables(e, n, fn, "table", ex, sizeof ex);
	EmitVars v = {0};
	slice_vars(&v, n, fn, ex);
	emit_vari(&v, "U2", n->out->type.elem == DT_I16 ? 65536 : 512);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint o, r, i;\n"
		"\tfor (o = 0; o < $outer; o++)\n\tfor (r = 0; r < $inner; r++) {\n"
		"\t\tconst $xt *xs = x + o * $Linner + r;\n"
		"\t\t$yt *ys = y + o * $Linner + r;\n"
		"\t\tint32_t m = xs[0];\n\t\tint64_t sum = 0;\n"
		"\t\tfor (i = 1; i < $L; i++)\n"
		"\t\t\tif (xs[i * $inner] > m)\n\t\t\t\tm = xs[i * $inner];\n"
		"\t\tfor (i = 0; i < $L; i++) {\n"
		"\t\t\tint32_t d = m - xs[i * $inner];\n"
		"\t\t\tsum += $exp;\n\t\t}\n"
		"\t\tfor (i = 0; i < $L; i++) {\n"
		"\t\t\tint32_t d = m - xs[i * $inner];\n"
		"\t\t\tint64_t ex = $exp;\n"
		"\t\t\tys[i * $inner] = ($yt)qcc_clamp($zy + ($U2 * ex + sum) / "
		"(2 * sum),\n\t\t\t\t$qmin, $qmax);\n"
		"\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* Per slice: the maximum, the sum of exp table entries, its fixed-point
 * log (leading one, then the log table interpolated), then each output. */
static int emit_qlog_softmax(Emit *e, const Node *n, const char *fn)
{
	const int64_t *mult = attr_ints(n, "mult", NULL);
	char ex[1400], name[400];
	exp_tables(e, n, fn, "exp_table", ex, sizeof ex);
	snprintf(name, sizeof name, "%s_l", fn);
	emit_ints(e, "int32_t", name, attr_ints(n, "ln_table", NULL), 257);
	EmitVars v = {0};
	slice_vars(&v, n, fn, ex);
	emit_vari(&v, "m0", mult[0]);
	emit_vari(&v, "m1", mult[1]);
	emit_vari(&v, "shift", attr_ints(n, "shift", NULL)[0]);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint o, r, i, b;\n"
		"\tfor (o = 0; o < $outer; o++)\n\tfor (r = 0; r < $inner; r++) {\n"
		"\t\tconst $xt *xs = x + o * $Linner + r;\n"
		"\t\t$yt *ys = y + o * $Linner + r;\n"
		"\t\tint32_t m = xs[0], j, f;\n\t\tint64_t sum = 0, rest, l;\n"
		"\t\tfor (i = 1; i < $L; i++)\n"
		"\t\t\tif (xs[i * $inner] > m)\n\t\t\t\tm = xs[i * $inner];\n"
		"\t\tfor (i = 0; i < $L; i++) {\n"
		"\t\t\tint32_t d = m - xs[i * $inner];\n"
		"\t\t\tsum += $exp;\n\t\t}\n"
		"\t\tfor (b = 0; (sum >> (b + 1)) != 0; b++)\n\t\t\t;\n"
		"\t\trest = (b >= 16 ? sum >> (b - 16) : sum << (16 - b)) - 65536;\n"
		"\t\tj = (int32_t)(rest >> 8), f = (int32_t)(rest & 255);\n"
		"\t\tl = (int64_t)(b - 16) * ${fn}_l[256] + ${fn}_l[j] +\n"
		"\t\t\tqcc_round_shift((int64_t)(${fn}_l[j + 1] - ${fn}_l[j]) * f, 8);\n"
		"\t\tl *= $m1;\n"
		"\t\tfor (i = 0; i < $L; i++)\n"
		"\t\t\tys[i * $inner] = ($yt)qcc_clamp($zy + qcc_round_shift(\n"
		"\t\t\t\t((int64_t)xs[i * $inner] - m) * $m0 - l, $shift), $qmin, "
		"$qmax);\n"
		"\t}\n}\n", &v);
	return 0;
}

/* Per slice: the integer sums, the variance D (times n^2, plus eps), its
 * square root scaled into [2^30, 2^31) by qcc_isqrt, the reciprocal, then
 * each output through its channel's mult, bias and shift (FN_m, FN_b,
 * FN_s). */
static int emit_qlayernorm(Emit *e, const Node *n, const char *fn)
{
	const Type *xt = &n->in[0]->type;
	int64_t axis = attr_int(n, "axis"), outer = 1, len = 1;
	for (int i = 0; i < xt->rank; i++)
		*(i < (axis < 0 ? axis + xt->rank : axis) ? &outer : &len) *=
			xt->dims[i];
	char name[400];
	snprintf(name, sizeof name, "%s_m", fn);
	emit_ints(e, "int32_t", name, attr_ints(n, "mult", NULL), len);
	snprintf(name, sizeof name, "%s_b", fn);
	emit_ints(e, "int64_t", name, attr_ints(n, "bias", NULL), len);
	snprintf(name, sizeof name, "%s_s", fn);
	emit_ints(e, "uint8_t", name, attr_ints(n, "shift", NULL), len);
	EmitVars v = {0};
	grid_vars(&v, n);
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(xt->elem));
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_var(&v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_vari(&v, "outer", outer);
	emit_vari(&v, "n", len);
	emit_vari(&v, "eps", attr_int(n, "eps"));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint o, i, b, k;\n"
		"\tfor (o = 0; o < $outer; o++) {\n"
		"\t\tconst $xt *xs = x + o * $n;\n"
		"\t\t$yt *ys = y + o * $n;\n"
		"\t\tint64_t s1 = 0, s2 = 0, d, r, inv;\n"
		"\t\tfor (i = 0; i < $n; i++) {\n"
		"\t\t\tint64_t u = (int64_t)xs[i]$subzx;\n"
		"\t\t\ts1 += u;\n\t\t\ts2 += u * u;\n\t\t}\n"
		"\t\td = $n * s2 - s1 * s1 + ${eps}LL;\n"
		"\t\tif (d == 0)\n\t\t\td = 1;\n"
		"\t\tfor (b = 0; (d >> (b + 1)) != 0; b++)\n\t\t\t;\n"
		"\t\tk = (61 - b) >> 1;\n"
		"\t\tr = (int64_t)qcc_isqrt((uint64_t)d << (2 * k));\n"
		"\t\tinv = (((int64_t)1 << 61) + r) / (2 * r);\n"
		"\t\tfor (i = 0; i < $n; i++) {\n"
		"\t\t\tint64_t c = $n * ((int64_t)xs[i]$subzx) - s1;\n"
		"\t\t\tint64_t t = qcc_round_shift(c * inv, 40 - k);\n"
		"\t\t\tys[i] = ($yt)qcc_clamp($zy + qcc_round_shift(t * ${fn}_m[i] +\n"
		"\t\t\t\t${fn}_b[i], ${fn}_s[i]), $qmin, $qmax);\n"
		"\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* The piece's constants (FN_q, the squares, only when one is not 0). */
static void pwl_tables(Emit *e, const Node *n, const char *fn, int nk)
{
	int nq;
	const int64_t *square = attr_ints(n, "square", &nq);
	char name[400];
	snprintf(name, sizeof name, "%s_m", fn);
	emit_ints(e, "int32_t", name, attr_ints(n, "mult", NULL), nk + 1);
	snprintf(name, sizeof name, "%s_b", fn);
	emit_ints(e, "int64_t", name, attr_ints(n, "bias", NULL), nk + 1);
	if (nq) {
		snprintf(name, sizeof name, "%s_q", fn);
		emit_ints(e, "int32_t", name, square, nq);
	}
	if (nk) {
		snprintf(name, sizeof name, "%s_k", fn);
		emit_ints(e, "int32_t", name, attr_ints(n, "knots", NULL), nk);
	}
}

/* The knots scanned from the first (there are at most three), then the
 * piece's polynomial; without knots the one piece. */
static int emit_qpwl(Emit *e, const Node *n, const char *fn)
{
	int nk, nq;
	attr_ints(n, "knots", &nk);
	attr_ints(n, "square", &nq);
	pwl_tables(e, n, fn, nk);
	EmitVars v = {0};
	grid_vars(&v, n);
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_var(&v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_vari(&v, "numel", type_numel(&n->out->type));
	emit_vari(&v, "nk", nk);
	emit_vari(&v, "shift", attr_int(n, "shift"));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y)\n{\n"
		"\tint i, k = 0;\n"
		"\tfor (i = 0; i < $numel; i++) {\n"
		"\t\tint64_t u = (int64_t)x[i]$subzx;\n", &v);
	if (nk)
		emit_fill(e, "\t\tfor (k = 0; k < $nk && x[i] >= ${fn}_k[k]; k++)\n"
			"\t\t\t;\n", &v);
	emit_fill(e, nq ? "\t\ty[i] = ($yt)qcc_clamp($zy + qcc_round_shift(u * u * "
		"${fn}_q[k] +\n\t\t\tu * ${fn}_m[k] + ${fn}_b[k], $shift), $qmin, "
		"$qmax);\n\t}\n}\n" :
		"\t\ty[i] = ($yt)qcc_clamp($zy + qcc_round_shift(u * ${fn}_m[k] + "
		"${fn}_b[k], $shift),\n\t\t\t$qmin, $qmax);\n\t}\n}\n", &v);
	return 0;
}

const KernelRow emit_arith_kernels[] = {
	{OP_QSUM, "generic", "sum", "always (broadcast: nested loops)", NULL,
		NULL, emit_qsum, -1},
	{OP_QPRELU, "generic", "prelu", "always (broadcast slope: nested loops)",
		NULL, NULL, emit_qprelu, -1},
	{OP_QDIV, "generic", "div", "always (broadcast: nested loops)", NULL,
		NULL, emit_qdiv, -1},
	{OP_QSOFTMAX, "generic", "softmax", "always", NULL, NULL, emit_qsoftmax,
		-1},
	{OP_QLOG_SOFTMAX, "generic", "log_softmax", "always", NULL, NULL,
		emit_qlog_softmax, -1},
	{OP_QLAYERNORM, "generic", "layernorm", "always", NULL, NULL,
		emit_qlayernorm, -1},
	{OP_QPWL, "generic", "pwl", "always (a scan of the knots)", NULL, NULL,
		emit_qpwl, -1},
	{0},
};
