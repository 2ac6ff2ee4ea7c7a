/* emit_a16.c - what the kernels of 16-bit inputs (int16 activations,
 * int8 weights) on the SIMD targets share: emit_x86_a16.c (vpmaddwd,
 * vpdpwssd) and emit_arm_a16.c (SMLAL). The 8-bit layers keep the
 * targets' own kernels (emit_x86.c, emit_arm.c).
 *
 *   conv               per group (x86: any; aarch64: one) and block of
 *                      output rows (at most A16_BLOCK_Q
 *                      pixels), a column of the receptive fields, one row
 *                      of pixels per tap (x86: per pair of taps,
 *                      interleaved), tiled by the target, then the
 *                      accumulators of the block requantized per channel;
 *                      a 1x1 layer's column is its input.
 *   depthwise          per channel a zx-padded plane split into sw column
 *                      phases, so that a tap of consecutive outputs is one
 *                      vector load at a literal offset.
 *
 * Exactness: a weight is at most 128 in magnitude and an input 2^15, so
 * a product (or a vpmaddwd pair's sum) is below 2^23; the lanes wrap
 * modulo 2^32, which gives the exact dot product because it fits int32
 * (the rows apply only without int64 dot products, emit_fold_bias), and
 * the folded constant is added modulo 2^32 as the generic kernels do
 * (emit_row_requant). The outputs are bit-identical to the simulator's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "emit.h"

/* Most pixels a block of output rows computes. */
#define A16_BLOCK_Q 256

int64_t emit_round_up(int64_t v, int64_t m)
{
	return (v + m - 1) / m * m;
}

/* 16-bit input, 8-bit signed constant weights (bias constant) and int32
 * dot products. */
static int a16_fits(const Node *n, int64_t M, int64_t K)
{
	if (n->in[0]->type.elem != DT_I16 || n->in[1]->type.elem != DT_I8 ||
		n->in[1]->kind != VAL_CONST ||
		(n->nin > 2 && n->in[2] && n->in[2]->kind != VAL_CONST))
		return 0;
	int wide;
	free(emit_fold_bias(n, n->in[1]->data, M, K, &wide));
	return !wide;
}

/* ---------------------------------------------------------------- conv */

void emit_a16_conv_geom(const WinGeom *c, EmitA16Conv *k)
{
	k->Kq = (c->K + 1) / 2;
	k->OCp = emit_round_up(c->OCG, 8);
	k->RB = 1;
	for (int64_t r = 2; r <= c->OH; r++)
		if (emit_round_up(r * c->OW, 16) <= A16_BLOCK_Q)
			k->RB = r;
	k->PB = emit_round_up(k->RB * c->OW, 16);
}

int emit_a16_conv_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.groups == 1 && a16_fits(n, c.OC, c.K);
}

int emit_a16_gconv_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return (c.groups == 1 || c.ICG > 1) && a16_fits(n, c.OC, c.K);
}

/* The column (Kq pairs of taps by PB pixels, 4 bytes each), then the
 * accumulators [OCp][PB]. */
EmitConvScratch emit_a16_conv_scratch(const Node *n, const WinGeom *c)
{
	(void)n;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	return (EmitConvScratch){(k.Kq + k.OCp) * k.PB * 4, 0};
}

int64_t emit_a16_conv_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(emit_a16_conv_scratch(n, &c));
}

void emit_a16_column(Emit *e, const WinGeom *c, const EmitVars *v,
	const char *dst, int stride)
{
	EmitVars u = *v;
	emit_var(&u, "dst", dst);
	emit_var(&u, "ds", stride == 1 ? "" : "2 * ");
	emit_vari(&u, "KHKW", c->KH * c->KW);
	if (c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 && !c->pt &&
		!c->pl && c->OW == c->W) {
		emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
			"\t\t\t\tint16_t *d = $dst;\n"
			"\t\t\t\tconst int16_t *s = xb + k * $HW + oh0 * $OW;\n"
			"\t\t\t\tfor (q = 0; q < nq; q++)\n"
			"\t\t\t\t\td[${ds}q] = s[q];\n"
			"\t\t\t}\n", &u);
		return;
	}
	emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
		"\t\t\t\tconst int ic = k / $KHKW, kh = k / $KW % $KH, kw = k % $KW;\n"
		"\t\t\t\tint16_t *d = $dst;\n"
		"\t\t\t\tfor (r = 0; r < nr; r++) {\n"
		"\t\t\t\t\tconst int ih = (oh0 + r) * $sh - $padt + kh * $dh;\n"
		"\t\t\t\t\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\t\t\t\t\tconst int iw = ow * $sw - $padl + kw * $dw;\n"
		"\t\t\t\t\t\td[$ds(r * $OW + ow)] = (unsigned)ih < $H && "
		"(unsigned)iw < $W ?\n"
		"\t\t\t\t\t\t\txb[(ic * $H + ih) * $W + iw] : $zx;\n"
		"\t\t\t\t\t}\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n", &u);
}

void emit_a16_conv_open(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, EmitVars *v, int pairs)
{
	const WinGeom *c = &p->c;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	emit_conv_vars(v, n, fn, p);
	emit_vari(v, "Kq", k.Kq);
	emit_vari(v, "OCp", k.OCp);
	emit_vari(v, "RB", k.RB);
	emit_vari(v, "PB", k.PB);
	emit_vari(v, "colbytes", k.Kq * k.PB * 4);
	emit_vari(v, "blocks", (c->OH + k.RB - 1) / k.RB);
	emit_var(v, "ct", pairs ? "int32_t" : "int16_t");
	/* several groups: a loop over them, group g's input channels, output
	 * channels and weight rows (OCp a group) */
	int grouped = c->groups > 1;
	char wrow[64];
	snprintf(wrow, sizeof wrow, "(g * %lld + oc)", (long long)k.OCp);
	emit_var(v, "g", grouped ? ", g" : "");
	emit_var(v, "wrow", grouped ? wrow : "oc");
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\t$ct *col = scratch;\n"
		"\tint32_t *acc = (int32_t *)(void *)((unsigned char *)scratch + "
		"$colbytes);\n"
		"\tint b, blk, k, r, ow, q, oc$g;\n"
		"\t(void)r, (void)ow;\n"
		"\tmemset(col, 0, $colbytes);\n", v);
	emit_fill(e, grouped ? "\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst int16_t *xb = x + (b * $C + g * $ICG) * $HW;\n"
		"\t\t$yt *yb = y + (b * $OC + g * $OCG) * $OHW;\n" :
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tconst int16_t *xb = x + b * $C * $HW;\n"
		"\t\t$yt *yb = y + b * $OC * $OHW;\n", v);
	emit_fill(e, "\t\tfor (blk = 0; blk < $blocks; blk++) {\n"
		"\t\t\tconst int oh0 = blk * $RB;\n"
		"\t\t\tconst int nr = $OH - oh0 < $RB ? $OH - oh0 : $RB;\n"
		"\t\t\tconst int nq = nr * $OW;\n", v);
	char dst[100];
	if (pairs)
		snprintf(dst, sizeof dst, "(int16_t *)(void *)(col + k / 2 * %lld) + "
			"k %% 2", (long long)k.PB);
	else
		snprintf(dst, sizeof dst, "col + k * %lld", (long long)k.PB);
	emit_a16_column(e, c, v, dst, pairs ? 2 : 1);
}

/* The requantization of ac[q] into yo[q], q < count: the target's, or
 * emit_row_requant's. */
static void a16_requant(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const char *count, int depth, EmitA16Requant *rq)
{
	char loops[100];
	if (rq) {
		rq(e, n, fn, p, count, depth);
		return;
	}
	snprintf(loops, sizeof loops, "for (q = 0; q < %s; q++)", count);
	emit_row_requant(e, n, fn, loops, "yo[q]", "ac[q]", 0, p->r32, depth);
}

void emit_a16_conv_close_rq(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v, EmitA16Requant *rq)
{
	/* channel o of the whole layer: group g's first plus oc */
	char o0[64] = "";
	if (p->c.groups > 1)
		snprintf(o0, sizeof o0, "g * %lld + ", (long long)p->c.OCG);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OCG; oc++) {\n", v);
	emit_fill(e, "\t\t\t\tconst int o = ", v);
	emit_fill(e, o0, v);
	emit_fill(e, "oc;\n"
		"\t\t\t\tconst int32_t *ac = acc + oc * $PB;\n"
		"\t\t\t\t$yt *yo = yb + oc * $OHW + oh0 * $OW;\n", v);
	a16_requant(e, n, fn, p, "nq", 4, rq);
	emit_fill(e, "\t\t\t}\n\t\t}\n\t}\n}\n", v);
}

void emit_a16_conv_close(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v)
{
	emit_a16_conv_close_rq(e, n, fn, p, v, NULL);
}

/* ----------------------------------------------------------- depthwise */

void emit_a16_dw_geom(const Node *n, const WinGeom *c, EmitA16Dw *k)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	int64_t PW = c->W + c->pl + pad[3];
	k->PH = c->H + c->pt + pad[2];
	k->PWS = (PW + c->sw - 1) / c->sw;
	int64_t reach = emit_round_up(c->OW, 8) + (c->KW - 1) * c->dw / c->sw;
	k->RS = reach > k->PWS ? reach : k->PWS;
	k->len = c->sw * k->PH * k->RS;
}

int emit_a16_dw_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.ICG == 1 && c.groups > 1 && a16_fits(n, c.OC, c.K);
}

/* The planes (4 bytes an element at most), then the accumulators of one
 * channel and a vector's slack. */
EmitConvScratch emit_a16_dw_scratch(const Node *n, const WinGeom *c)
{
	EmitA16Dw k;
	emit_a16_dw_geom(n, c, &k);
	return (EmitConvScratch){(k.len + c->OH * c->OW + 8) * 4, 0};
}

int64_t emit_a16_dw_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(emit_a16_dw_scratch(n, &c));
}

/* --------------------------------------------------------------- dense */

int emit_a16_dense_applies(const Node *n)
{
	return a16_fits(n, n->in[1]->type.dims[0], n->in[0]->type.dims[1]);
}

void emit_a16_dw_close_rq(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v, EmitA16Requant *rq)
{
	char count[32];
	snprintf(count, sizeof count, "%lld", (long long)(p->c.OH * p->c.OW));
	a16_requant(e, n, fn, p, count, 3, rq);
	emit_fill(e, "\t\t}\n\t}\n}\n", v);
}

void emit_a16_dw_close(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v)
{
	emit_a16_dw_close_rq(e, n, fn, p, v, NULL);
}
