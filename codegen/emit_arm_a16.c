/* emit_arm_a16.c - the aarch64 kernels of layers with a 16-bit input
 * (the shapes and what they share: emit_a16.c), for aarch64-neon and
 * aarch64-dotprod (which takes these): SMLAL/SMLAL2, int16 by int16 (the
 * weights widened once, in the constants) into int32 lanes.
 *
 *   conv16_neon   the column holds one int16 row of pixels per tap (a 1x1
 *                 layer of stride 1 reads its input in place); tiles of
 *                 16 pixels by 4 output channels, per tap two loads, one
 *                 load of the 4 channels' weights and eight SMLAL/SMLAL2
 *                 by lane.
 *   dw16_neon     the plane holds int16; a tap of 8 outputs is one load,
 *                 SMLAL and SMLAL2 by the tap's weight.
 *   dense16_neon  the input row against four weight rows a pass, eight
 *                 products a row and step, the lanes summed at the end.
 *
 * The conv kernels keep no accumulators: a tile's lanes are requantized
 * in NEON as it ends (neon_requant) and stored, so their scratch is the
 * column or the planes alone and the arena at 16 bits stays near twice
 * that at 8 (docs/arm.md).
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

/* ------------------------------------------------- requantization */

/* Channel o's requantization of the int32x4 vectors `vec`0 .. `vec`(nv-1)
 * (the dot products, o, i and t declared) into dst[0 .. cnt) (cnt a C
 * expression, at most 4 nv), at the current depth. Under qcc_requant32
 * (p->r32) in NEON lanes, as the C helper computes it: the folded
 * constant added modulo 2^32 (and the pre-shift a), the 64-bit product
 * by VMULL plus 2^62, its high word by SHRN, the rounding right shift by
 * USHL of the unsigned sum, then base and the clamp, narrowed to the
 * output's 16 or 8 bits; a partial run through t. Otherwise (or another
 * output type) the lanes are stored in t and requantized one by one. */
static void neon_requant(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const char *vec, int nv, const char *dst,
	const char *cnt)
{
	DType yt = n->out->type.elem;
	int bytes = yt == DT_I16 ? 2 : yt == DT_I8 || yt == DT_U8 ? 1 : 0;
	if (!p->r32 || !bytes) {
		for (int i = 0; i < nv; i++)
			emit_line(e, "vst1q_s32(t + %d, %s%d);", 4 * i, vec, i);
		char loops[100];
		snprintf(loops, sizeof loops, "for (i = 0; i < %s; i++)", cnt);
		int d = e->depth;
		e->depth = 0;
		emit_row_requant(e, n, fn, loops, "dst[i]", "t[i]", 0, p->r32, d);
		e->depth = d;
		return;
	}
	const EmitReq32 *r = p->r32;
	int len;
	attr_ints(n, "mult", &len);
	char m[64], s[64], a[64];
	if (len == 1)
		snprintf(m, sizeof m, "%lld", (long long)r->m[0]);
	else
		snprintf(m, sizeof m, "%s_m[o]", fn);
	if (len == 1)
		snprintf(s, sizeof s, "%lld", (long long)r->s[0] - 32);
	else
		snprintf(s, sizeof s, "%s_s[o] - 32", fn);
	if (len == 1)
		snprintf(a, sizeof a, "%lld", (long long)r->a[0]);
	else
		snprintf(a, sizeof a, "%s_a[o]", fn);
	emit_open(e, "{");
	emit_line(e, "const int rs = %s;", s);
	emit_line(e, "const int32x4_t vc = vdupq_n_s32(%s_c[o]), "
		"vm = vdupq_n_s32(%s);", fn, m);
	emit_line(e, "const int32x4_t vs = vdupq_n_s32(-rs);");
	emit_line(e, "const uint32x4_t vh = vdupq_n_u32((uint32_t)1 << (rs - 1));");
	emit_line(e, "const int32x4_t vb = vdupq_n_s32(%d - (int32_t)((uint32_t)1 "
		"<< (30 - rs)));", (int)emit_zp(n->out));
	emit_line(e, "const int32x4_t vlo = vdupq_n_s32(%lld), vhi = "
		"vdupq_n_s32(%lld);", (long long)attr_int(n, "act_min"),
		(long long)attr_int(n, "act_max"));
	emit_line(e, "const int64x2_t r62 = vdupq_n_s64((int64_t)1 << 62);");
	if (r->any_a)
		emit_line(e, "const int32x4_t va = vdupq_n_s32(%s);", a);
	emit_line(e, "int32x4_t r[%d];", nv);
	for (int i = 0; i < nv; i++) {
		emit_open(e, "{");
		emit_line(e, "int32x4_t u = vaddq_s32(vc, %s%d);", vec, i);
		if (r->any_a)
			emit_line(e, "u = vshlq_s32(u, va);");
		emit_line(e, "const int64x2_t pl = vaddq_s64(vmull_s32("
			"vget_low_s32(u), vget_low_s32(vm)), r62);");
		emit_line(e, "const int64x2_t ph = vaddq_s64(vmull_high_s32(u, vm), "
			"r62);");
		emit_line(e, "const uint32x4_t h = vcombine_u32(vshrn_n_u64("
			"vreinterpretq_u64_s64(pl), 32), vshrn_n_u64("
			"vreinterpretq_u64_s64(ph), 32));");
		emit_line(e, "r[%d] = vminq_s32(vmaxq_s32(vaddq_s32(vb, "
			"vreinterpretq_s32_u32(vshlq_u32(vaddq_u32(h, vh), vs))), vlo), "
			"vhi);", i);
		emit_close(e);
	}
	/* narrowed: int16x8 pairs, then for bytes int8x16 quads (int8x8 for
	 * a pair alone) */
	for (int i = 0; i + 1 < nv; i += 2)
		emit_line(e, "const int16x8_t n%d = vcombine_s16(vmovn_s32(r[%d]), "
			"vmovn_s32(r[%d]));", i / 2, i, i + 1);
	int quad = bytes == 1 && nv % 4 == 0;
	if (bytes == 1 && quad)
		for (int i = 0; i < nv; i += 4)
			emit_line(e, "const int8x16_t b%d = vcombine_s8(vmovn_s16(n%d), "
				"vmovn_s16(n%d));", i / 4, i / 2, i / 2 + 1);
	else if (bytes == 1)
		for (int i = 0; i < nv; i += 2)
			emit_line(e, "const int8x8_t b%d = vmovn_s16(n%d);", i / 2, i / 2);
	const char *st = bytes == 2 ? "vst1q_s16" : quad ? "vst1q_s8" :
		"vst1_s8";
	const char *pt = bytes == 2 ? "(int16_t *)" : "(int8_t *)";
	int per = bytes == 2 ? 8 : quad ? 16 : 8, nst = nv * 4 / per;
	emit_open(e, "if (%s == %d) {", cnt, 4 * nv);
	for (int i = 0; i < nst; i++)
		emit_line(e, "%s(%s(void *)(%s + %d), %s%d);", st, pt, dst, i * per,
			bytes == 2 ? "n" : "b", i);
	emit_close(e);
	emit_open(e, "else {");
	for (int i = 0; i < nst; i++)
		emit_line(e, "%s(%s(void *)t + %d, %s%d);", st, pt, i * per,
			bytes == 2 ? "n" : "b", i);
	emit_line(e, "memcpy(%s, t, (size_t)(%s) * %d);", dst, cnt, bytes);
	emit_close(e);
	emit_close(e);
}

/* -------------------------------------------------------- conv16_neon */

/* A 1x1 layer of stride 1 without padding on a plane of 16 pixels or
 * more: its column is its input, so the tiles read the input rows in
 * place, the last tile ending at the plane's end (overlapping the one
 * before it, whose outputs it writes again, the same). */
static int neon_in_place(const WinGeom *c)
{
	return c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 && !c->pt &&
		!c->pl && c->OW == c->W && c->OH == c->H && c->OH * c->OW >= 16;
}

/* The column, a block's [K][PB] int16 (none in place). No accumulators:
 * each tile is requantized as it ends. */
static EmitConvScratch neon_conv_scratch(const Node *n, const WinGeom *c)
{
	(void)n;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	return (EmitConvScratch){neon_in_place(c) ? 0 :
		emit_round_up(c->K * k.PB * 2, 8), 0};
}

static int64_t neon_conv_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(neon_conv_scratch(n, &c));
}

static int neon_conv_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	int inplace = neon_in_place(c);
	if (inplace)
		k.RB = c->OH;
	a16_weights(e, fn, p->w, c->OC, c->K, k.OCp, c->K, 1);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "OCp", k.OCp);
	emit_vari(&v, "RB", k.RB);
	emit_vari(&v, "PB", k.PB);
	emit_vari(&v, "colbytes", neon_conv_scratch(n, c).buf);
	emit_vari(&v, "blocks", (c->OH + k.RB - 1) / k.RB);
	/* without scratch the call passes none (emit_c.c) */
	emit_fill(e, inplace ? "static void $fn(const int16_t *x, $yt *y)\n{\n" :
		"static void $fn(const int16_t *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *col = scratch;\n", &v);
	emit_fill(e, "\tint32_t t[16];\n"
		"\tint b, blk, k, r, ow, q, oc, i;\n"
		"\t(void)r, (void)ow, (void)i, (void)t;\n", &v);
	if (!inplace)
		emit_fill(e, "\tmemset(col, 0, $colbytes);\n", &v);
	emit_fill(e, "\tfor (b = 0; b < $N; b++) {\n"
		"\t\tconst int16_t *xb = x + b * $C * $HW;\n"
		"\t\t$yt *yb = y + b * $OC * $OHW;\n"
		"\t\tfor (blk = 0; blk < $blocks; blk++) {\n"
		"\t\t\tconst int oh0 = blk * $RB;\n"
		"\t\t\tconst int nr = $OH - oh0 < $RB ? $OH - oh0 : $RB;\n"
		"\t\t\tconst int nq = nr * $OW;\n", &v);
	char dst[64];
	snprintf(dst, sizeof dst, "col + k * %lld", (long long)k.PB);
	if (!inplace)
		emit_a16_column(e, c, &v, dst, 1);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OCp; oc += 4)\n"
		"\t\t\tfor (q = 0; q < nq; q += 16) {\n", &v);
	e->depth = 4;
	if (inplace) {
		emit_line(e, "const int qs = q + 16 <= nq ? q : nq - 16, cnt = 16;");
		emit_line(e, "const int16_t *wq = %s_w + oc * %lld, *cq = xb + qs;",
			fn, (long long)c->K);
	} else {
		emit_line(e, "const int qs = q, cnt = nq - q < 16 ? nq - q : 16;");
		emit_line(e, "const int16_t *wq = %s_w + oc * %lld, *cq = col + q;",
			fn, (long long)c->K);
	}
	for (int j = 0; j < 4; j++)
		emit_line(e, "int32x4_t a%d_0 = vdupq_n_s32(0), a%d_1 = a%d_0, "
			"a%d_2 = a%d_0, a%d_3 = a%d_0;", j, j, j, j, j, j, j);
	emit_open(e, "for (k = 0; k < %lld; k++, cq += %lld) {",
		(long long)c->K, (long long)(inplace ? c->H * c->W : k.PB));
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
	for (int j = 0; j < 4; j++) {
		char vec[8];
		snprintf(vec, sizeof vec, "a%d_", j);
		emit_open(e, "if (oc + %d < %lld) {", j, (long long)c->OC);
		emit_line(e, "const int o = oc + %d;", j);
		emit_line(e, "%s *dst = yb + o * %lld + oh0 * %lld + qs;",
			emit_ctype(n->out->type.elem), (long long)(c->OH * c->OW),
			(long long)c->OW);
		neon_requant(e, n, fn, p, vec, 4, "dst", "cnt");
		emit_close(e);
	}
	e->depth = 0;
	emit_fill(e, "\t\t\t}\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

static int emit_neon_conv(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, neon_conv_scratch, neon_conv_body);
}

/* ---------------------------------------------------------- dw16_neon */

/* The planes, int16; a run of 8 outputs is requantized as it ends. */
static EmitConvScratch neon_dw_scratch(const Node *n, const WinGeom *c)
{
	EmitA16Dw k;
	emit_a16_dw_geom(n, c, &k);
	return (EmitConvScratch){emit_round_up(k.len * 2, 8), 0};
}

static int64_t neon_dw_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(neon_dw_scratch(n, &c));
}

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
	emit_vari(&v, "PH", k.PH);
	emit_vari(&v, "PWS", k.PWS);
	emit_vari(&v, "RS", k.RS);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *pl = scratch;\n"
		"\tint32_t t[8];\n"
		"\tint b, g, m, ih, iw, ph, oh, ow, q, i;\n"
		"\t(void)i, (void)t;\n"
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
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n", &v);
	e->depth = 3;
	emit_open(e, "for (oh = 0; oh < %lld; oh++)", (long long)c->OH);
	emit_open(e, "for (ow = 0; ow < %lld; ow += 8) {", (long long)c->OW);
	emit_line(e, "int32x4_t a0 = vdupq_n_s32(0), a1 = a0;");
	emit_line(e, "const int cnt = %lld - ow < 8 ? %lld - ow : 8;",
		(long long)c->OW, (long long)c->OW);
	emit_line(e, "%s *dst = yo + oh * %lld + ow;",
		emit_ctype(n->out->type.elem), (long long)c->OW);
	emit_line(e, "int16x8_t u;");
	for (int64_t kh = 0; kh < c->KH; kh++)
		for (int64_t kw = 0; kw < c->KW; kw++) {
			int64_t col = kw * c->dw, i = kh * c->KW + kw;
			emit_line(e, "u = vld1q_s16(pl + (%lld + oh * %lld) * %lld + ow + "
				"%lld);", (long long)(col % c->sw * k.PH + kh * c->dh),
				(long long)c->sh, (long long)k.RS, (long long)(col / c->sw));
			emit_line(e, "a0 = vmlal_n_s16(a0, vget_low_s16(u), wo[%lld]);",
				(long long)i);
			emit_line(e, "a1 = vmlal_high_n_s16(a1, u, wo[%lld]);",
				(long long)i);
		}
	neon_requant(e, n, fn, p, "a", 2, "dst", "cnt");
	emit_close(e);
	e->depth = 0;
	emit_fill(e, "\t\t}\n\t}\n}\n", &v);
	return 0;
}

static int emit_neon_dw(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, neon_dw_scratch, neon_dw_body);
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
		emit_a16_conv_applies, neon_conv_bytes, emit_neon_conv, 1},
	{OP_QCONV2D, "aarch64-neon", "dw16_neon", "16-bit input, one input "
		"channel a group (padded phase planes, SMLAL by the tap's weight)",
		emit_a16_dw_applies, neon_dw_bytes, emit_neon_dw, 1},
	{OP_QDENSE, "aarch64-neon", "dense16_neon", "16-bit input (four weight "
		"rows a pass, SMLAL)", emit_a16_dense_applies, neon_dense_bytes,
		emit_neon_dense, 1},
	{0},
};
