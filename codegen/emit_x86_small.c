/* emit_x86_small.c - the x86 targets' conv kernel for small output maps
 * (codegen/target.c lists these rows before emit_x86.c's).
 *
 * emit_x86.c puts output pixels in the vector lanes, which a 4x4, 2x2 or
 * 1x1 map (a ResNet's last stages on a 32x32 input) leaves mostly empty.
 * Here the lanes are output channels: 16 int32 accumulators a zmm
 * (vpdpbusd: 4 input-channel bytes a lane) or 8 a ymm (vpmaddwd: 2 int16
 * input channels a lane).
 *
 *   fill     per group the input, zx-padded, channels last as 32-bit
 *            words: word (r, c, q) of xq holds input channels G q ..
 *            G q + G - 1 of padded pixel (r, c) (bytes + 128 for int8
 *            with vpdpbusd, int16 for vpmaddwd; the last word's missing
 *            channels hold zx, whose weights are 0).
 *   weights  FN_w [OCB][KH][KW][ICq][L] words: lane l of block b holds
 *            output channel b L + l's weights of the word's G input
 *            channels (0 past OCG or ICG).
 *   tiles    PT output pixels x CB channel blocks of accumulators; per
 *            tap and word, CB weight loads, PT word broadcasts and
 *            PT * CB multiply-adds. FN_pix holds each output pixel's
 *            first word (its window's top-left corner).
 *   requant  with qcc_requant32 (p->r32): in the lanes, from per-lane
 *            tables FN_rm, FN_rs, FN_rh, FN_rb (FN_ra) padded to OCB L,
 *            as emit_x86.c's vnni_requant computes it; else the
 *            accumulators go to a [OCG][OH OW] buffer and the generic
 *            row requantization (emit_row_requant).
 *
 * The sums are those of the simulator modulo 2^32 (vpdpbusd's + 128 is
 * taken out by emit_conv_node's xoff), exact as the node needs no int64
 * dot products (applies).
 */
#include <stdlib.h>

#include "emit.h"

typedef struct {
	int G;         /* input channels a 32-bit word */
	int L;         /* 32-bit lanes a vector */
	int vnni;      /* vpdpbusd on x + 128 (else vpmaddwd on int16) */
	const char *v; /* the vector type */
	const char *p; /* the intrinsics' prefix */
} SmallIsa;

static const SmallIsa small_avx2 = {2, 8, 0, "__m256i", "_mm256"};
static const SmallIsa small_vnni = {4, 16, 1, "__m512i", "_mm512"};

/* Output maps of at most this many pixels may take this kernel. */
#define SMALL_MAX_PIXELS 64

typedef struct {
	int64_t ICq;       /* words a pixel: ceil(ICG / G) */
	int64_t PH, PW;    /* padded input */
	int64_t NP;        /* output pixels */
	int64_t OCB;       /* channel blocks: ceil(OCG / L) */
	int64_t xq_bytes;  /* the words, a multiple of 64 */
	int PT, CB;        /* register tile */
} Small;

static int64_t round_up(int64_t v, int64_t m)
{
	return (v + m - 1) / m * m;
}

static void small_geom(const WinGeom *c, const SmallIsa *isa, Small *k)
{
	k->ICq = (c->ICG + isa->G - 1) / isa->G;
	k->PH = c->H + c->pt + c->pb;
	k->PW = c->W + c->pl + c->pr;
	k->NP = c->OH * c->OW;
	k->OCB = (c->OCG + isa->L - 1) / isa->L;
	k->xq_bytes = round_up(k->PH * k->PW * k->ICq * 4, 64);
	k->PT = k->NP < 4 ? (int)k->NP : 4;
	k->CB = (isa->vnni ? 12 : 8) / k->PT;
	if (k->CB > k->OCB)
		k->CB = (int)k->OCB;
}

/* 8-bit inputs, signed weights of at most 8 bits, int32 dot products, a
 * small output map, one group and enough input channels to fill a word
 * (the per-lane tables index the node's channels). */
static int small_applies(const Node *n, const SmallIsa *isa)
{
	DType xt = n->in[0]->type.elem, wt = n->in[1]->type.elem;
	if ((xt != DT_I8 && xt != DT_U8) || (wt != DT_I8 && wt != DT_I4) ||
		n->in[1]->kind != VAL_CONST)
		return 0;
	WinGeom c;
	geom_conv(n, &c);
	int64_t NP = c.OH * c.OW, OCB = (c.OCG + isa->L - 1) / isa->L;
	if (NP > SMALL_MAX_PIXELS || c.ICG < isa->G || c.groups != 1)
		return 0;
	/* where its channel lanes are fuller than emit_x86.c's pixel lanes;
	 * beyond 16 pixels only with several taps, as the fill and the
	 * stores cost more than a pointwise layer's products (measured in
	 * docs/codegen.md) */
	if (c.OCG * emit_x86_pixel_lanes(n) <= NP * OCB * isa->L ||
		(NP > 16 && c.KH * c.KW == 1))
		return 0;
	int wide;
	free(emit_fold_bias(n, n->in[1]->data, c.OC, c.K, &wide));
	return !wide;
}

static int avx2_applies(const Node *n)
{
	return small_applies(n, &small_avx2);
}

static int vnni_applies(const Node *n)
{
	return small_applies(n, &small_vnni);
}

static EmitConvScratch small_scratch(const Node *n, const WinGeom *c,
	const SmallIsa *isa)
{
	(void)n;
	Small k;
	small_geom(c, isa, &k);
	/* the words, then the accumulators of the generic requantization */
	return (EmitConvScratch){k.xq_bytes + round_up(c->OCG * k.NP * 4, 8),
		0};
}

static EmitConvScratch avx2_scratch(const Node *n, const WinGeom *c)
{
	return small_scratch(n, c, &small_avx2);
}

static EmitConvScratch vnni_scratch(const Node *n, const WinGeom *c)
{
	return small_scratch(n, c, &small_vnni);
}

static int64_t avx2_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(avx2_scratch(n, &c));
}

static int64_t vnni_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(vnni_scratch(n, &c));
}

/* FN_w (weights) and FN_pix (each output pixel's first word). */
static void small_tables(Emit *e, const char *fn, const WinGeom *c,
	const Small *k, const SmallIsa *isa, const int32_t *w)
{
	int64_t KHW = c->KH * c->KW;
	int64_t words = c->groups * k->OCB * KHW * k->ICq * isa->L;
	int64_t *packed = calloc(words + 1, sizeof *packed);
	int64_t *pix = malloc((k->NP + 1) * sizeof *pix);
	if (!packed || !pix)
		abort();
	for (int64_t g = 0; g < c->groups; g++)
		for (int64_t o = 0; o < c->OCG; o++)
			for (int64_t t = 0; t < KHW; t++)
				for (int64_t i = 0; i < c->ICG; i++) {
					int64_t b = g * k->OCB + o / isa->L;
					int64_t at = ((b * KHW + t) * k->ICq + i / isa->G) * isa->L +
						o % isa->L;
					int64_t v = w[((g * c->OCG + o) * c->ICG + i) * KHW + t];
					uint32_t u = (uint32_t)(v & (isa->vnni ? 0xff : 0xffff)) <<
						(32 / isa->G * (i % isa->G));
					packed[at] = (int32_t)((uint32_t)packed[at] | u);
				}
	for (int64_t q = 0; q < k->NP; q++)
		pix[q] = (q / c->OW * c->sh * k->PW + q % c->OW * c->sw) * k->ICq;
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, packed, words);
	snprintf(name, sizeof name, "%s_pix", fn);
	emit_ints(e, "int32_t", name, pix, k->NP);
	free(packed);
	free(pix);
}

/* The per-lane requantization tables FN_rm, FN_rs, FN_rh, FN_rb (FN_ra)
 * of qcc_requant32, OCB * L entries a group (0 in the padding lanes). */
static void requant_tables(Emit *e, const Node *n, const char *fn,
	const WinGeom *c, const Small *k, const SmallIsa *isa,
	const EmitReq32 *r)
{
	int len;
	attr_ints(n, "mult", &len);
	int32_t zy = emit_zp(n->out);
	int64_t M = c->groups * k->OCB * isa->L;
	int64_t *t[5];
	for (int i = 0; i < 5; i++)
		if (!(t[i] = calloc(M + 1, sizeof *t[i])))
			abort();
	for (int64_t g = 0; g < c->groups; g++)
		for (int64_t o = 0; o < c->OCG; o++) {
			int64_t ch = g * c->OCG + o, j = len == 1 ? 0 : ch;
			int64_t at = g * k->OCB * isa->L + o;
			t[0][at] = r->m[j];
			t[1][at] = r->s[j] - 32;
			t[2][at] = 1ll << (r->s[j] - 33);
			t[3][at] = zy - (1ll << (62 - r->s[j]));
			t[4][at] = r->a[j];
		}
	const char *sfx[5] = {"rm", "rs", "rh", "rb", "ra"};
	for (int i = 0; i < (r->any_a ? 5 : 4); i++) {
		char name[400];
		snprintf(name, sizeof name, "%s_%s", fn, sfx[i]);
		emit_ints(e, "int32_t", name, t[i], M);
	}
	for (int i = 0; i < 5; i++)
		free(t[i]);
}

/* One tile: pt pixels from q (an expression) by cb channel blocks from
 * b (an expression), accumulated over every tap and word, then
 * requantized into y (or stored to acc). */
static void small_tile(Emit *e, const Node *n, const char *fn,
	const SmallIsa *isa, const WinGeom *c, const Small *k,
	const EmitConvPrep *p, int pt, int cb, const char *q, const char *b)
{
	(void)n, (void)p;
	const char *V = isa->v, *P = isa->p;
	int64_t KHW = c->KH * c->KW, WB = KHW * k->ICq * isa->L;
	emit_open(e, "{");
	for (int j = 0; j < cb; j++)
		for (int v = 0; v < pt; v++)
			emit_line(e, "%s a%d_%d = %s_setzero_si%d();", V, j, v, P,
				isa->L * 32);
	for (int v = 0; v < pt; v++)
		emit_line(e, "const int32_t *x%d = xw + %s_pix[(%s) + %d];", v, fn, q,
			v);
	emit_line(e, "const int32_t *wb = wg + (%s) * %lld;", b, (long long)WB);
	emit_open(e, "for (kh = 0; kh < %lld; kh++)", (long long)c->KH);
	emit_open(e, "for (kw = 0; kw < %lld; kw++) {", (long long)c->KW);
	emit_line(e, "const int to = (kh * %lld + kw * %lld) * %lld;",
		(long long)(c->dh * k->PW), (long long)c->dw, (long long)k->ICq);
	emit_line(e, "const int32_t *wt = wb + (kh * %lld + kw) * %lld;",
		(long long)c->KW, (long long)(k->ICq * isa->L));
	emit_open(e, "for (i = 0; i < %lld; i++) {", (long long)k->ICq);
	for (int j = 0; j < cb; j++)
		emit_line(e, "const %s w%d = %s_loadu_si%d((const void *)(wt + i * %d "
			"+ %lld));", V, j, P, isa->L * 32, isa->L, (long long)(j * WB));
	for (int v = 0; v < pt; v++) {
		emit_line(e, "const %s b%d = %s_set1_epi32(x%d[to + i]);", V, v, P,
			v);
		for (int j = 0; j < cb; j++)
			emit_line(e, isa->vnni ? "a%d_%d = _mm512_dpbusd_epi32(a%d_%d, b%d, "
				"w%d);" : "a%d_%d = _mm256_add_epi32(a%d_%d, _mm256_madd_epi16("
				"b%d, w%d));", j, v, j, v, v, j);
	}
	emit_close(e);
	emit_close(e);
	e->depth--;
	for (int j = 0; j < cb; j++)
		for (int v = 0; v < pt; v++)
			emit_line(e, "%s_out(a%d_%d, %s + %d, %s + %d, yg, acc);", fn, j, v,
				b, j, q, v);
	emit_close(e);
}

/* The tiles of one group: every channel block, every pixel. */
static void small_tiles(Emit *e, const Node *n, const char *fn,
	const SmallIsa *isa, const WinGeom *c, const Small *k,
	const EmitConvPrep *p)
{
	int64_t tpt = k->NP % k->PT, tcb = k->OCB % k->CB;
	char tq[40], tb[40];
	snprintf(tq, sizeof tq, "%lld", (long long)(k->NP - tpt));
	snprintf(tb, sizeof tb, "%lld", (long long)(k->OCB - tcb));
	for (int pass = 0; pass < 2; pass++) {
		int cb = pass ? (int)tcb : k->CB;
		const char *b = pass ? tb : "b";
		if (!cb)
			continue;
		if (!pass)
			emit_open(e, "for (b = 0; b + %d <= %lld; b += %d) {", cb,
				(long long)k->OCB, cb);
		if (k->NP >= k->PT) {
			emit_open(e, "for (q = 0; q + %d <= %lld; q += %d)", k->PT,
				(long long)(k->NP - tpt), k->PT);
			small_tile(e, n, fn, isa, c, k, p, k->PT, cb, "q", b);
			e->depth--;
		}
		if (tpt)
			small_tile(e, n, fn, isa, c, k, p, (int)tpt, cb, tq, b);
		if (!pass)
			emit_close(e);
	}
}

/* FN_out(v, b, q, y, acc): the accumulators v of channel block b at
 * output pixel q, requantized in the lanes into y (p->r32), else stored
 * to acc [OCG][NP]. */
static void small_out(Emit *e, const Node *n, const char *fn,
	const SmallIsa *isa, const WinGeom *c, const Small *k,
	const EmitConvPrep *p)
{
	const char *V = isa->v, *P = isa->p, *yt = emit_ctype(n->out->type.elem);
	int L = isa->L, bits = L * 32;
	emit_line(e, "static inline void %s_out(%s v, int b, int q, %s *y, "
		"int32_t *acc)", fn, V, yt);
	emit_open(e, "{");
	emit_line(e, "int32_t t[%d];", L);
	emit_line(e, "const int o = b * %d, n = %lld - o < %d ? %lld - o : %d;", L,
		(long long)c->OCG, L, (long long)c->OCG, L);
	emit_line(e, "int l;");
	if (!p->r32) {
		emit_line(e, "(void)y;");
		emit_line(e, "%s_storeu_si%d((void *)t, v);", P, bits);
		emit_line(e, "for (l = 0; l < n; l++)");
		emit_line(e, "\tacc[(o + l) * %lld + q] = t[l];", (long long)k->NP);
		emit_close(e);
		return;
	}
	const EmitReq32 *r = p->r32;
	emit_line(e, "(void)acc;");
	int len;
	attr_ints(n, "mult", &len);
	/* the lanes read the padded tables instead of the generic ones */
	if (len > 1)
		emit_line(e, "(void)%s_m, (void)%s_s%s%s%s;", fn, fn, r->any_a ?
			", (void)" : "", r->any_a ? fn : "", r->any_a ? "_a" : "");
#define LD(tab) "%s_loadu_si%d((const void *)(%s_" tab " + o))"
	if (isa->vnni)
		emit_line(e, "v = _mm512_add_epi32(v, _mm512_maskz_loadu_epi32("
			"(__mmask16)((1u << n) - 1), %s_c + o));", fn);
	else
		emit_line(e, "v = _mm256_add_epi32(v, _mm256_maskload_epi32(%s_c + o, "
			"_mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, "
			"3, 4, 5, 6, 7))));", fn);
	if (r->any_a)
		emit_line(e, "v = %s_sllv_epi32(v, " LD("ra") ");", P, P, bits, fn);
	emit_line(e, "const %s m = " LD("rm") ";", V, P, bits, fn);
	emit_line(e, "const %s big = %s_set1_epi64%s((int64_t)1 << 62);", V, P,
		isa->vnni ? "" : "x");
	emit_line(e, "const %s pe = %s_add_epi64(%s_mul_epi32(v, m), big);", V, P,
		P);
	emit_line(e, "const %s po = %s_add_epi64(%s_mul_epi32(%s_srli_epi64(v, "
		"32), %s_srli_epi64(m, 32)), big);", V, P, P, P, P);
	if (isa->vnni)
		emit_line(e, "%s h = _mm512_mask_blend_epi32(0xaaaa, "
			"_mm512_srli_epi64(pe, 32), po);", V);
	else
		emit_line(e, "%s h = _mm256_blend_epi32(_mm256_srli_epi64(pe, 32), po, "
			"0xaa);", V);
	emit_line(e, "h = %s_add_epi32(%s_srlv_epi32(%s_add_epi32(h, " LD("rh")
		"), " LD("rs") "), " LD("rb") ");", P, P, P, P, bits, fn, P, bits, fn,
		P, bits, fn);
#undef LD
	emit_line(e, "h = %s_min_epi32(%s_max_epi32(h, %s_set1_epi32(%lld)), "
		"%s_set1_epi32(%lld));", P, P, P, (long long)attr_int(n, "act_min"), P,
		(long long)attr_int(n, "act_max"));
	emit_line(e, "%s_storeu_si%d((void *)t, h);", P, bits);
	emit_line(e, "for (l = 0; l < n; l++)");
	emit_line(e, "\ty[(o + l) * %lld + q] = (%s)t[l];", (long long)k->NP, yt);
	emit_close(e);
}

static int small_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const SmallIsa *isa)
{
	const WinGeom *c = &p->c;
	Small k;
	small_geom(c, isa, &k);
	small_tables(e, fn, c, &k, isa, p->w);
	if (p->r32)
		requant_tables(e, n, fn, c, &k, isa, p->r32);
	small_out(e, n, fn, isa, c, &k, p);
	int32_t zx = emit_zp(n->in[0]);
	int i8 = n->in[0]->type.elem == DT_I8;
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "xqb", k.xq_bytes);
	emit_vari(&v, "wg", k.OCB * c->KH * c->KW * k.ICq * isa->L);
	emit_vari(&v, "words", k.PH * k.PW * k.ICq);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint32_t *xw = scratch;\n"
		"\tint32_t *acc = (int32_t *)((unsigned char *)scratch + $xqb);\n"
		"\tint bt, g, b, q, kh, kw, i, ic, ih, iw;\n"
		"\tfor (bt = 0; bt < $N; bt++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (bt * $C + g * $ICG) * $HW;\n"
		"\t\t$yt *yg = y + (bt * $OC + g * $OCG) * $OHW;\n"
		"\t\tconst int32_t *wg = ${fn}_w + g * $wg;\n", &v);
	e->depth = 2;
	/* the words: zx everywhere, then the input's channels */
	if (isa->vnni) {
		emit_line(e, "uint8_t *xb = (uint8_t *)xw;");
		emit_line(e, "memset(xb, %d, %lld);", (int)((zx + (i8 ? 128 : 0)) & 255),
			(long long)(k.PH * k.PW * k.ICq * 4));
	} else {
		emit_line(e, "int16_t *xb = (int16_t *)xw;");
		emit_line(e, "for (i = 0; i < %lld; i++)",
			(long long)(k.PH * k.PW * k.ICq * 2));
		emit_line(e, "\txb[i] = %d;", (int)zx);
	}
	emit_open(e, "for (ic = 0; ic < %lld; ic++)", (long long)c->ICG);
	emit_open(e, "for (ih = 0; ih < %lld; ih++)", (long long)c->H);
	emit_open(e, "for (iw = 0; iw < %lld; iw++)", (long long)c->W);
	emit_line(e, "xb[((ih + %lld) * %lld + iw + %lld) * %lld + ic] = %s"
		"xg[(ic * %lld + ih) * %lld + iw]%s;", (long long)c->pt,
		(long long)k.PW, (long long)c->pl, (long long)(k.ICq * isa->G),
		isa->vnni ? "(uint8_t)(" : "", (long long)c->H, (long long)c->W,
		isa->vnni ? (i8 ? " ^ 0x80)" : ")") : "");
	e->depth -= 3;
	small_tiles(e, n, fn, isa, c, &k, p);
	if (!p->r32) {
		char loops[100];
		snprintf(loops, sizeof loops, "for (q = 0; q < %lld; q++)",
			(long long)k.NP);
		emit_open(e, "for (b = 0; b < %lld; b++) {", (long long)c->OCG);
		emit_line(e, "const int o = g * %lld + b;", (long long)c->OCG);
		emit_line(e, "const int32_t *ac = acc + b * %lld;", (long long)k.NP);
		char y[100];
		snprintf(y, sizeof y, "yg[b * %lld + q]", (long long)k.NP);
		emit_row_requant(e, n, fn, loops, y, "ac[q]", 0, NULL, 0);
		emit_close(e);
	}
	e->depth = 0;
	emit_line(e, "\t}");
	emit_line(e, "}");
	return 0;
}

static int avx2_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	return small_body(e, n, fn, p, &small_avx2);
}

static int vnni_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	return small_body(e, n, fn, p, &small_vnni);
}

static int emit_avx2_small(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, avx2_scratch, avx2_body);
}

static int emit_vnni_small(Emit *e, const Node *n, const char *fn)
{
	int32_t xoff = n->in[0]->type.elem == DT_I8 ? 128 : 0;
	return emit_conv_node(e, n, fn, xoff, vnni_scratch, vnni_body);
}

const KernelRow emit_x86_small_kernels[] = {
	{OP_QCONV2D, "x86-avx512-vnni", "conv_small", "output maps of at most "
		"64 pixels whose channels fill the lanes better than the pixels, "
		">= 4 input channels, one group, 8-bit (output channels in the "
		"lanes: vpdpbusd tiles of 4 pixels x 48 channels)", vnni_applies,
		vnni_bytes, emit_vnni_small, 1},
	{OP_QCONV2D, "x86-avx2", "conv_small", "output maps of at most 64 "
		"pixels whose channels fill the lanes better than the pixels, >= 2 "
		"input channels, one group, 8-bit (output channels in the lanes: "
		"vpmaddwd tiles of 4 pixels x 16 channels)", avx2_applies,
		avx2_bytes, emit_avx2_small, 1},
	{0},
};
