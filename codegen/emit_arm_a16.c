/* emit_arm_a16.c - the aarch64 kernels of layers with a 16-bit input
 * (the shapes and what they share: emit_a16.c), for aarch64-neon and
 * aarch64-dotprod (which takes these): SMLAL/SMLAL2, int16 by int16 (the
 * weights widened once, in the constants) into int32 lanes.
 *
 *   conv16_neon   the column holds one int16 row of pixels per tap;
 *                 tiles of 16 pixels by 4 output channels, per tap two
 *                 loads, one load of the 4 channels' weights and eight
 *                 SMLAL/SMLAL2 by lane.
 *   dw16_neon     the plane holds int16; a tap of 8 outputs is one load,
 *                 SMLAL and SMLAL2 by the tap's weight.
 *   dense16_neon  the input row against four weight rows a pass, eight
 *                 products a row and step, the lanes summed at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* Weights v[M][K] as FN_w, int16, in `cols` columns a row (zeros after
 * K) and `rows` rows (zeros after M); four rows interleaved per column if
 * quad ([M/4][cols][4]). */
static void a16_weights(Emit *e, const char *fn, const int32_t *w,
	int64_t M, int64_t K, int64_t rows, int64_t cols, int quad)
{
	int64_t *p = calloc(rows * cols + 1, sizeof *p);
	if (!p)
		abort();
	for (int64_t m = 0; m < M; m++)
		for (int64_t k = 0; k < K; k++)
			p[quad ? (m / 4 * cols + k) * 4 + m % 4 : m * cols + k] =
				w[m * K + k];
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int16_t", name, p, rows * cols);
	free(p);
}

/* -------------------------------------------------------- conv16_neon */

static int neon_conv_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	a16_weights(e, fn, p->w, c->OC, c->K, k.OCp, c->K, 1);
	EmitVars v = {0};
	emit_a16_conv_open(e, n, fn, p, &v, 0);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OCp; oc += 4)\n"
		"\t\t\tfor (q = 0; q < nq; q += 16) {\n"
		"\t\t\t\tconst int16_t *wq = ${fn}_w + oc * $K, *cq = col + q;\n",
		&v);
	e->depth = 4;
	for (int j = 0; j < 4; j++)
		emit_line(e, "int32x4_t a%d_0 = vdupq_n_s32(0), a%d_1 = a%d_0, "
			"a%d_2 = a%d_0, a%d_3 = a%d_0;", j, j, j, j, j, j, j);
	emit_open(e, "for (k = 0; k < %lld; k++, cq += %lld) {",
		(long long)c->K, (long long)k.PB);
	emit_line(e, "const int16x8_t x0 = vld1q_s16(cq), x1 = vld1q_s16(cq + "
		"8);");
	emit_line(e, "const int16x4_t w = vld1_s16(wq + 4 * k);");
	for (int j = 0; j < 4; j++) {
		emit_line(e, "a%d_0 = vmlal_lane_s16(a%d_0, vget_low_s16(x0), w, %d);",
			j, j, j);
		emit_line(e, "a%d_1 = vmlal_high_lane_s16(a%d_1, x0, w, %d);", j, j, j);
		emit_line(e, "a%d_2 = vmlal_lane_s16(a%d_2, vget_low_s16(x1), w, %d);",
			j, j, j);
		emit_line(e, "a%d_3 = vmlal_high_lane_s16(a%d_3, x1, w, %d);", j, j, j);
	}
	emit_close(e);
	for (int j = 0; j < 4; j++)
		for (int u = 0; u < 4; u++)
			emit_line(e, "vst1q_s32(acc + (oc + %d) * %lld + q + %d, a%d_%d);",
				j, (long long)k.PB, 4 * u, j, u);
	e->depth = 0;
	emit_line(e, "\t\t\t}");
	emit_a16_conv_close(e, n, fn, p, &v);
	return 0;
}

static int emit_neon_conv(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, emit_a16_conv_scratch,
		neon_conv_body);
}

/* ---------------------------------------------------------- dw16_neon */

static int neon_dw_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	EmitA16Dw k;
	emit_a16_dw_geom(n, c, &k);
	a16_weights(e, fn, p->w, c->OC, c->K, c->OC, c->K, 0);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "len", k.len);
	emit_vari(&v, "accoff", k.len * 4);
	emit_vari(&v, "PH", k.PH);
	emit_vari(&v, "PWS", k.PWS);
	emit_vari(&v, "RS", k.RS);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *pl = scratch;\n"
		"\tint32_t *acc = (int32_t *)(void *)((unsigned char *)scratch + "
		"$accoff);\n"
		"\tint b, g, m, ih, iw, ph, oh, ow, q;\n"
		"\tfor (q = 0; q < $len; q++)\n"
		"\t\tpl[q] = $zx;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst int16_t *xg = x + (b * $C + g) * $HW;\n"
		"\t\tfor (ih = 0; ih < $H; ih++)\n"
		"\t\tfor (iw = 0; iw < $W; iw++) {\n"
		"\t\t\tph = (iw + $padl) % $sw;\n"
		"\t\t\tpl[(ph * $PH + ih + $padt) * $RS + (iw + $padl) / $sw] = "
		"xg[ih * $W + iw];\n"
		"\t\t}\n"
		"\t\tfor (m = 0; m < $OCG; m++) {\n"
		"\t\t\tconst int o = g * $OCG + m;\n"
		"\t\t\tconst int16_t *wo = ${fn}_w + o * $K;\n"
		"\t\t\tconst int32_t *ac = acc;\n"
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n", &v);
	e->depth = 3;
	emit_open(e, "for (oh = 0; oh < %lld; oh++)", (long long)c->OH);
	emit_open(e, "for (ow = 0; ow < %lld; ow += 8) {", (long long)c->OW);
	emit_line(e, "int32x4_t a0 = vdupq_n_s32(0), a1 = a0;");
	emit_line(e, "int16x8_t t;");
	for (int64_t kh = 0; kh < c->KH; kh++)
		for (int64_t kw = 0; kw < c->KW; kw++) {
			int64_t col = kw * c->dw, i = kh * c->KW + kw;
			emit_line(e, "t = vld1q_s16(pl + (%lld + oh * %lld) * %lld + ow + "
				"%lld);", (long long)(col % c->sw * k.PH + kh * c->dh),
				(long long)c->sh, (long long)k.RS, (long long)(col / c->sw));
			emit_line(e, "a0 = vmlal_n_s16(a0, vget_low_s16(t), wo[%lld]);",
				(long long)i);
			emit_line(e, "a1 = vmlal_high_n_s16(a1, t, wo[%lld]);",
				(long long)i);
		}
	emit_line(e, "vst1q_s32(acc + oh * %lld + ow, a0);", (long long)c->OW);
	emit_line(e, "vst1q_s32(acc + oh * %lld + ow + 4, a1);", (long long)c->OW);
	emit_close(e);
	e->depth = 0;
	emit_a16_dw_close(e, n, fn, p, &v);
	return 0;
}

static int emit_neon_dw(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, emit_a16_dw_scratch, neon_dw_body);
}

/* ------------------------------------------------------- dense16_neon */

static int64_t neon_dense_bytes(const Node *n)
{
	return emit_round_up(n->in[0]->type.dims[1], 8) * 2;
}

static int emit_neon_dense(Emit *e, const Node *n, const char *fn)
{
	int64_t K = n->in[0]->type.dims[1], M = n->in[1]->type.dims[0];
	int64_t Kp = emit_round_up(K, 8);
	int wide;
	const int32_t *w = emit_dense_consts(e, n, fn, &wide);
	if (!w)
		return -1;
	a16_weights(e, fn, w, M, K, emit_round_up(M, 4), Kp, 0);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(&v, "N", n->in[0]->type.dims[0]);
	emit_vari(&v, "K", K);
	emit_vari(&v, "Kp", Kp);
	emit_vari(&v, "M", M);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *s = scratch;\n"
		"\tint b, m, k;\n"
		"\tmemset(s, 0, $Kp * 2);\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tmemcpy(s, x + b * $K, $K * 2);\n"
		"\t\tfor (m = 0; m < $M; m += 4) {\n"
		"\t\t\tconst int16_t *w = ${fn}_w + m * $Kp;\n"
		"\t\t\tint32x4_t a0 = vdupq_n_s32(0), a1 = a0, a2 = a0, a3 = a0;\n"
		"\t\t\tfor (k = 0; k < $Kp; k += 8) {\n"
		"\t\t\t\tconst int16x8_t xk = vld1q_s16(s + k);\n", &v);
	for (int i = 0; i < 4; i++) {
		emit_line(e, "\t\t\t\tconst int16x8_t w%d = vld1q_s16(w + %lld + k);",
			i, (long long)(i * Kp));
		emit_line(e, "\t\t\t\ta%d = vmlal_s16(a%d, vget_low_s16(xk), "
			"vget_low_s16(w%d));", i, i, i);
		emit_line(e, "\t\t\t\ta%d = vmlal_high_s16(a%d, xk, w%d);", i, i, i);
	}
	emit_line(e, "\t\t\t}");
	e->depth = 3;
	emit_dense_store4(e, n, fn, "vaddvq_s32");
	e->depth = 0;
	emit_fill(e, "\t\t}\n\t}\n}\n", &v);
	return 0;
}

const KernelRow emit_arm_a16_kernels[] = {
	{OP_QCONV2D, "aarch64-neon", "conv16_neon", "16-bit input, one group "
		"(column of taps, SMLAL by lane: tiles of 16 pixels x 4 channels)",
		emit_a16_conv_applies, emit_a16_conv_bytes, emit_neon_conv, 1},
	{OP_QCONV2D, "aarch64-neon", "dw16_neon", "16-bit input, one input "
		"channel a group (padded phase planes, SMLAL by the tap's weight)",
		emit_a16_dw_applies, emit_a16_dw_bytes, emit_neon_dw, 1},
	{OP_QDENSE, "aarch64-neon", "dense16_neon", "16-bit input (four weight "
		"rows a pass, SMLAL)", emit_a16_dense_applies, neon_dense_bytes,
		emit_neon_dense, 1},
	{0},
};
