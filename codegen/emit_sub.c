/* emit_sub.c - the C kernels of qconv2d and qdense whose weights are
 * packed below a byte: 4 bits (two to a byte) or 2 bits (four to a byte),
 * in the layout of ir/pack.c (pack_sub_spec): per output channel a row of
 * its K taps in the IR's (ic, kh, kw) order, padded with zeros to a whole
 * byte, low bits first. The simulator reads the same layout (exec/wpack.c).
 *
 *   conv_sub   per group the input channels are copied as x - zx into int16
 *              planes with zeros in the padding; per output channel its
 *              row is unpacked once into int16 taps (sign extended by
 *              ((v & mask) ^ sign) - sign), then each nonzero tap adds a
 *              weighted shifted plane to the channel's accumulators.
 *   dense_sub  the input rows as x - zx in int16; each weight byte is
 *              unpacked where it is used, against the 2 (4) inputs it
 *              covers.
 *
 * Binary and ternary weights (-1, 0, +1) are added or subtracted instead
 * of multiplied; group-wise scales (wgroup) multiply each unpacked conv
 * tap, or each dense group's partial sum, by the group's multiplier.
 * Both accumulate the contract's sum exactly: bias + sum (x - zx) w, in
 * int32 when the recorded accumulator bound allows, else int64. The rows
 * are written for every target and their table is searched first, so a
 * target's own 8-bit rows never see packed weights.
 */
#include <stdlib.h>

#include "emit.h"

/* The packed width of n's weights (4 or 2), 0 if they are not packed. */
static int sub_bits(const Node *n)
{
	return pack_weight_bits(n->in[1]);
}

static int sub_applies(const Node *n)
{
	return sub_bits(n) != 0;
}

/* Whether n has group-wise weight scales (wgroup). */
static int grouped(const Node *n)
{
	return attr_int(n, "wgroup") > 0;
}

/* Weights of -1, 0 and +1 only (binary, or ternary at 2 bits): the
 * kernels add and subtract instead of multiplying. */
static int adds_only(const Node *n)
{
	return !grouped(n) && (sub_bits(n) == 1 || pack_ternary(n->in[1]));
}

/* Whether some channel's accumulator may leave int32 (then int64): the
 * bound of the weights times their group multipliers, if any. */
static int sub_wide(const Node *n, const int32_t *w, int64_t M, int64_t K)
{
	const int32_t *bias = n->nin > 2 && n->in[2] ? n->in[2]->data : NULL;
	int32_t *g = q_group_weights(n, w, M, K);
	int wide = 0;
	for (int64_t m = 0; m < M && !wide; m++)
		wide = q_acc_bound(&n->in[0]->type, (g ? g : w) + m * K, K,
			bias ? bias[m] : 0) > INT32_MAX;
	free(g);
	return wide;
}

/* FN_c (the bias, 0 without one) and the requantization's FN_m, FN_s;
 * -1 (reported) if the bias is not constant. */
static int bias_consts(Emit *e, const Node *n, const char *fn, int64_t M)
{
	const int32_t *bias = NULL;
	if (n->nin > 2 && n->in[2] && !(bias = emit_const_data(n, 2, "bias")))
		return -1;
	int64_t *c = malloc((M + 1) * sizeof *c);
	if (!c)
		abort();
	for (int64_t m = 0; m < M; m++)
		c[m] = bias ? bias[m] : 0;
	emit_channel_consts(e, n, fn, c, M, 1, NULL);
	free(c);
	return 0;
}

/* FN_w, the packed rows, FN_c (the bias) and the requantization's FN_m,
 * FN_s; the weights [M][K] (NULL, reported, if not constant) and *wide. */
static const int32_t *sub_consts(Emit *e, const Node *n, const char *fn,
	int64_t M, int64_t K, int *wide)
{
	const int32_t *w = emit_const_data(n, 1, "weights");
	if (!w || bias_consts(e, n, fn, M) < 0)
		return NULL;
	*wide = sub_wide(n, w, M, K);
	char name[400];
	if (grouped(n)) {
		snprintf(name, sizeof name, "%s_g", fn);
		emit_ints(e, "int16_t", name, attr_ints(n, "wgmult", NULL),
			M * q_groups(n, K));
	}
	PackSpec s = pack_sub_spec(sub_bits(n));
	int64_t bytes = pack_bytes(&s, M, K);
	uint8_t *p = malloc((size_t)bytes + 1);
	int32_t *v = malloc((size_t)(bytes + 1) * sizeof *v);
	if (!p || !v)
		abort();
	pack_rows(&s, w, M, K, p);
	for (int64_t i = 0; i < bytes; i++)
		v[i] = p[i];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_bytes(e, name, v, bytes, 0);
	free(p);
	free(v);
	return w;
}

/* $fn and the input's and output's C types, $xt and $yt. */
static void io_vars(EmitVars *v, const Node *n, const char *fn)
{
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
}

/* A conv's geometry: $N, $C, $H, $W, $OC, $ICG, $OCG, $groups, $KH, $KW,
 * $OH, $OW, $sh, $sw, $dh, $dw, $pt, $pl. */
static void geom_vars(EmitVars *v, const WinGeom *c)
{
	const char *names[] = {"N", "C", "H", "W", "OC", "ICG", "OCG", "groups",
		"KH", "KW", "OH", "OW", "sh", "sw", "dh", "dw", "pt", "pl"};
	int64_t vals[] = {c->N, c->C, c->H, c->W, c->OC, c->ICG, c->OCG,
		c->groups, c->KH, c->KW, c->OH, c->OW, c->sh, c->sw, c->dh, c->dw,
		c->pt, c->pl};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		emit_vari(v, names[i], vals[i]);
}

/* The template values both kernels name: types, the accumulator, the
 * packed row (Kp taps, RB bytes) and the unpacking ($per values of $bits
 * bits a byte, $mask, $sign). */
static void sub_vars(EmitVars *v, const Node *n, const char *fn, int64_t K,
	int wide)
{
	int bits = sub_bits(n);
	PackSpec s = pack_sub_spec(bits);
	int64_t Kp = pack_kp(&s, K);
	io_vars(v, n, fn);
	emit_var(v, "acc", wide ? "int64_t" : "int32_t");
	emit_var(v, "subzx", emit_sub(emit_zp(n->in[0])));
	emit_vari(v, "K", K);
	emit_vari(v, "Kp", Kp);
	emit_vari(v, "RB", Kp * bits / 8);
	emit_vari(v, "bits", bits);
	emit_vari(v, "per", 8 / bits);
	emit_vari(v, "mask", (1 << bits) - 1);
	emit_vari(v, "sign", 1 << (bits - 1));
	emit_vari(v, "G", grouped(n) ? attr_int(n, "wgroup") : 0);
	emit_vari(v, "ng", q_groups(n, K));
	emit_vari(v, "GB", grouped(n) ? attr_int(n, "wgroup") * bits / 8 : 0);
}

/* `dst[i] = tap i of the byte v` for i < per, at the current depth:
 * dst is a printf format taking i. */
static void emit_unpack(Emit *e, int bits, const char *dst)
{
	int mask = (1 << bits) - 1, sign = 1 << (bits - 1);
	char lhs[256];
	for (int i = 0; i < 8 / bits; i++) {
		snprintf(lhs, sizeof lhs, dst, i);
		if (bits == 1)   /* binary: a set bit is +1 */
			emit_line(e, "%s = (int16_t)((v >> %d & 1) * 2 - 1);", lhs, i);
		else if (i == 0)
			emit_line(e, "%s = (int16_t)(((v & %d) ^ %d) - %d);", lhs, mask,
				sign, sign);
		else
			emit_line(e, "%s = (int16_t)(((v >> %d & %d) ^ %d) - %d);", lhs,
				i * bits, mask, sign, sign);
	}
}

/* ------------------------------------------------------------ qconv2d */

/* Group gi's input channels (of sample b) into int16 planes xp
 * [ICG][PH][PW] as x - zx, zeros in the padding ($ICG, $PHW, $PH, $PW,
 * $pt, $pl, $H, $W, $C, $xt, $subzx; locals q, ic, r). */
#define CONV_PLANES \
	"\t\t/* the group's input as x - zx, 0 in the padding */\n" \
	"\t\tfor (q = 0; q < $ICG * $PHW; q++)\n" \
	"\t\t\txp[q] = 0;\n" \
	"\t\tfor (ic = 0; ic < $ICG; ic++)\n" \
	"\t\t\tfor (r = 0; r < $PH; r++) {\n" \
	"\t\t\t\tint ih = r - $pt, iw;\n" \
	"\t\t\t\tconst $xt *xr;\n" \
	"\t\t\t\tint16_t *pr = xp + (ic * $PH + r) * $PW;\n" \
	"\t\t\t\tif (ih < 0 || ih >= $H)\n" \
	"\t\t\t\t\tcontinue;\n" \
	"\t\t\t\txr = x + ((b * $C + gi * $ICG + ic) * $H + ih) * $W;\n" \
	"\t\t\t\tfor (iw = 0; iw < $W; iw++)\n" \
	"\t\t\t\t\tif (iw + $pl < $PW)\n" \
	"\t\t\t\t\t\tpr[iw + $pl] = (int16_t)(xr[iw]$subzx);\n" \
	"\t\t\t}\n"

/* The planes of one group's input channels, as many rows and columns as
 * the outputs read (padding included). */
static void plane_dims(const WinGeom *c, int64_t *PH, int64_t *PW)
{
	*PH = (c->OH - 1) * c->sh + (c->KH - 1) * c->dh + 1;
	*PW = (c->OW - 1) * c->sw + (c->KW - 1) * c->dw + 1;
}

/* Accumulators of one output plane (8 bytes each at most), then the int16
 * planes of a group and one unpacked row. */
static int64_t conv_sub_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	int64_t PH, PW;
	plane_dims(&c, &PH, &PW);
	PackSpec s = pack_sub_spec(sub_bits(n));
	return c.OH * c.OW * 8 + (c.ICG * PH * PW + pack_kp(&s, c.K)) * 2;
}

/* Kernels of at most this many taps a channel sum them in one pass. */
#define MAX_TAPS 25

/* One pass a tap over the output plane, zero taps skipped; binary and
 * ternary taps (-1 or +1 when not 0) add or subtract the shifted plane. */
static void emit_tap_passes(Emit *e, const Node *n, const EmitVars *v)
{
	emit_fill(e, "\t\t\tfor (ic = 0; ic < $ICG; ic++)\n"
		"\t\t\tfor (kh = 0; kh < $KH; kh++)\n"
		"\t\t\tfor (kw = 0; kw < $KW; kw++) {\n"
		"\t\t\t\tconst $acc wv = wr[(ic * $KH + kh) * $KW + kw];\n"
		"\t\t\t\tconst int16_t *xs = xp + (ic * $PH + kh * $dh) * $PW + "
		"kw * $dw;\n"
		"\t\t\t\tif (wv == 0)\n"
		"\t\t\t\t\tcontinue;\n", v);
	const char *ops[] = {" += wv *", " +=", " -="};
	for (int i = adds_only(n) ? 1 : 0; i < (adds_only(n) ? 3 : 1); i++) {
		EmitVars vi = *v;
		emit_var(&vi, "op", ops[i]);
		if (adds_only(n))
			emit_line(e, "\t\t\t\t%s", i == 1 ? "if (wv > 0)" : "else");
		emit_fill(e, "\t\t\t\tfor (oh = 0; oh < $OH; oh++) {\n"
			"\t\t\t\t\tconst int16_t *xr = xs + oh * $sh * $PW;\n"
			"\t\t\t\t\t$acc *ar = acc + oh * $OW;\n"
			"\t\t\t\t\tfor (ow = 0; ow < $OW; ow++)\n"
			"\t\t\t\t\t\tar[ow]$op xr[ow * $sw];\n"
			"\t\t\t\t}\n", &vi);
	}
	emit_fill(e, "\t\t\t}\n", v);
}

/* The passes over the output plane, cp input channels a pass (cp divides
 * ICG): their cp * KH * KW taps held in locals and summed at literal
 * offsets, one accumulator update a pixel (the plane's loads and stores
 * shared by all the taps). */
static void emit_channel_pass(Emit *e, const WinGeom *c, int64_t PW,
	int64_t PHW, int64_t cp, const EmitVars *v, const char *acc)
{
	int64_t T = c->KH * c->KW;
	EmitVars vi = *v;
	emit_vari(&vi, "cp", cp);
	emit_fill(e, "\t\t\tfor (ic = 0; ic < $ICG; ic += $cp) {\n"
		"\t\t\t\tconst int16_t *xs = xp + ic * $PHW;\n"
		"\t\t\t\tconst int16_t *wk = wr + ic * $KH * $KW;\n", &vi);
	for (int64_t t = 0; t < cp * T; t++)
		fprintf(e->f, "\t\t\t\tconst %s w%lld = wk[%lld];\n", acc,
			(long long)t, (long long)t);
	emit_fill(e, "\t\t\t\tfor (oh = 0; oh < $OH; oh++) {\n"
		"\t\t\t\t\tconst int16_t *xr = xs + oh * $sh * $PW;\n"
		"\t\t\t\t\t$acc *ar = acc + oh * $OW;\n"
		"\t\t\t\t\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\t\t\t\t\tconst int16_t *xo = xr + ow * $sw;\n"
		"\t\t\t\t\t\tar[ow] += ", &vi);
	for (int64_t t = 0; t < cp * T; t++) {
		int64_t k = t % T;
		fprintf(e->f, "%sw%lld * xo[%lld]", t ? " + " : "", (long long)t,
			(long long)(t / T * PHW + k / c->KW * c->dh * PW +
			k % c->KW * c->dw));
	}
	fprintf(e->f, ";\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n");
}

/* A pass takes as many channels as make up to CHANNEL_TAPS taps. */
#define CHANNEL_TAPS 8

/* What both conv kernels start from: the geometry, the constants
 * (sub_consts), the planes' PH x PW and the template values ($PH, $PW,
 * $PHW, $OHW besides sub_vars' and geom_vars'); -1 if the constants are
 * not constant. */
static int conv_prep(Emit *e, const Node *n, const char *fn, WinGeom *c,
	int *wide, int64_t *PH, int64_t *PW, EmitVars *v)
{
	geom_conv(n, c);
	if (!sub_consts(e, n, fn, c->OC, c->K, wide))
		return -1;
	plane_dims(c, PH, PW);
	sub_vars(v, n, fn, c->K, *wide);
	geom_vars(v, c);
	emit_vari(v, "PH", *PH);
	emit_vari(v, "PW", *PW);
	emit_vari(v, "OHW", c->OH * c->OW);
	emit_vari(v, "PHW", *PH * *PW);
	return 0;
}

static int emit_conv_sub(Emit *e, const Node *n, const char *fn)
{
	WinGeom c;
	int wide;
	int64_t PH, PW;
	EmitVars v = {0};
	if (conv_prep(e, n, fn, &c, &wide, &PH, &PW, &v) < 0)
		return -1;
	int pass = !adds_only(n) && c.KH * c.KW <= MAX_TAPS;
	emit_var(&v, "khkw", pass ? "" : ", kh, kw");
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\t$acc *acc = scratch;\n"
		"\tint16_t *xp = (int16_t *)scratch + $OHW * 4;\n"
		"\tint16_t *wr = xp + $ICG * $PHW;\n"
		"\tint b, gi, oc, ic, r, k, oh, ow, q$khkw;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (gi = 0; gi < $groups; gi++) {\n", &v);
	emit_fill(e, CONV_PLANES, &v);
	emit_fill(e, "\t\tfor (oc = gi * $OCG; oc < (gi + 1) * $OCG; oc++) {\n"
		"\t\t\tconst uint8_t *wb = ${fn}_w + oc * $RB;\n"
		"\t\t\t/* the row's $Kp taps, $per to a byte, low bits first */\n"
		"\t\t\tfor (k = 0; k < $RB; k++) {\n"
		"\t\t\t\tint v = wb[k];\n", &v);
	char dst[64];
	snprintf(dst, sizeof dst, "wr[k * %d + %%d]", 8 / sub_bits(n));
	int depth = e->depth;
	e->depth += 4;
	emit_unpack(e, sub_bits(n), dst);
	e->depth = depth;
	emit_fill(e, "\t\t\t}\n", &v);
	if (grouped(n))
		/* |w| <= 7 (4 bits, restricted) times r <= QCC_WGMULT_MAX
		 * stays in int16 */
		emit_fill(e, "\t\t\t/* group-wise scales: each tap times its "
			"group's multiplier */\n"
			"\t\t\tfor (k = 0; k < $K; k++)\n"
			"\t\t\t\twr[k] = (int16_t)(wr[k] * ${fn}_g[oc * $ng + k / $G]);\n",
			&v);
	emit_fill(e, ""
		"\t\t\tfor (q = 0; q < $OHW; q++)\n"
		"\t\t\t\tacc[q] = 0;\n", &v);
	const char *acc = wide ? "int64_t" : "int32_t";
	/* channels a pass: the most that divide ICG within CHANNEL_TAPS */
	int64_t cp = CHANNEL_TAPS / (c.KH * c.KW);
	while (cp > 1 && c.ICG % cp)
		cp--;
	if (pass)
		emit_channel_pass(e, &c, PW, PH * PW, cp < 1 ? 1 : cp, &v, acc);
	else
		emit_tap_passes(e, n, &v);
	emit_fill(e, "\t\t\tfor (q = 0; q < $OHW; q++)\n"
		"\t\t\t\ty[(b * $OC + oc) * $OHW + q] = ($yt)qcc_requant("
		"(int64_t)${fn}_c[oc] + acc[q], ", &v);
	emit_requant_args(e, n, fn, "oc");
	fprintf(e->f, ");\n\t\t}\n\t}\n}\n");
	return 0;
}

/* ------------------------------------------------------------- qdense */

/* acc += x * w for tap i of the byte v, x = xb[i]: a multiply, or for
 * binary and ternary taps a masked add or subtract: with m = 0 or -1,
 * (x ^ m) - m is x or -x; a ternary tap's low bit says nonzero, its high
 * bit negative (+1 = 01, -1 = 11, 0 = 00). */
static void emit_dense_tap(Emit *e, const Node *n, int i, const char *lhs,
	const char *acc)
{
	int bits = sub_bits(n), mask = (1 << bits) - 1, sign = 1 << (bits - 1);
	if (adds_only(n) && bits == 1)
		emit_line(e, "%s += ((int32_t)xb[%d] ^ ((v >> %d & 1) - 1)) - "
			"((v >> %d & 1) - 1);", lhs, i, i, i);
	else if (adds_only(n))
		emit_line(e, "%s += (((int32_t)xb[%d] ^ -(v >> %d & 1)) + "
			"(v >> %d & 1)) & -(v >> %d & 1);", lhs, i, 2 * i + 1, 2 * i + 1,
			2 * i);
	else if (bits == 1)
		emit_line(e, "%s += (%s)xb[%d] * ((v >> %d & 1) * 2 - 1);", lhs, acc,
			i, i);
	else if (i == 0)
		emit_line(e, "%s += (%s)xb[0] * (((v & %d) ^ %d) - %d);", lhs, acc,
			mask, sign, sign);
	else
		emit_line(e, "%s += (%s)xb[%d] * (((v >> %d & %d) ^ %d) - %d);", lhs,
			acc, i, i * bits, mask, sign, sign);
}

/* The input rows as x - zx, each padded to Kp with zeros. */
static int64_t dense_sub_bytes(const Node *n)
{
	PackSpec s = pack_sub_spec(sub_bits(n));
	return n->in[0]->type.dims[0] * pack_kp(&s, n->in[0]->type.dims[1]) * 2;
}

static int emit_dense_sub(Emit *e, const Node *n, const char *fn)
{
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0];
	int wide, bits = sub_bits(n);
	if (!sub_consts(e, n, fn, M, K, &wide))
		return -1;
	EmitVars v = {0};
	sub_vars(&v, n, fn, K, wide);
	emit_vari(&v, "N", N);
	emit_vari(&v, "M", M);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *xv = scratch;\n"
		"\tint b, m, k;\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tfor (k = 0; k < $K; k++)\n"
		"\t\t\txv[b * $Kp + k] = (int16_t)(x[b * $K + k]$subzx);\n"
		"\t\tfor (; k < $Kp; k++)\n"
		"\t\t\txv[b * $Kp + k] = 0;\n"
		"\t}\n"
		"\tfor (m = 0; m < $M; m++) {\n"
		"\t\tconst uint8_t *wb = ${fn}_w + m * $RB;\n"
		"\t\tfor (b = 0; b < $N; b++) {\n"
		"\t\t\tconst int16_t *xb = xv + b * $Kp;\n"
		"\t\t\t$acc acc = 0;\n", &v);
	/* group-wise scales: an int32 partial sum a group ($GB bytes), times
	 * the group's multiplier */
	int g = grouped(n), depth = e->depth;
	emit_fill(e, g ? "\t\t\tint gi;\n"
		"\t\t\tfor (gi = 0; gi < $ng; gi++) {\n"
		"\t\t\t\tint32_t part = 0;\n"
		"\t\t\t\tint kend = gi * $GB + $GB < $RB ? gi * $GB + $GB : $RB;\n"
		"\t\t\t\tfor (k = gi * $GB; k < kend; k++, xb += $per) {\n"
		"\t\t\t\t\tint v = wb[k];\n" :
		"\t\t\t/* $per taps a byte, low bits first */\n"
		"\t\t\tfor (k = 0; k < $RB; k++, xb += $per) {\n"
		"\t\t\t\tint v = wb[k];\n", &v);
	e->depth += 4 + g;
	for (int i = 0; i < 8 / bits; i++)
		emit_dense_tap(e, n, i, g ? "part" : "acc",
			g ? "int32_t" : wide ? "int64_t" : "int32_t");
	e->depth = depth;
	if (g)
		emit_fill(e, "\t\t\t\t}\n"
			"\t\t\t\tacc += ($acc)${fn}_g[m * $ng + gi] * part;\n", &v);
	emit_fill(e, "\t\t\t}\n"
		"\t\t\ty[b * $M + m] = ($yt)qcc_requant((int64_t)${fn}_c[m] + acc, ",
		&v);
	emit_requant_args(e, n, fn, "m");
	fprintf(e->f, ");\n\t\t}\n\t}\n}\n");
	return 0;
}

/* ------------------------------------ cortex-m4: 4-bit taps, SMLAD */

/* The DSP extension's dual 16-bit multiply-add on 4-bit weights: a 32-bit
 * word of a packed row holds taps t0..t7 (byte i: t(2i) low nibble,
 * t(2i+1) high). lo = (u << 4) & 0xf0f0f0f0 puts t0, t2, t4, t6 in the
 * high nibbles, hi = u & 0xf0f0f0f0 keeps t1, t3, t5, t7 there; SXTB16
 * of lo (of lo rotated by 8) is the int16 pair (16 t0, 16 t4) ((16 t2,
 * 16 t6)), of hi (16 t1, 16 t5) and (16 t3, 16 t7). The inputs x - zx are
 * laid out as the same pairs, so four SMLADs take 8 taps, and the sum,
 * 16 times the contract's, is divided by 16 at the end (exact). Taps of
 * each 8 in the halfword order of PAIR_ORDER; weights of 8-bit inputs, no
 * group-wise scales, and 16 times the accumulator bound inside int32. */
static const int PAIR_ORDER[8] = {0, 4, 2, 6, 1, 5, 3, 7};

/* x86 (AVX2; the avx512 target too): 32 taps (16 bytes of a row) a
 * block. vpmovzxbw widens the 16 bytes to 16-bit lanes; shifting each left
 * by 12 (by 8), then arithmetically right by 12, sign-extends its low
 * (high) nibble: the 16 even (odd) taps of the block. The inputs x - zx
 * are laid out as the even taps then the odd ones, so two vpmaddwd take
 * 32 taps; the sums are exact, with no scaling. */

/* A block's size and where its tap t (t < block) goes, per style: 0 the
 * DSP pairs, 1 x86's even-then-odd halves. */
static int64_t blk(int x86)
{
	return x86 ? 32 : 8;
}

static int64_t blk_pos(int x86, int64_t t)
{
	return x86 ? t % 2 * 16 + t / 2 : PAIR_ORDER[t];
}

static int w4_applies(const Node *n, int64_t scale)
{
	if (sub_bits(n) != 4 || grouped(n) || n->in[0]->type.elem != DT_I8 ||
	    n->in[1]->kind != VAL_CONST)
		return 0;
	/* a conv's taps are gathered once a pixel for all its group's
	 * channels: with few channels a group (depthwise) conv_sub's planes
	 * are cheaper */
	if (n->op == OP_QCONV2D && n->out->type.dims[1] / attr_int(n, "groups")
	    < 4)
		return 0;
	const int32_t *w = n->in[1]->data;
	int64_t M = n->in[1]->type.dims[0], K = type_numel(&n->in[1]->type) / M;
	for (int64_t m = 0; m < M; m++)
		if (q_acc_bound(&n->in[0]->type, w + m * K, K, 0) > INT32_MAX / scale)
			return 0;
	return 1;
}

/* DSP: the sums are 16 times the contract's; x86: exact. */
static int dsp4_applies(const Node *n)
{
	return w4_applies(n, 16);
}

static int x86w4_applies(const Node *n)
{
	return w4_applies(n, 1);
}

/* K rounded up to whole blocks. */
static int64_t kblk(int64_t K, int x86)
{
	return (K + blk(x86) - 1) / blk(x86) * blk(x86);
}

/* The dot products of np (1 or 2) pixels' pairs xr0, xr1 (K8 / 2 words
 * each) with nc (1 or 2) rows wb0, wb1 ($RB bytes) into a<row><pixel>,
 * each row word unpacked once for both pixels and each pixel's pair
 * loaded once for both rows; then divided by 16. The whole words by
 * SMLAD, a last partial word (RB not a multiple of 4) byte by byte from
 * the pairs. */
static void emit_dsp4_dot(Emit *e, const EmitVars *v, int64_t RB, int np,
	int nc)
{
	for (int c = 0; c < nc; c++)
		for (int p = 0; p < np; p++)
			emit_line(e, "\t\t\tint32_t a%d%d = 0;", c, p);
	emit_fill(e, "\t\t\tfor (q = 0; q < $RW; q++) {\n"
		"\t\t\t\tuint32_t u, lo, hi;\n"
		"\t\t\t\tint32_t w0, w1, w2, w3;\n", v);
	for (int p = 0; p < np; p++)
		emit_line(e, "\t\t\t\tconst int32_t x%d0 = (int32_t)xr%d[4 * q], "
			"x%d1 = (int32_t)xr%d[4 * q + 1], x%d2 = (int32_t)xr%d[4 * q + 2], "
			"x%d3 = (int32_t)xr%d[4 * q + 3];", p, p, p, p, p, p, p, p);
	for (int c = 0; c < nc; c++) {
		emit_line(e, "\t\t\t\tmemcpy(&u, wb%d + 4 * q, 4);", c);
		emit_fill(e, "\t\t\t\tlo = (u << 4) & 0xf0f0f0f0u;\n"
			"\t\t\t\thi = u & 0xf0f0f0f0u;\n"
			"\t\t\t\tw0 = __sxtb16(lo);\n"
			"\t\t\t\tw1 = ${fn}_sxtb16_ror8(lo);\n"
			"\t\t\t\tw2 = __sxtb16(hi);\n"
			"\t\t\t\tw3 = ${fn}_sxtb16_ror8(hi);\n", v);
		for (int p = 0; p < np; p++)
			for (int i = 0; i < 4; i++)
				emit_line(e, "\t\t\t\ta%d%d = __smlad(x%d%d, w%d, a%d%d);",
					c, p, p, i, i, c, p);
	}
	emit_fill(e, "\t\t\t}\n", v);
	for (int c = 0; c < nc; c++)
		for (int p = 0; p < np && RB % 4; p++) {
			/* the bytes after the last whole word: taps 2i, 2i+1 of
			 * byte i are halfwords PAIR_ORDER[2i], PAIR_ORDER[2i+1] */
			emit_line(e, "\t\t\t{");
			emit_line(e, "\t\t\t\tconst int16_t *xh = (const int16_t *)(xr%d "
				"+ 4 * %lld);", p, (long long)(RB / 4));
			for (int64_t i = 0; i < RB % 4; i++) {
				long long at = RB / 4 * 4 + i;
				emit_line(e, "\t\t\t\ta%d%d += xh[%d] * (((wb%d[%lld] & 15) "
					"^ 8) - 8) * 16 + xh[%d] * (((wb%d[%lld] >> 4) ^ 8) - 8) "
					"* 16;", c, p, PAIR_ORDER[2 * i], c, at,
					PAIR_ORDER[2 * i + 1], c, at);
			}
			emit_line(e, "\t\t\t}");
		}
	for (int c = 0; c < nc; c++)
		for (int p = 0; p < np; p++)
			emit_line(e, "\t\t\ta%d%d /= 16;", c, p);
}

/* As emit_dsp4_dot for x86: blocks of 16 row bytes ($RQ whole ones),
 * the pixels' inputs xh0, xh1 (int16, the block layout), lanes summed at
 * the end; the last partial block byte by byte. */
static void emit_x86w4_dot(Emit *e, const EmitVars *v, int64_t RB, int np,
	int nc)
{
	for (int c = 0; c < nc; c++)
		for (int p = 0; p < np; p++)
			emit_line(e, "\t\t\t__m256i s%d%d = _mm256_setzero_si256();", c, p);
	emit_fill(e, "\t\t\tfor (q = 0; q < $RQ; q++) {\n", v);
	for (int p = 0; p < np; p++)
		emit_line(e, "\t\t\t\tconst __m256i xe%d = _mm256_loadu_si256("
			"(const __m256i *)(xh%d + 32 * q)), xo%d = _mm256_loadu_si256("
			"(const __m256i *)(xh%d + 32 * q + 16));", p, p, p, p);
	for (int c = 0; c < nc; c++) {
		emit_line(e, "\t\t\t\tconst __m256i v%d = _mm256_cvtepu8_epi16("
			"_mm_loadu_si128((const __m128i *)(wb%d + 16 * q)));", c, c);
		emit_line(e, "\t\t\t\tconst __m256i lo%d = _mm256_srai_epi16("
			"_mm256_slli_epi16(v%d, 12), 12), hi%d = _mm256_srai_epi16("
			"_mm256_slli_epi16(v%d, 8), 12);", c, c, c, c);
		for (int p = 0; p < np; p++)
			emit_line(e, "\t\t\t\ts%d%d = _mm256_add_epi32(s%d%d, "
				"_mm256_add_epi32(_mm256_madd_epi16(xe%d, lo%d), "
				"_mm256_madd_epi16(xo%d, hi%d)));", c, p, c, p, p, c, p, c);
	}
	emit_fill(e, "\t\t\t}\n", v);
	for (int c = 0; c < nc; c++)
		for (int p = 0; p < np; p++) {
			EmitVars vk = *v;
			emit_vari(&vk, "c", c);
			emit_vari(&vk, "p", p);
			emit_fill(e, "\t\t\tint32_t a$c$p = ${fn}_hsum(s$c$p);\n", &vk);
			for (int64_t i = 0; i < RB % 16; i++) {
				long long at = RB / 16 * 16 + i, x = RB / 16 * 32 + i;
				emit_line(e, "\t\t\ta%d%d += xh%d[%lld] * (((wb%d[%lld] & 15) "
					"^ 8) - 8) + xh%d[%lld] * (((wb%d[%lld] >> 4) ^ 8) - 8);", c,
					p, p, x, c, at, p, x + 16, c, at);
			}
		}
}

void emit_hsum(Emit *e, const EmitVars *v)
{
	emit_fill(e, "static inline int32_t ${fn}_hsum(__m256i s)\n{\n"
		"\t__m128i t = _mm_add_epi32(_mm256_castsi256_si128(s), "
		"_mm256_extracti128_si256(s, 1));\n"
		"\tt = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0x4e));\n"
		"\tt = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0xb1));\n"
		"\treturn _mm_cvtsi128_si32(t);\n}\n\n", v);
}

/* The dot product of the style, and its helper function. */
static void emit_w4_dot(Emit *e, const EmitVars *v, int64_t RB, int np,
	int nc, int x86)
{
	if (x86)
		emit_x86w4_dot(e, v, RB, np, nc);
	else
		emit_dsp4_dot(e, v, RB, np, nc);
}

static void emit_w4_helper(Emit *e, const EmitVars *v, int x86)
{
	if (x86)
		emit_hsum(e, v);
	else
		emit_sxtb16_ror8(e, v);
}

/* Each input row x - zx in the block layout of the style (tap k of a
 * block at blk_pos; DSP: the bits of k % 8 reversed), 0 after K. */
static int64_t w4_dense_bytes(const Node *n, int x86)
{
	return n->in[0]->type.dims[0] * kblk(n->in[0]->type.dims[1], x86) * 2;
}

static int64_t dense_dsp4_bytes(const Node *n)
{
	return w4_dense_bytes(n, 0);
}

static int64_t dense_x86w4_bytes(const Node *n)
{
	return w4_dense_bytes(n, 1);
}

/* The pointers the dot products read: xr (DSP, words) or xh (x86, int16)
 * of pixel p at expr. */
static void emit_w4_rows(Emit *e, int x86, int np, const char *base,
	int64_t KB)
{
	for (int p = 0; p < np; p++)
		if (x86)
			emit_line(e, "\t\t\tconst int16_t *xh%d = %s + %lld;", p, base,
				(long long)(p * KB));
		else
			emit_line(e, "\t\t\tconst uint32_t *xr%d = (const uint32_t *)(%s "
				"+ %lld);", p, base, (long long)(p * KB));
}

static int emit_dense_w4(Emit *e, const Node *n, const char *fn, int x86)
{
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0], KB = kblk(K, x86);
	int wide;
	if (!sub_consts(e, n, fn, M, K, &wide))
		return -1;
	EmitVars v = {0};
	sub_vars(&v, n, fn, K, wide);
	emit_vari(&v, "N", N);
	emit_vari(&v, "M", M);
	emit_vari(&v, "KB", KB);
	emit_vari(&v, "blk", blk(x86));
	int64_t RB = (K + 1) / 2;
	emit_vari(&v, "RW", RB / 4);
	emit_vari(&v, "RQ", RB / 16);
	emit_var(&v, "pos", x86 ? "(k & 1) * 16 + k % 32 / 2" :
		"(k & 1) * 4 + (k & 2) + (k >> 2 & 1)");
	emit_w4_helper(e, &v, x86);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *xv = scratch;\n"
		"\tint b, m, k, q;\n"
		"\t/* x - zx in the block layout, 0 after K */\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\t\tfor (k = 0; k < $KB; k++)\n"
		"\t\t\txv[b * $KB + k / $blk * $blk + $pos] =\n"
		"\t\t\t\t(int16_t)(k < $K ? x[b * $K + k]$subzx : 0);\n"
		"\tfor (m = 0; m < $M; m++) {\n"
		"\t\tconst uint8_t *wb0 = ${fn}_w + m * $RB;\n"
		"\t\tfor (b = 0; b < $N; b++) {\n", &v);
	char base[64];
	snprintf(base, sizeof base, "xv + b * %lld", (long long)KB);
	emit_w4_rows(e, x86, 1, base, 0);
	emit_w4_dot(e, &v, RB, 1, 1, x86);
	emit_fill(e, "\t\t\ty[b * $M + m] = ($yt)qcc_requant((int64_t)${fn}_c[m] + "
		"a00, ", &v);
	emit_requant_args(e, n, fn, "m");
	fprintf(e->f, ");\n\t\t}\n\t}\n}\n");
	return 0;
}

static int emit_dense_dsp4(Emit *e, const Node *n, const char *fn)
{
	return emit_dense_w4(e, n, fn, 0);
}

static int emit_dense_x86w4(Emit *e, const Node *n, const char *fn)
{
	return emit_dense_w4(e, n, fn, 1);
}

/* The group's padded int16 planes (as conv_sub), then two pixels' taps
 * in the block layout. */
static int64_t w4_conv_bytes(const Node *n, int x86)
{
	WinGeom c;
	geom_conv(n, &c);
	int64_t PH, PW;
	plane_dims(&c, &PH, &PW);
	return (c.ICG * PH * PW + 2 * kblk(c.K, x86)) * 2;
}

static int64_t conv_dsp4_bytes(const Node *n)
{
	return w4_conv_bytes(n, 0);
}

static int64_t conv_x86w4_bytes(const Node *n)
{
	return w4_conv_bytes(n, 1);
}

static int emit_conv_w4(Emit *e, const Node *n, const char *fn, int x86)
{
	WinGeom c;
	int wide;
	int64_t PH, PW;
	EmitVars v = {0};
	if (conv_prep(e, n, fn, &c, &wide, &PH, &PW, &v) < 0)
		return -1;
	int64_t KB = kblk(c.K, x86), RB = (c.K + 1) / 2, B = blk(x86);
	/* FN_off[h]: the plane offset of the tap at position h of the block
	 * layout (0 for the padding after K, whose weights are 0) */
	int64_t *off = calloc((size_t)KB, sizeof *off);
	if (!off)
		abort();
	for (int64_t k = 0; k < c.K; k++) {
		int64_t ic = k / (c.KH * c.KW), kh = k / c.KW % c.KH, kw = k % c.KW;
		off[k / B * B + blk_pos(x86, k % B)] = (ic * PH + kh * c.dh) * PW +
			kw * c.dw;
	}
	char name[400];
	snprintf(name, sizeof name, "%s_off", fn);
	emit_ints(e, c.ICG * PH * PW <= 65535 ? "uint16_t" : "int32_t", name,
		off, KB);
	free(off);
	emit_vari(&v, "KB", KB);
	emit_vari(&v, "RW", RB / 4);
	emit_vari(&v, "RQ", RB / 16);
	/* two output channels at a time where the groups' are even */
	int nc = c.OCG % 2 ? 1 : 2;
	emit_vari(&v, "nc", nc);
	emit_w4_helper(e, &v, x86);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *xp = scratch;\n"
		"\tint16_t *col = xp + $ICG * $PHW;\n"
		"\tint b, gi, oc, ic, r, h, p, q;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (gi = 0; gi < $groups; gi++) {\n", &v);
	emit_fill(e, CONV_PLANES, &v);
	emit_fill(e, "\t\t/* two pixels at a time (the last one twice if OH * OW is "
		"odd) */\n"
		"\t\tfor (p = 0; p < $OHW; p += 2) {\n"
		"\t\t\tint p1 = p + 1 < $OHW ? p + 1 : p;\n"
		"\t\t\tconst int16_t *xo0 = xp + p / $OW * $sh * $PW + p % $OW * "
		"$sw;\n"
		"\t\t\tconst int16_t *xo1 = xp + p1 / $OW * $sh * $PW + p1 % $OW * "
		"$sw;\n"
		"\t\t\t$yt *yo = y + (b * $OC + gi * $OCG) * $OHW;\n"
		"\t\t\t/* the pixels' taps in the block layout */\n"
		"\t\t\tfor (h = 0; h < $KB; h++) {\n"
		"\t\t\t\tcol[h] = xo0[${fn}_off[h]];\n"
		"\t\t\t\tcol[$KB + h] = xo1[${fn}_off[h]];\n"
		"\t\t\t}\n"
		"\t\t\tfor (oc = gi * $OCG; oc < (gi + 1) * $OCG; oc += $nc, "
		"yo += $nc * $OHW) {\n"
		"\t\t\tconst uint8_t *wb0 = ${fn}_w + oc * $RB;\n", &v);
	if (nc == 2)
		emit_fill(e, "\t\t\tconst uint8_t *wb1 = wb0 + $RB;\n", &v);
	emit_w4_rows(e, x86, 2, "col", KB);
	emit_w4_dot(e, &v, RB, 2, nc, x86);
	for (int k = 0; k < 2 * nc; k++) {
		EmitVars vk = v;
		char out[64];
		snprintf(out, sizeof out, "yo[%lld + %s]",
			(long long)(k / 2 * c.OH * c.OW), k % 2 ? "p1" : "p");
		emit_var(&vk, "out", out);
		emit_vari(&vk, "c", k / 2);
		emit_vari(&vk, "p", k % 2);
		emit_fill(e, "\t\t\t$out = ($yt)qcc_requant((int64_t)${fn}_c[oc + $c] + "
			"a$c$p, ", &vk);
		emit_requant_args(e, n, fn, k / 2 ? "oc + 1" : "oc");
		fprintf(e->f, ");\n");
	}
	fprintf(e->f, "\t\t\t}\n\t\t}\n\t}\n}\n");
	return 0;
}

static int emit_conv_dsp4(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_w4(e, n, fn, 0);
}

static int emit_conv_x86w4(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_w4(e, n, fn, 1);
}

/* ------------------------------------------- binary x binary: XNOR */

/* qconv2d and qdense with binary inputs and binary weights (xnor_applies;
 * docs/arith.md, "Binary x binary layers"): the input's bits packed into
 * the scratch (ir/pack.c's xnor_pack layout, 1 for +1), then per output
 * n - 2 * popcount(x XOR w) over the n taps inside the input; padded taps
 * are skipped, never read. */

/* QCC_POPCOUNT32, once per file: the compiler's builtin (POPCNT where the
 * target has it, -mpopcnt or -march=native on x86), else a table (also
 * with -DQCC_PORTABLE_POPCOUNT, which the tests use to check it). */
static void emit_popcount(Emit *e)
{
	fprintf(e->f, "#ifndef QCC_POPCOUNT32\n"
		"#if defined(__GNUC__) && !defined(QCC_PORTABLE_POPCOUNT)\n"
		"#define QCC_POPCOUNT32(v) __builtin_popcount(v)\n"
		"#else\n"
		"static const unsigned char qcc_pop8[256] = {");
	for (int i = 0; i < 256; i++) {
		int bits = 0;
		for (int v = i; v; v >>= 1)
			bits += v & 1;
		fprintf(e->f, "%s%d,", i % 32 ? "" : "\n\t", bits);
	}
	fprintf(e->f, "\n};\n"
		"#define QCC_POPCOUNT32(v) (qcc_pop8[(v) & 255] + "
		"qcc_pop8[(v) >> 8 & 255] + \\\n"
		"\tqcc_pop8[(v) >> 16 & 255] + qcc_pop8[(v) >> 24 & 255])\n"
		"#endif\n"
		"#endif\n");
}

/* FN_c (the bias), FN_m, FN_s and the weight words FN_w (n words); the
 * popcount. */
static int xnor_consts(Emit *e, const Node *n, const char *fn, int64_t M,
	const uint32_t *w, int64_t nw)
{
	if (bias_consts(e, n, fn, M) < 0)
		return -1;
	fprintf(e->f, "static const uint32_t %s_w[%lld] = {", fn,
		(long long)(nw ? nw : 1));
	for (int64_t i = 0; i < nw; i++)
		fprintf(e->f, "%s0x%08lxu,", i % 8 ? " " : "\n\t",
			(unsigned long)w[i]);
	fprintf(e->f, "\n};\n");
	emit_popcount(e);
	return 0;
}

/* The weights are words [groups][KH][KW][ICW][OCGp], OCGp the group's
 * OCG output channels (x86-avx512-vnni: rounded up to 16, the padding
 * 0): per output pixel and tap inside the input, each input word meets
 * the words of all the group's channels, popcounts summed per channel in
 * the scratch. On x86-avx512-vnni one input word broadcast against 16
 * channels' words gives 16 popcounts: vpopcntd (AVX512_VPOPCNTDQ) where
 * the compiler is told the CPU has it (-march=native on such a CPU, or
 * -mavx512vpopcntdq), else QCC_POPCOUNT32 as on the other targets. A
 * dense node is the 1x1 conv of its [N, K] rows. */
static void xnor_geom(const Node *n, WinGeom *c)
{
	if (n->op == OP_QCONV2D) {
		geom_conv(n, c);
		return;
	}
	int64_t K = n->in[0]->type.dims[1], M = n->in[1]->type.dims[0];
	*c = (WinGeom){.N = n->in[0]->type.dims[0], .C = K, .H = 1, .W = 1,
		.OC = M, .ICG = K, .KH = 1, .KW = 1, .OH = 1, .OW = 1, .groups = 1,
		.OCG = M, .sh = 1, .sw = 1, .dh = 1, .dw = 1, .K = K};
}

/* OCGp: 16 channels a vector on x86-avx512-vnni. */
static int64_t xnor_ocgp(const WinGeom *c, int vec)
{
	return vec ? (c->OCG + 15) / 16 * 16 : c->OCG;
}

static int64_t xnor_scratch(const Node *n, int vec)
{
	WinGeom c;
	xnor_geom(n, &c);
	return (c.H * c.W * xnor_words(c.ICG) + xnor_ocgp(&c, vec)) * 4;
}

static int64_t xnor_bytes(const Node *n)
{
	return xnor_scratch(n, 0);
}

static int64_t xnor512_bytes(const Node *n)
{
	return xnor_scratch(n, 1);
}

static int emit_xnor_kernel(Emit *e, const Node *n, const char *fn, int vec)
{
	WinGeom c;
	xnor_geom(n, &c);
	const int32_t *w = emit_const_data(n, 1, "weights");
	if (!w)
		return -1;
	int64_t ICW = xnor_words(c.ICG), T = c.KH * c.KW;
	int64_t OCGp = xnor_ocgp(&c, vec), nw = c.groups * T * ICW * OCGp;
	uint32_t *wb = malloc((size_t)(c.OC * T * ICW + 1) * sizeof *wb);
	uint32_t *wt = calloc((size_t)(nw + 1), sizeof *wt);
	if (!wb || !wt)
		abort();
	xnor_pack_conv(&c, w, wb);
	for (int64_t oc = 0; oc < c.OC; oc++)
		for (int64_t t = 0; t < T; t++)
			for (int64_t j = 0; j < ICW; j++)
				wt[((oc / c.OCG * T + t) * ICW + j) * OCGp + oc % c.OCG] =
					wb[(oc * T + t) * ICW + j];
	int r = xnor_consts(e, n, fn, c.OC, wt, nw);
	free(wb);
	free(wt);
	if (r < 0)
		return -1;
	EmitVars v = {0};
	io_vars(&v, n, fn);
	geom_vars(&v, &c);
	emit_vari(&v, "ICW", ICW);
	emit_vari(&v, "OCGp", OCGp);
	emit_vari(&v, "HW", c.H * c.W);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tuint32_t *xb = scratch;\n"
		"\tint32_t *pop = (int32_t *)(xb + $HW * $ICW);\n"
		"\tint b, gi, ic, p, c, oh, ow, kh, kw, j;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (gi = 0; gi < $groups; gi++) {\n"
		"\t\t/* the group's input: each pixel's channels as bits, 1 for "
		"+1 */\n"
		"\t\tfor (p = 0; p < $HW * $ICW; p++)\n"
		"\t\t\txb[p] = 0;\n"
		"\t\tfor (ic = 0; ic < $ICG; ic++) {\n"
		"\t\t\tconst $xt *xc = x + (b * $C + gi * $ICG + ic) * $HW;\n"
		"\t\t\tfor (p = 0; p < $HW; p++)\n"
		"\t\t\t\txb[p * $ICW + ic / 32] |= (uint32_t)(xc[p] > 0) << "
		"(ic % 32);\n"
		"\t\t}\n"
		"\t\tfor (oh = 0; oh < $OH; oh++)\n"
		"\t\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\t\t/* n: the taps inside the input (padding is absent) */\n"
		"\t\t\tint32_t n = 0;\n"
		"\t\t\tfor (c = 0; c < $OCGp; c++)\n"
		"\t\t\t\tpop[c] = 0;\n"
		"\t\t\tfor (kh = 0; kh < $KH; kh++) {\n"
		"\t\t\t\tint ih = oh * $sh - $pt + kh * $dh;\n"
		"\t\t\t\tif (ih < 0 || ih >= $H)\n"
		"\t\t\t\t\tcontinue;\n"
		"\t\t\t\tfor (kw = 0; kw < $KW; kw++) {\n"
		"\t\t\t\t\tint iw = ow * $sw - $pl + kw * $dw;\n"
		"\t\t\t\t\tconst uint32_t *xp, *wt;\n"
		"\t\t\t\t\tif (iw < 0 || iw >= $W)\n"
		"\t\t\t\t\t\tcontinue;\n"
		"\t\t\t\t\txp = xb + (ih * $W + iw) * $ICW;\n"
		"\t\t\t\t\twt = ${fn}_w + ((gi * $KH + kh) * $KW + kw) * $ICW * "
		"$OCGp;\n"
		"\t\t\t\t\tfor (j = 0; j < $ICW; j++) {\n", &v);
	if (vec)
		emit_fill(e, "#if defined(__AVX512VPOPCNTDQ__)\n"
			"\t\t\t\t\t\tconst __m512i xv = _mm512_set1_epi32((int)xp[j]);\n"
			"\t\t\t\t\t\tfor (c = 0; c < $OCGp; c += 16)\n"
			"\t\t\t\t\t\t\t_mm512_storeu_si512(pop + c, _mm512_add_epi32(\n"
			"\t\t\t\t\t\t\t\t_mm512_loadu_si512(pop + c), "
			"_mm512_popcnt_epi32(\n"
			"\t\t\t\t\t\t\t\t_mm512_xor_si512(xv, _mm512_loadu_si512(wt + "
			"j * $OCGp + c)))));\n"
			"#else\n", &v);
	emit_fill(e, "\t\t\t\t\t\tfor (c = 0; c < $OCG; c++)\n"
		"\t\t\t\t\t\t\tpop[c] += QCC_POPCOUNT32(xp[j] ^ wt[j * $OCGp + "
		"c]);\n", &v);
	if (vec)
		emit_fill(e, "#endif\n", &v);
	emit_fill(e, "\t\t\t\t\t}\n"
		"\t\t\t\t\tn += $ICG;\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n"
		"\t\t\tfor (c = 0; c < $OCG; c++) {\n"
		"\t\t\t\tint oc = gi * $OCG + c;\n"
		"\t\t\t\ty[((b * $OC + oc) * $OH + oh) * $OW + ow] = "
		"($yt)qcc_requant(\n"
		"\t\t\t\t\t(int64_t)${fn}_c[oc] + n - 2 * pop[c], ", &v);
	emit_requant_args(e, n, fn, "oc");
	fprintf(e->f, ");\n\t\t\t}\n\t\t}\n\t}\n}\n");
	return 0;
}

static int emit_xnor(Emit *e, const Node *n, const char *fn)
{
	return emit_xnor_kernel(e, n, fn, 0);
}

static int emit_xnor512(Emit *e, const Node *n, const char *fn)
{
	return emit_xnor_kernel(e, n, fn, 1);
}

/* ---------------------------------------------------------- the rows */

#define SUB_ROWS(target) \
	{OP_QCONV2D, target, "conv_xnor", "binary input and binary weights: " \
		"XNOR-popcount", xnor_applies, xnor_bytes, emit_xnor, 1}, \
	{OP_QDENSE, target, "dense_xnor", "binary input and binary weights: " \
		"XNOR-popcount", xnor_applies, xnor_bytes, emit_xnor, 1}, \
	{OP_QCONV2D, target, "conv_sub", "weights of 4 bits or fewer, packed " \
		"(unpacked a row at a time; binary, ternary: adds)", sub_applies, \
		conv_sub_bytes, emit_conv_sub, 1}, \
	{OP_QDENSE, target, "dense_sub", "weights of 4 bits or fewer, packed " \
		"(unpacked a byte at a time; binary, ternary: adds)", sub_applies, \
		dense_sub_bytes, emit_dense_sub, 1}

#define W4_X86_ROWS(target) \
	{OP_QCONV2D, target, "conv_sub4_x86", "4-bit weights, 8-bit input: " \
		"nibbles to int16 lanes by shifts, vpmaddwd", x86w4_applies, \
		conv_x86w4_bytes, emit_conv_x86w4, 1}, \
	{OP_QDENSE, target, "dense_sub4_x86", "4-bit weights, 8-bit input: " \
		"nibbles to int16 lanes by shifts, vpmaddwd", x86w4_applies, \
		dense_x86w4_bytes, emit_dense_x86w4, 1}

/* Every target with rows of its own for these ops (the others reach
 * generic's through their base). */
const KernelRow emit_sub_kernels[] = {
	SUB_ROWS("generic"),
	W4_X86_ROWS("x86-avx2"),
	SUB_ROWS("x86-avx2"),
	W4_X86_ROWS("x86-avx512-vnni"),
	{OP_QCONV2D, "x86-avx512-vnni", "conv_xnor512", "binary input and "
		"binary weights: 16 channels a vector, vpopcntd where enabled",
		xnor_applies, xnor512_bytes, emit_xnor512, 1},
	{OP_QDENSE, "x86-avx512-vnni", "dense_xnor512", "binary input and "
		"binary weights: 16 rows a vector, vpopcntd where enabled",
		xnor_applies, xnor512_bytes, emit_xnor512, 1},
	SUB_ROWS("x86-avx512-vnni"),
	{OP_QCONV2D, "cortex-m4", "conv_sub4_dsp", "4-bit weights, 8-bit "
		"input: nibbles to int16 pairs by SXTB16, SMLAD", dsp4_applies,
		conv_dsp4_bytes, emit_conv_dsp4, 1},
	{OP_QDENSE, "cortex-m4", "dense_sub4_dsp", "4-bit weights, 8-bit "
		"input: nibbles to int16 pairs by SXTB16, SMLAD", dsp4_applies,
		dense_dsp4_bytes, emit_dense_dsp4, 1},
	SUB_ROWS("cortex-m4"),
	SUB_ROWS("aarch64-neon"),
	{0},
};
