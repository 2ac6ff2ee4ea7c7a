/* emit_arm.c - the conv, dense and pooling kernels of the Arm targets.
 *
 * Cortex-M (cortex-m4, cortex-m7): the DSP extension's dual 16-bit
 * multiply-add (SMLAD) on pairs of taps, through the ACLE intrinsics of
 * <arm_acle.h>:
 *
 *   conv_m_strip  (two output channels a group at least) the receptive
 *                 fields of two output pixels are gathered as int16 into a
 *                 strip of 2 x Kp (K rounded up to 4, zeros after K), read
 *                 straight from the NCHW input, zx outside it; per pair of
 *                 output channels, four accumulators take 16 products per
 *                 step: two weight words widened by SXTB16 (the packing
 *                 module's dual-16 order, ir/pack.c), four strip words, eight
 *                 SMLAD. Each result is requantized and stored at once. RAM:
 *                 the strip only (4 Kp bytes), no column buffer, no
 *                 accumulator rows.
 *   conv_m_dw     (one input channel a group, width dilation 1: depthwise,
 *                 single-channel inputs) one channel at a time is copied as
 *                 int16 into a zx-padded plane (the plane's size only); each
 *                 output sums its taps two at a time: an unaligned word of two
 *                 neighbouring inputs against a word of two weights.
 *
 * aarch64 (aarch64-neon, aarch64-dotprod): conv_neon_strip, the strip
 * kernel on four pixels and four channels with NEON, dense_neon, four
 * weight rows a pass against the input row, and maxpool_neon_2x2 (below).
 *
 * All need 8-bit signed weights and dot products that fit int32
 * (emit_fold_bias). The Cortex-M kernels take 8-bit or 16-bit inputs
 * (16-bit: zero point 0): both are widened to the same int16 strips and
 * planes, and a 16-bit input's dot product stays exact in SMLAD's wrapping
 * 32-bit sums since |acc| <= acc_bound < 2^31; the NEON strip takes 8-bit
 * inputs only. Other convs take the generic kernels. The sums are
 * those of the generic kernels (integer additions in another order), so the
 * outputs are bit-identical.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static int64_t kp4(int64_t K)
{
	return (K + 3) / 4 * 4;
}

/* 8-bit weights and 8-bit or (zero point 0) 16-bit input: the kernels
 * widen the input to int16 for SMLAD either way; a 16-bit input's
 * products are exact in int32, and SMLAD's sums wrap modulo 2^32, so the
 * dot product is exact within acc_bound < 2^31 (docs/arith.md). */
static int m_input_fits(const Value *x)
{
	return x->type.elem == DT_I8 || (x->type.elem == DT_I16 &&
		x->type.q.present && x->type.q.zp[0] == 0);
}

/* m_input_fits, constant weights and bias, and int32 dot products. */
static int m_types_fit(const Node *n)
{
	if (!m_input_fits(n->in[0]) || n->in[1]->type.elem != DT_I8 ||
		n->in[1]->kind != VAL_CONST ||
		(n->nin > 2 && n->in[2] && n->in[2]->kind != VAL_CONST))
		return 0;
	WinGeom c;
	geom_conv(n, &c);
	int wide;
	free(emit_fold_bias(n, n->in[1]->data, c.OC, c.K, &wide));
	return !wide;
}

static int strip_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.OCG >= 2 && m_types_fit(n);
}

static int64_t strip_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return 2 * kp4(c.K) * 2;
}

/* The NEON strip gathers int8 rows for SDOT: 8-bit input only. */
static int neon_strip_applies(const Node *n)
{
	return n->in[0]->type.elem == DT_I8 && strip_applies(n);
}

static int dw_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.ICG == 1 && c.dw == 1 && m_types_fit(n);
}

/* The padded plane: PH rows of PW, and one word of slack for the last
 * pair of an odd KW. */
static int64_t dw_plane_len(const Node *n, const WinGeom *c)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	return (c->H + pad[0] + pad[2]) * (c->W + pad[1] + pad[3]) + 2;
}

static int64_t dw_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return (dw_plane_len(n, &c) * 2 + 7) / 8 * 8;
}

static void m_vars(EmitVars *v, const Node *n, const char *fn,
	const WinGeom *c, int64_t Kp)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(v, "zx", emit_zp(n->in[0]));
	const char *names[] = {"N", "C", "H", "W", "OC", "ICG", "OCG", "groups",
		"KH", "KW", "K", "OH", "OW", "sh", "sw", "dh", "dw", "padt", "padl"};
	int64_t vals[] = {c->N, c->C, c->H, c->W, c->OC, c->ICG, c->OCG,
		c->groups, c->KH, c->KW, c->K, c->OH, c->OW, c->sh, c->sw, c->dh,
		c->dw, pad[0], pad[1]};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		emit_vari(v, names[i], vals[i]);
	emit_vari(v, "Kp", Kp);
	emit_vari(v, "HW", c->H * c->W);
	emit_vari(v, "OHW", c->OH * c->OW);
}

/* static YT FN_rq(int o, int32_t acc): output channel o's requantization
 * of the dot product acc. */
static void emit_rq(Emit *e, const Node *n, const char *fn,
	const EmitReq32 *r32)
{
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_fill(e, "static inline $yt ${fn}_rq(int o, int32_t acc)\n{\n\t$yt r;\n",
		&v);
	emit_row_requant(e, n, fn, "/* one value */", "r", "acc", 0, r32, 1);
	emit_fill(e, "\treturn r;\n}\n", &v);
}

/* static void FN_col(const $xt *xg, ST *s, int p): the receptive field
 * of output pixel p of the group's input xg into s, taps in the weights'
 * order (ic, kh, kw), zx outside the input; without bounds tests where it
 * lies inside. */
static void emit_gather(Emit *e, const WinGeom *c, EmitVars *v,
	const char *st)
{
	emit_var(v, "st", st);
	emit_vari(v, "ihmax", c->H - 1 - (c->KH - 1) * c->dh);
	emit_vari(v, "iwmax", c->W - 1 - (c->KW - 1) * c->dw);
	emit_vari(v, "dhW", c->dh * c->W);
	emit_fill(e, "static void ${fn}_col(const $xt *xg, $st *s, int p)\n"
		"{\n"
		"\tint ih0 = p / $OW * $sh - $padt, iw0 = p % $OW * $sw - $padl;\n"
		"\tint ic, kh, kw;\n"
		"\tif (ih0 >= 0 && ih0 <= $ihmax && iw0 >= 0 && iw0 <= $iwmax) {\n"
		"\t\tconst $xt *r = xg + ih0 * $W + iw0;\n"
		"\t\tfor (ic = 0; ic < $ICG; ic++, r += $HW)\n"
		"\t\t\tfor (kh = 0; kh < $KH; kh++)\n", v);
	/* int8 rows of adjacent taps: one copy a row, whatever the flags
	 * (gcc -O2 copies byte by byte otherwise) */
	if (c->dw == 1 && !strcmp(st, "int8_t"))
		emit_fill(e, "\t\t\t\tmemcpy(s, r + kh * $dhW, $KW), s += $KW;\n", v);
	else
		emit_fill(e, "\t\t\t\tfor (kw = 0; kw < $KW; kw++)\n"
			"\t\t\t\t\t*s++ = r[kh * $dhW + kw * $dw];\n", v);
	emit_fill(e, "\t\treturn;\n"
		"\t}\n"
		"\tfor (ic = 0; ic < $ICG; ic++)\n"
		"\t\tfor (kh = 0; kh < $KH; kh++) {\n"
		"\t\t\tint ih = ih0 + kh * $dh;\n"
		"\t\t\tfor (kw = 0; kw < $KW; kw++) {\n"
		"\t\t\t\tint iw = iw0 + kw * $dw;\n"
		"\t\t\t\t*s++ = (unsigned)ih < $H && (unsigned)iw < $W ?\n"
		"\t\t\t\t\txg[(ic * $H + ih) * $W + iw] : $zx;\n"
		"\t\t\t}\n"
		"\t\t}\n"
		"}\n\n", v);
}

/* FN_w: the weights [OC][ICG][KH][KW] as int8 rows of Kp, K rounded up
 * to a multiple of mult (zeros after K), then `extra` zero rows; in the
 * dual-16 order (ir/pack.c) if dual16. */
static void emit_strip_weights(Emit *e, const char *fn, const WinGeom *c,
	const int32_t *w, int mult, int extra, int dual16)
{
	const PackSpec spec = {PACK_OIHW, mult, 0, 32};
	int64_t Kp = pack_kp(&spec, c->K);
	int32_t *p = calloc((c->OC + extra) * Kp + 1, sizeof *p);
	if (!p)
		abort();
	pack_rows(&spec, w, c->OC, c->K, p);
	if (dual16)
		pack_dual16(p, c->OC, Kp);
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_array(e, name, DT_I8, p, (c->OC + extra) * Kp);
	free(p);
}

void emit_sxtb16_ror8(Emit *e, const EmitVars *v)
{
	emit_fill(e, "static inline int32_t ${fn}_sxtb16_ror8(uint32_t u)\n{\n"
		"\tint32_t v;\n"
		"\t__asm__(\"sxtb16 %0, %1, ror #8\" : \"=r\"(v) : \"r\"(u));\n"
		"\treturn v;\n}\n\n", v);
}

static int emit_strip_body(Emit *e, const Node *n, const char *fn,
	const int32_t *w, int wide, const EmitReq32 *r32)
{
	(void)wide;
	WinGeom c;
	geom_conv(n, &c);
	int64_t Kp = kp4(c.K);
	/* with an odd group, a zero row after the last, read (and its
	 * products dropped) by the second channel of its last pair */
	emit_strip_weights(e, fn, &c, w, 4, (int)(c.OCG % 2), 1);
	emit_rq(e, n, fn, r32);
	EmitVars v = {0};
	m_vars(&v, n, fn, &c, Kp);
	emit_vari(&v, "stripbytes", 2 * Kp * 2);
	emit_vari(&v, "Kp4", Kp / 4);
	emit_gather(e, &c, &v, "int16_t");
	emit_sxtb16_ror8(e, &v);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *s0 = scratch, *s1 = s0 + $Kp;\n"
		"\tint b, g, p, oc, k;\n"
		"\tmemset(scratch, 0, $stripbytes);\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g * $ICG) * $HW;\n"
		"\t\tfor (p = 0; p < $OHW; p += 2) {\n"
		"\t\t\tint p1 = p + 1 < $OHW ? p + 1 : p;\n"
		"\t\t\t${fn}_col(xg, s0, p);\n"
		"\t\t\t${fn}_col(xg, s1, p1);\n"
		"\t\t\tfor (oc = 0; oc < $OCG; oc += 2) {\n"
		"\t\t\t\tint o0 = g * $OCG + oc;\n"
		"\t\t\t\tint o1 = oc + 1 < $OCG ? o0 + 1 : o0;\n"
		"\t\t\t\tconst int8_t *w0 = ${fn}_w + o0 * $Kp;\n"
		"\t\t\t\t$yt *y0 = y + (b * $OC + o0) * $OHW;\n"
		"\t\t\t\t$yt *y1 = y + (b * $OC + o1) * $OHW;\n"
		"\t\t\t\tconst int16_t *sk = s0;\n"
		"\t\t\t\tint32_t a00 = 0, a01 = 0, a10 = 0, a11 = 0;\n"
		"\t\t\t\tfor (k = 0; k < $Kp4; k++, w0 += 4, sk += 4) {\n"
		"\t\t\t\t\tuint32_t u;\n"
		"\t\t\t\t\tint32_t x00, x01, x10, x11, v0, v1;\n"
		"\t\t\t\t\tmemcpy(&x00, sk, 4);\n"
		"\t\t\t\t\tmemcpy(&x01, sk + 2, 4);\n"
		"\t\t\t\t\tmemcpy(&x10, sk + $Kp, 4);\n"
		"\t\t\t\t\tmemcpy(&x11, sk + $Kp + 2, 4);\n"
		"\t\t\t\t\tmemcpy(&u, w0, 4);\n"
		"\t\t\t\t\tv0 = __sxtb16((int32_t)u);\n"
		"\t\t\t\t\tv1 = ${fn}_sxtb16_ror8(u);\n"
		"\t\t\t\t\ta00 = __smlad(x00, v0, a00);\n"
		"\t\t\t\t\ta00 = __smlad(x01, v1, a00);\n"
		"\t\t\t\t\ta01 = __smlad(x10, v0, a01);\n"
		"\t\t\t\t\ta01 = __smlad(x11, v1, a01);\n"
		"\t\t\t\t\tmemcpy(&u, w0 + $Kp, 4);\n"
		"\t\t\t\t\tv0 = __sxtb16((int32_t)u);\n"
		"\t\t\t\t\tv1 = ${fn}_sxtb16_ror8(u);\n"
		"\t\t\t\t\ta10 = __smlad(x00, v0, a10);\n"
		"\t\t\t\t\ta10 = __smlad(x01, v1, a10);\n"
		"\t\t\t\t\ta11 = __smlad(x10, v0, a11);\n"
		"\t\t\t\t\ta11 = __smlad(x11, v1, a11);\n"
		"\t\t\t\t}\n"
		"\t\t\t\ty0[p] = ${fn}_rq(o0, a00);\n"
		"\t\t\t\ty0[p1] = ${fn}_rq(o0, a01);\n"
		"\t\t\t\tif (oc + 1 < $OCG) {\n"
		"\t\t\t\t\ty1[p] = ${fn}_rq(o1, a10);\n"
		"\t\t\t\t\ty1[p1] = ${fn}_rq(o1, a11);\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n"
		"\t\t}\n"
		"\t}\n"
		"}\n", &v);
	return 0;
}

static int emit_dw_body(Emit *e, const Node *n, const char *fn,
	const int32_t *w, int wide, const EmitReq32 *r32)
{
	(void)wide;
	WinGeom c;
	geom_conv(n, &c);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	int64_t PW = c.W + pad[1] + pad[3], P = (c.KW + 1) / 2;
	/* weight pairs (kw, kw + 1) of each row as one word, low half first;
	 * 0 after an odd KW's last tap */
	int64_t *wp = malloc((c.OC * c.KH * P + 1) * sizeof *wp);
	if (!wp)
		abort();
	for (int64_t o = 0; o < c.OC; o++)
		for (int64_t kh = 0; kh < c.KH; kh++)
			for (int64_t j = 0; j < P; j++) {
				const int32_t *r = w + (o * c.KH + kh) * c.KW + 2 * j;
				uint32_t lo = (uint16_t)r[0];
				uint32_t hi = 2 * j + 1 < c.KW ? (uint16_t)r[1] : 0;
				wp[(o * c.KH + kh) * P + j] = (int32_t)(lo | hi << 16);
			}
	char name[400];
	snprintf(name, sizeof name, "%s_wp", fn);
	emit_ints(e, "int32_t", name, wp, c.OC * c.KH * P);
	free(wp);
	emit_rq(e, n, fn, r32);
	EmitVars v = {0};
	m_vars(&v, n, fn, &c, 0);
	emit_vari(&v, "PW", PW);
	emit_vari(&v, "P", P);
	emit_vari(&v, "KHP", c.KH * P);
	emit_vari(&v, "plen", dw_plane_len(n, &c));
	emit_vari(&v, "dhPW", c.dh * PW);
	emit_vari(&v, "shPW", c.sh * PW);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *pl = scratch;\n"
		"\tint b, g, m, i, ih, iw, oh, ow, kh, j;\n"
		"\tfor (i = 0; i < $plen; i++)\n"
		"\t\tpl[i] = $zx;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g) * $HW;\n"
		"\t\tfor (ih = 0; ih < $H; ih++)\n"
		"\t\t\tfor (iw = 0; iw < $W; iw++)\n"
		"\t\t\t\tpl[(ih + $padt) * $PW + iw + $padl] = xg[ih * $W + iw];\n"
		"\t\tfor (m = 0; m < $OCG; m++) {\n"
		"\t\t\tint o = g * $OCG + m;\n"
		"\t\t\tconst int32_t *wo = ${fn}_wp + o * $KHP;\n"
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n"
		"\t\t\tfor (oh = 0; oh < $OH; oh++) {\n"
		"\t\t\t\tconst int16_t *r = pl + oh * $shPW;\n"
		"\t\t\t\tfor (ow = 0; ow < $OW; ow++, r += $sw) {\n"
		"\t\t\t\t\tint32_t a = 0;\n"
		"\t\t\t\t\tfor (kh = 0; kh < $KH; kh++)\n"
		"\t\t\t\t\t\tfor (j = 0; j < $P; j++) {\n"
		"\t\t\t\t\t\t\tint32_t u;\n"
		"\t\t\t\t\t\t\tmemcpy(&u, r + kh * $dhPW + 2 * j, 4);\n"
		"\t\t\t\t\t\t\ta = __smlad(u, wo[kh * $P + j], a);\n"
		"\t\t\t\t\t\t}\n"
		"\t\t\t\t\tyo[oh * $OW + ow] = ${fn}_rq(o, a);\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n"
		"\t\t}\n"
		"\t}\n"
		"}\n", &v);
	return 0;
}


/* ------------------------------------------------------ Cortex-M dense */

/* conv_m_strip's step on a dense layer: the input row widened once to
 * int16 (K rounded up to 4, zeros after K); two weight rows at a time in
 * the dual-16 order, each word widened by SXTB16, two SMLAD per row and
 * step; the folded constant added in int64 and requantized as the generic
 * kernel does (qcc_requant). */
static int64_t dense_k(const Node *n)
{
	return n->in[0]->type.dims[1];
}

static int m_dense_applies(const Node *n)
{
	if (!m_input_fits(n->in[0]) || n->in[1]->type.elem != DT_I8 ||
		n->in[1]->kind != VAL_CONST ||
		(n->nin > 2 && n->in[2] && n->in[2]->kind != VAL_CONST))
		return 0;
	int wide;
	free(emit_fold_bias(n, n->in[1]->data, n->in[1]->type.dims[0],
		dense_k(n), &wide));
	return !wide;
}

static int64_t m_dense_bytes(const Node *n)
{
	return kp4(dense_k(n)) * 2;
}

/* A dense kernel's constants (the folded constant, requantization) and
 * weights as rows of Kp (K rounded up to `mult`, then zero rows up to a
 * multiple of `rows`; dual16 as emit_strip_weights), and its variables
 * fn, xt, yt, N, K, Kp, M; -1 after reporting. */
static int dense_setup(Emit *e, const Node *n, const char *fn, int mult,
	int rows, int dual16, EmitVars *v)
{
	int64_t K = dense_k(n), M = n->in[1]->type.dims[0];
	int wide;
	const int32_t *w = emit_dense_consts(e, n, fn, &wide);
	if (!w)
		return -1;
	WinGeom c = {0};
	c.OC = M, c.K = K;
	emit_strip_weights(e, fn, &c, w, mult, (int)((rows - M % rows) % rows),
		dual16);
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(v, "N", n->in[0]->type.dims[0]);
	emit_vari(v, "K", K);
	emit_vari(v, "Kp", (K + mult - 1) / mult * mult);
	emit_vari(v, "M", M);
	return 0;
}

static int emit_m_dense(Emit *e, const Node *n, const char *fn)
{
	EmitVars v = {0};
	/* with an odd M, a zero row after the last for its last pair */
	if (dense_setup(e, n, fn, 4, 2, 1, &v))
		return -1;
	emit_vari(&v, "Kp4", kp4(dense_k(n)) / 4);
	emit_sxtb16_ror8(e, &v);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *xv = scratch;\n"
		"\tint b, m, k;\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tfor (k = 0; k < $K; k++)\n"
		"\t\t\txv[k] = x[b * $K + k];\n"
		"\t\tfor (; k < $Kp; k++)\n"
		"\t\t\txv[k] = 0;\n"
		"\t\tfor (m = 0; m < $M; m += 2) {\n"
		"\t\t\tconst int8_t *w0 = ${fn}_w + m * $Kp;\n"
		"\t\t\tconst int16_t *xk = xv;\n"
		"\t\t\tint32_t a0 = 0, a1 = 0;\n"
		"\t\t\tfor (k = 0; k < $Kp4; k++, w0 += 4, xk += 4) {\n"
		"\t\t\t\tuint32_t u;\n"
		"\t\t\t\tint32_t x0, x1;\n"
		"\t\t\t\tmemcpy(&x0, xk, 4);\n"
		"\t\t\t\tmemcpy(&x1, xk + 2, 4);\n"
		"\t\t\t\tmemcpy(&u, w0, 4);\n"
		"\t\t\t\ta0 = __smlad(x0, __sxtb16((int32_t)u), a0);\n"
		"\t\t\t\ta0 = __smlad(x1, ${fn}_sxtb16_ror8(u), a0);\n"
		"\t\t\t\tmemcpy(&u, w0 + $Kp, 4);\n"
		"\t\t\t\ta1 = __smlad(x0, __sxtb16((int32_t)u), a1);\n"
		"\t\t\t\ta1 = __smlad(x1, ${fn}_sxtb16_ror8(u), a1);\n"
		"\t\t\t}\n"
		"\t\t\ty[b * $M + m] = ($yt)qcc_requant((int64_t)${fn}_c[m] + a0, ",
		&v);
	emit_requant_args(e, n, fn, "m");
	emit_fill(e, ");\n"
		"\t\t\tif (m + 1 < $M)\n"
		"\t\t\t\ty[b * $M + m + 1] = ($yt)qcc_requant("
		"(int64_t)${fn}_c[m + 1] + a1, ", &v);
	emit_requant_args(e, n, fn, "m + 1");
	emit_fill(e, ");\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* ------------------------------------------------------ aarch64 (NEON) */

static int64_t kp16(int64_t K)
{
	return (K + 15) / 16 * 16;
}

static int64_t neon_strip_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return 4 * kp16(c.K);
}

/* static int32x4_t FN_dot(int32x4_t a, int8x16_t w, int8x16_t x): a plus
 * the products of w and x, four to a lane: SDOT on aarch64-dotprod (its
 * guard requires the dot-product extension); on aarch64-neon SMULL/SMULL2
 * widening products added pairwise (SADALP), whatever the compiler's
 * flags (-mcpu with the extension does not change the algorithm). */
static void emit_neon_dot(Emit *e, const EmitVars *v)
{
	int sdot = !strcmp(e->target->name, "aarch64-dotprod");
	emit_fill(e, "static inline int32x4_t ${fn}_dot(int32x4_t a, int8x16_t w, "
		"int8x16_t x)\n{\n", v);
	if (sdot)
		emit_line(e, "\treturn vdotq_s32(a, w, x);");
	else
		emit_fill(e, "\ta = vpadalq_s16(a, vmull_s8(vget_low_s8(w), vget_low_s8(x)));\n"
			"\treturn vpadalq_s16(a, vmull_high_s8(w, x));\n", v);
	emit_line(e, "}\n");
}

/* Four output pixels' receptive fields as int8 rows of Kp (K rounded up to
 * 16, zeros after K); per block of four output channels, sixteen int32x4
 * accumulators take the products of four weight rows and four strip rows,
 * 16 bytes a step (FN_dot). The lanes are summed at the end (ADDV): the
 * same integer sum as the generic kernels'. */
static int emit_neon_body(Emit *e, const Node *n, const char *fn,
	const int32_t *w, int wide, const EmitReq32 *r32)
{
	(void)wide;
	WinGeom c;
	geom_conv(n, &c);
	int64_t Kp = kp16(c.K);
	/* zero rows after the last, read by an incomplete last block */
	emit_strip_weights(e, fn, &c, w, 16, (int)((4 - c.OCG % 4) % 4), 0);
	emit_rq(e, n, fn, r32);
	EmitVars v = {0};
	m_vars(&v, n, fn, &c, Kp);
	emit_vari(&v, "stripbytes", 4 * Kp);
	emit_gather(e, &c, &v, "int8_t");
	emit_neon_dot(e, &v);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint8_t *s = scratch;\n"
		"\tint b, g, p, oc, k, i;\n"
		"\tmemset(scratch, 0, $stripbytes);\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g * $ICG) * $HW;\n"
		"\t\tfor (p = 0; p < $OHW; p += 4) {\n"
		"\t\t\tfor (i = 0; i < 4; i++)\n"
		"\t\t\t\t${fn}_col(xg, s + i * $Kp, p + i < $OHW ? p + i : $OHW - 1);\n"
		"\t\t\tfor (oc = 0; oc < $OCG; oc += 4) {\n"
		"\t\t\t\tint o = g * $OCG + oc;\n"
		"\t\t\t\tconst int8_t *w = ${fn}_w + o * $Kp;\n", &v);
	e->depth = 4;
	for (int i = 0; i < 4; i++)
		emit_line(e, "int32x4_t a%d0 = vdupq_n_s32(0), a%d1 = a%d0, "
			"a%d2 = a%d0, a%d3 = a%d0;", i, i, i, i, i, i, i);
	emit_fill(e, "for (k = 0; k < $Kp; k += 16) {\n", &v);
	for (int i = 0; i < 4; i++)
		emit_line(e, "\tint8x16_t w%d = vld1q_s8(w + %lld + k);", i,
			(long long)(i * Kp));
	for (int j = 0; j < 4; j++)
		emit_line(e, "\tint8x16_t x%d = vld1q_s8(s + %lld + k);", j,
			(long long)(j * Kp));
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			emit_line(e, "\ta%d%d = %s_dot(a%d%d, w%d, x%d);", i, j, fn, i,
				j, i, j);
	emit_line(e, "}");
	for (int i = 0; i < 4; i++) {
		EmitVars u = v;
		emit_vari(&u, "i", i);
		emit_fill(e, "if (oc + $i < $OCG) {\n"
			"\t$yt *yo = y + (b * $OC + o + $i) * $OHW;\n", &u);
		for (int j = 0; j < 4; j++) {
			EmitVars uj = u;
			emit_vari(&uj, "j", j);
			emit_fill(e, j ? "\tif (p + $j < $OHW)\n\t\tyo[p + $j] = "
				"${fn}_rq(o + $i, vaddvq_s32(a$i$j));\n" :
				"\tyo[p] = ${fn}_rq(o + $i, vaddvq_s32(a$i$j));\n", &uj);
		}
		emit_line(e, "}");
	}
	e->depth = 0;
	emit_line(e, "\t\t\t}\n\t\t}\n\t}\n}");
	return 0;
}

/* conv_neon_lanes (aarch64-neon: one group, 8-bit input): per block of
 * output rows (at most LANES_BLOCK_Q pixels) a column of the receptive
 * fields widened to int16, one row of pixels per tap (zx outside the
 * input; runs of adjacent taps widened eight at a time by SXTL); tiles of
 * 16 pixels by 4 output channels, per tap two column loads, one load of
 * the 4 channels' int16 weights and sixteen SMLAL/SMLAL2 by lane into
 * int32 lanes, stored as the block's accumulators; then per channel the
 * block is requantized in the lanes where qcc_requant32 applies to an
 * int8 output (SMULL high words, URSHL, SMAX/SMIN, XTN; 16 outputs a
 * step), by the C loop otherwise. The products are exact in int32
 * (|w x| <= 2^14), the sums those of the generic kernels in another order
 * and the lanes' requantization qcc_requant32's arithmetic (the high word
 * of acc * mult + 2^62 is below 2^31, so URSHL's rounding equals its
 * (h + half) >> sh): bit-identical outputs. */
static int lanes_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.groups == 1 && n->in[0]->type.elem == DT_I8 &&
		m_types_fit(n);
}

/* The lanes' requantization: int8 output, qcc_requant32 without the
 * pre-shift. */
static int lanes_rq(const Node *n, const EmitConvPrep *p)
{
	return p->r32 && !p->wide && !p->r32->any_a &&
		n->out->type.elem == DT_I8;
}

/* Most pixels a block of output rows computes. */
#define LANES_BLOCK_Q 128

/* Blocks of RB output rows, PB pixels (RB * OW rounded up to 16). */
static void lanes_geom(const WinGeom *c, int64_t *RB, int64_t *PB)
{
	*RB = 1;
	for (int64_t r = 2; r <= c->OH; r++)
		if (emit_round_up(r * c->OW, 16) <= LANES_BLOCK_Q)
			*RB = r;
	*PB = emit_round_up(*RB * c->OW, 16);
}

/* The column (K int16 rows of PB), then the accumulators [OC4][PB]. */
static int64_t lanes_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	int64_t RB, PB;
	lanes_geom(&c, &RB, &PB);
	return emit_round_up(c.K * PB * 2, 8) + emit_round_up(c.OC, 4) * PB * 4;
}

static EmitConvScratch lanes_scratch(const Node *n, const WinGeom *c)
{
	(void)c;
	return (EmitConvScratch){lanes_bytes(n), 0};
}

/* The column of the block into col[k * PB + q], q < nq. */
static void lanes_column(Emit *e, const WinGeom *c, const EmitVars *v)
{
	if (c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 && !c->pt &&
		!c->pl && c->OW == c->W) {
		emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
			"\t\t\t\tint16_t *d = col + k * $PB;\n"
			"\t\t\t\tconst int8_t *s = xb + k * $HW + oh0 * $OW;\n"
			"\t\t\t\tfor (q = 0; q + 8 <= nq; q += 8)\n"
			"\t\t\t\t\tvst1q_s16(d + q, vmovl_s8(vld1_s8(s + q)));\n"
			"\t\t\t\tfor (; q < nq; q++)\n"
			"\t\t\t\t\td[q] = s[q];\n"
			"\t\t\t}\n", v);
		return;
	}
	EmitVars u = *v;
	emit_vari(&u, "KHKW", c->KH * c->KW);
	emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
		"\t\t\t\tconst int ic = k / $KHKW, kh = k / $KW % $KH, kw = k % $KW;\n"
		"\t\t\t\tconst int t = $padl - kw * $dw, u = $W + t;\n"
		"\t\t\t\tconst int l = t > 0 ? (t + $sw - 1) / $sw : 0;\n"
		"\t\t\t\tconst int lo = l < $OW ? l : $OW;\n"
		"\t\t\t\tint hi = u > 0 ? (u + $sw - 1) / $sw : 0;\n"
		"\t\t\t\tint16_t *d = col + k * $PB;\n"
		"\t\t\t\thi = hi > $OW ? $OW : hi < lo ? lo : hi;\n"
		"\t\t\t\tfor (r = 0; r < nr; r++, d += $OW) {\n"
		"\t\t\t\t\tconst int ih = (oh0 + r) * $sh - $padt + kh * $dh;\n"
		"\t\t\t\t\tconst int8_t *s;\n"
		"\t\t\t\t\tif ((unsigned)ih >= $H) {\n"
		"\t\t\t\t\t\tfor (ow = 0; ow < $OW; ow++)\n"
		"\t\t\t\t\t\t\td[ow] = $zx;\n"
		"\t\t\t\t\t\tcontinue;\n"
		"\t\t\t\t\t}\n"
		"\t\t\t\t\ts = xb + (ic * $H + ih) * $W;\n"
		"\t\t\t\t\tfor (ow = 0; ow < lo; ow++)\n"
		"\t\t\t\t\t\td[ow] = $zx;\n", &u);
	if (c->sw == 1)
		emit_fill(e, "\t\t\t\t\tfor (; ow + 8 <= hi; ow += 8)\n"
			"\t\t\t\t\t\tvst1q_s16(d + ow, vmovl_s8(vld1_s8(s + ow - t)));\n",
			&u);
	emit_fill(e, "\t\t\t\t\tfor (; ow < hi; ow++)\n"
		"\t\t\t\t\t\td[ow] = s[ow * $sw - t];\n"
		"\t\t\t\t\tfor (; ow < $OW; ow++)\n"
		"\t\t\t\t\t\td[ow] = $zx;\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n", &u);
}

/* After a block's tiles: channel oc's accumulators ac[q], q < nq,
 * requantized in the lanes into 16 bytes at yo + q a step (fewer at the
 * block's end). */
static void lanes_requant(Emit *e, const Node *n,
	const EmitConvPrep *p, const EmitVars *v)
{
	int len;
	attr_ints(n, "mult", &len);
	int32_t zy = emit_zp(n->out);
	EmitVars u = *v;
	emit_vari(&u, "zy", zy);
	emit_vari(&u, "m", p->r32->m[0]);
	emit_vari(&u, "rsh", p->r32->s[0] - 32);
	emit_vari(&u, "base", (long long)zy - (1ll << (62 - p->r32->s[0])));
	emit_vari(&u, "lo", attr_int(n, "act_min"));
	emit_vari(&u, "hi", attr_int(n, "act_max"));
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OC; oc++) {\n"
		"\t\t\t\tconst int32_t *ac = acc + oc * $PB;\n"
		"\t\t\t\tint8_t *yo = yb + oc * $OHW + oh0 * $OW;\n", &u);
	emit_fill(e, len == 1 ? "\t\t\t\tconst int32x2_t m = vdup_n_s32($m);\n"
		"\t\t\t\tconst int32x4_t nsh = vdupq_n_s32(-$rsh), "
		"base = vdupq_n_s32($base);\n" :
		"\t\t\t\tconst int sh = ${fn}_s[oc] - 32;\n"
		"\t\t\t\tconst int32x2_t m = vdup_n_s32(${fn}_m[oc]);\n"
		"\t\t\t\tconst int32x4_t nsh = vdupq_n_s32(-sh), base = "
		"vdupq_n_s32($zy - (int32_t)((uint32_t)1 << (30 - sh)));\n", &u);
	emit_fill(e, "\t\t\t\tconst int32x4_t c = vdupq_n_s32(${fn}_c[oc]);\n"
		"\t\t\t\tconst int32x4_t lo = vdupq_n_s32($lo), hi = vdupq_n_s32($hi);\n"
		"\t\t\t\tfor (q = 0; q < nq; q += 16) {\n"
		"\t\t\t\t\tconst int16x8_t r0 = vcombine_s16("
		"vmovn_s32(${fn}_rq(vld1q_s32(ac + q), c, m, nsh, base, lo, hi)), "
		"vmovn_s32(${fn}_rq(vld1q_s32(ac + q + 4), c, m, nsh, base, lo, hi)));\n"
		"\t\t\t\t\tconst int16x8_t r1 = vcombine_s16("
		"vmovn_s32(${fn}_rq(vld1q_s32(ac + q + 8), c, m, nsh, base, lo, hi)), "
		"vmovn_s32(${fn}_rq(vld1q_s32(ac + q + 12), c, m, nsh, base, lo, "
		"hi)));\n"
		"\t\t\t\t\tconst int8x16_t r = vcombine_s8(vmovn_s16(r0), "
		"vmovn_s16(r1));\n"
		"\t\t\t\t\tif (q + 16 <= nq) {\n"
		"\t\t\t\t\t\tvst1q_s8(yo + q, r);\n"
		"\t\t\t\t\t} else {\n"
		"\t\t\t\t\t\tint8_t t[16];\n"
		"\t\t\t\t\t\tvst1q_s8(t, r);\n"
		"\t\t\t\t\t\tmemcpy(yo + q, t, (size_t)(nq - q));\n"
		"\t\t\t\t\t}\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n"
		"\t\t}\n\t}\n}\n", &u);
}

/* The SMLAL tile of 16 pixels by 4 output channels (the int16 kernels'
 * shape): accumulators a{j}_{0..3} (channel j, pixels 4u..4u+3) over K
 * taps, from int16 column rows cq (PB apart) and four interleaved int16
 * weights wq[4k..4k+3] a tap; k, cq and wq declared by the caller. */
void emit_neon_lane_tile(Emit *e, int64_t K, int64_t PB)
{
	for (int j = 0; j < 4; j++)
		emit_line(e, "int32x4_t a%d_0 = vdupq_n_s32(0), a%d_1 = a%d_0, "
			"a%d_2 = a%d_0, a%d_3 = a%d_0;", j, j, j, j, j, j, j);
	emit_open(e, "for (k = 0; k < %lld; k++, cq += %lld) {", (long long)K,
		(long long)PB);
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
}

static int lanes_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	int64_t RB, PB;
	lanes_geom(c, &RB, &PB);
	/* int16 weights, four channels interleaved: [OC4 / 4][K][4] */
	int64_t OC4 = emit_round_up(c->OC, 4);
	int64_t *wq = calloc(OC4 * c->K + 1, sizeof *wq);
	if (!wq)
		abort();
	for (int64_t m = 0; m < c->OC; m++)
		for (int64_t t = 0; t < c->K; t++)
			wq[(m / 4 * c->K + t) * 4 + m % 4] = p->w[m * c->K + t];
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int16_t", name, wq, OC4 * c->K);
	free(wq);
	int rq = lanes_rq(n, p);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "OC4", OC4);
	emit_vari(&v, "PB", PB);
	emit_vari(&v, "RB", RB);
	emit_vari(&v, "colbytes", emit_round_up(c->K * PB * 2, 8));
	emit_vari(&v, "blocks", (c->OH + RB - 1) / RB);
	if (rq)
		emit_fill(e, "static inline int32x4_t ${fn}_rq(int32x4_t a, int32x4_t c, "
			"int32x2_t m, int32x4_t nsh, int32x4_t base, int32x4_t lo, "
			"int32x4_t hi)\n"
			"{\n"
			"\tconst int32x4_t s = vaddq_s32(a, c);\n"
			"\tconst int64x2_t p0 = vmull_s32(vget_low_s32(s), m);\n"
			"\tconst int64x2_t p1 = vmull_s32(vget_high_s32(s), m);\n"
			"\tuint32x4_t h = vuzp2q_u32(vreinterpretq_u32_s64(p0), "
			"vreinterpretq_u32_s64(p1));\n"
			"\th = vrshlq_u32(vaddq_u32(h, vdupq_n_u32(1u << 30)), nsh);\n"
			"\treturn vminq_s32(vmaxq_s32(vaddq_s32(base, "
			"vreinterpretq_s32_u32(h)), lo), hi);\n"
			"}\n\n", &v);
	emit_fill(e, "static void $fn(const int8_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint16_t *col = scratch;\n"
		"\tint32_t *acc = (int32_t *)(void *)((unsigned char *)scratch + "
		"$colbytes);\n"
		"\tint b, blk, k, r, ow, q, oc;\n"
		"\t(void)r, (void)ow;\n"
		"\tmemset(col, 0, $colbytes);\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tconst int8_t *xb = x + b * $C * $HW;\n"
		"\t\t$yt *yb = y + b * $OC * $OHW;\n"
		"\t\tfor (blk = 0; blk < $blocks; blk++) {\n"
		"\t\t\tconst int oh0 = blk * $RB;\n"
		"\t\t\tconst int nr = $OH - oh0 < $RB ? $OH - oh0 : $RB;\n"
		"\t\t\tconst int nq = nr * $OW;\n", &v);
	lanes_column(e, c, &v);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OC4; oc += 4)\n"
		"\t\t\tfor (q = 0; q < nq; q += 16) {\n"
		"\t\t\t\tconst int16_t *wq = ${fn}_w + oc * $K, *cq = col + q;\n",
		&v);
	e->depth = 4;
	emit_neon_lane_tile(e, c->K, PB);
	for (int j = 0; j < 4; j++)
		for (int u = 0; u < 4; u++)
			emit_line(e, "vst1q_s32(acc + (oc + %d) * %lld + q + %d, a%d_%d);",
				j, (long long)PB, 4 * u, j, u);
	e->depth = 0;
	emit_line(e, "\t\t\t}");
	if (rq)
		lanes_requant(e, n, p, &v);
	else
		emit_a16_conv_close(e, n, fn, p, &v);
	return 0;
}

static int emit_lanes(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, lanes_scratch, lanes_body);
}

/* dense_neon: the input row copied as int8 into a row of Kp (K rounded up
 * to 16, zeros after K); four weight rows a pass (zero rows after the
 * last), 16 bytes a step through FN_dot, the lanes summed (ADDV); the
 * folded constant added in int64 and requantized as the generic kernel
 * does (qcc_requant). */
static int neon_dense_applies(const Node *n)
{
	return n->in[0]->type.elem == DT_I8 && m_dense_applies(n);
}

static int64_t neon_dense_bytes(const Node *n)
{
	return kp16(dense_k(n));
}

static int emit_neon_dense(Emit *e, const Node *n, const char *fn)
{
	EmitVars v = {0};
	if (dense_setup(e, n, fn, 16, 4, 0, &v))
		return -1;
	emit_neon_dot(e, &v);
	emit_fill(e, "static void $fn(const int8_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint8_t *s = scratch;\n"
		"\tint b, m, k;\n"
		"\tmemset(s + $K, 0, $Kp - $K);\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tmemcpy(s, x + b * $K, $K);\n"
		"\t\tfor (m = 0; m < $M; m += 4) {\n"
		"\t\t\tconst int8_t *w = ${fn}_w + m * $Kp;\n"
		"\t\t\tint32x4_t a0 = vdupq_n_s32(0), a1 = a0, a2 = a0, a3 = a0;\n"
		"\t\t\tfor (k = 0; k < $Kp; k += 16) {\n"
		"\t\t\t\tint8x16_t xk = vld1q_s8(s + k);\n"
		"\t\t\t\ta0 = ${fn}_dot(a0, vld1q_s8(w + k), xk);\n"
		"\t\t\t\ta1 = ${fn}_dot(a1, vld1q_s8(w + $Kp + k), xk);\n"
		"\t\t\t\ta2 = ${fn}_dot(a2, vld1q_s8(w + 2 * $Kp + k), xk);\n"
		"\t\t\t\ta3 = ${fn}_dot(a3, vld1q_s8(w + 3 * $Kp + k), xk);\n"
		"\t\t\t}\n", &v);
	e->depth = 3;
	emit_dense_store4(e, n, fn, "vaddvq_s32");
	e->depth = 0;
	emit_fill(e, "\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* maxpool_neon_2x2: 2x2 windows of stride 2 tiling an 8-bit input. Per
 * pair of input rows, 16 (then 8) outputs a step: VLD2 splits 32 (16)
 * input bytes of each row into even and odd columns, three VMAX give the
 * window maxima; the last odd outputs one by one. */
static int neon_pool_applies(const Node *n)
{
	WinGeom c;
	geom_pool(n, &c);
	DType t = n->in[0]->type.elem;
	return (t == DT_I8 || t == DT_U8) && geom_2x2_tiles(&c);
}

static int emit_neon_maxpool(Emit *e, const Node *n, const char *fn)
{
	WinGeom c;
	geom_pool(n, &c);
	int s8 = n->in[0]->type.elem == DT_I8;
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "t", emit_ctype(n->in[0]->type.elem));
	emit_var(&v, "s", s8 ? "s8" : "u8");
	emit_var(&v, "v", s8 ? "int8" : "uint8");
	emit_vari(&v, "rows", c.N * c.C * c.OH);
	emit_vari(&v, "W", c.W);
	emit_vari(&v, "OW", c.OW);
	emit_fill(e, "static void $fn(const $t *x, $t *y)\n"
		"{\n"
		"\tint r, i;\n"
		"\tfor (r = 0; r < $rows; r++) {\n"
		"\t\tconst $t *x0 = x + r * 2 * $W, *x1 = x0 + $W;\n"
		"\t\t$t *yr = y + r * $OW;\n"
		"\t\tfor (i = 0; i + 16 <= $OW; i += 16) {\n"
		"\t\t\t${v}x16x2_t a = vld2q_$s(x0 + 2 * i), b = vld2q_$s(x1 + 2 * i);\n"
		"\t\t\tvst1q_$s(yr + i, vmaxq_$s(vmaxq_$s(a.val[0], a.val[1]), "
		"vmaxq_$s(b.val[0], b.val[1])));\n"
		"\t\t}\n"
		"\t\tfor (; i + 8 <= $OW; i += 8) {\n"
		"\t\t\t${v}x8x2_t a = vld2_$s(x0 + 2 * i), b = vld2_$s(x1 + 2 * i);\n"
		"\t\t\tvst1_$s(yr + i, vmax_$s(vmax_$s(a.val[0], a.val[1]), "
		"vmax_$s(b.val[0], b.val[1])));\n"
		"\t\t}\n"
		"\t\tfor (; i < $OW; i++) {\n"
		"\t\t\t$t m = x0[2 * i] > x0[2 * i + 1] ? x0[2 * i] : x0[2 * i + 1];\n"
		"\t\t\tm = x1[2 * i] > m ? x1[2 * i] : m;\n"
		"\t\t\tyr[i] = x1[2 * i + 1] > m ? x1[2 * i + 1] : m;\n"
		"\t\t}\n"
		"\t}\n"
		"}\n", &v);
	return 0;
}

static int emit_neon(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_target(e, n, fn, emit_neon_body);
}

static int emit_strip(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_target(e, n, fn, emit_strip_body);
}

static int emit_dw(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_target(e, n, fn, emit_dw_body);
}

/* In this order: the first that applies is taken; the generic kernels
 * after them. */
const KernelRow emit_arm_kernels[] = {
	{OP_QCONV2D, "cortex-m4", "conv_m_dw", "one input channel a group, "
		"width dilation 1, int8 weights, int8 or int16 input (depthwise: "
		"zx-padded int16 plane, SMLAD on tap pairs)", dw_applies, dw_bytes, emit_dw, 1},
	{OP_QCONV2D, "cortex-m4", "conv_m_strip", ">= 2 output channels a group, "
		"int8 weights, int8 or int16 input (two-pixel int16 strips, 2x2 "
		"SMLAD blocks)", strip_applies,
		strip_bytes, emit_strip, 1},
	{OP_QDENSE, "cortex-m4", "dense_m", "int8 weights, int8 or int16 input "
		"(two weight rows a pass, SMLAD)", m_dense_applies, m_dense_bytes, emit_m_dense, 1},
	{OP_QCONV2D, "aarch64-dotprod", "conv_neon_strip", ">= 2 output "
		"channels a group, int8 (four-pixel int8 strips, 4x4 blocks of SDOT)",
		neon_strip_applies, neon_strip_bytes, emit_neon, 1},
	{OP_QCONV2D, "aarch64-neon", "conv_neon_lanes", "one group, int8 "
		"input (int16 column of taps; tiles of 16 pixels x 4 channels, SMLAL "
		"by lane; requantized in the lanes)", lanes_applies,
		lanes_bytes, emit_lanes, 1},
	{OP_QCONV2D, "aarch64-neon", "conv_neon_strip", ">= 2 output channels a "
		"group, int8 (four-pixel int8 strips, 4x4 blocks of SDOT, or SMULL "
		"and SADALP without the dot-product extension)", neon_strip_applies,
		neon_strip_bytes, emit_neon, 1},
	{OP_QDENSE, "aarch64-neon", "dense_neon", "int8 (four weight rows a "
		"pass, 16 bytes a step: SDOT, or SMULL and SADALP)",
		neon_dense_applies, neon_dense_bytes, emit_neon_dense, 1},
	{OP_QMAXPOOL2D, "aarch64-neon", "maxpool_neon_2x2", "2x2 stride 2 "
		"tiling the input, 8-bit (row pairs, 16 columns a step: VLD2, VMAX)",
		neon_pool_applies, NULL, emit_neon_maxpool, -1},
	{0},
};
