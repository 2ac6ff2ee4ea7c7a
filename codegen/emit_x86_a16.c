/* emit_x86_a16.c - the x86 kernels of layers with a 16-bit input
 * (int16 activations, int8 weights), for x86-avx2 (vpmaddwd: pairs of
 * int16 products summed into int32 lanes, then vpaddd) and
 * x86-avx512-vnni (vpdpwssd: the same pairs accumulated into the lanes in
 * one instruction, 512-bit vectors). The 8-bit layers keep emit_x86.c.
 *
 *   conv16_pairs  (one group) per block of output rows, a column of the
 *                 receptive fields as pairs of taps (k, k + 1) in 32-bit
 *                 lanes, one row of pixels per pair; register tiles of
 *                 PV vectors of pixels by CB output channels: per pair,
 *                 PV loads, CB broadcast weight pairs, PV * CB
 *                 multiply-adds. A 1x1 layer's column is its input with
 *                 channel pairs interleaved.
 *   dw16_pairs    (one input channel a group: depthwise) per channel a
 *                 zx-padded plane whose 32-bit word at column c holds the
 *                 input at columns c and c + dw (split into sw column
 *                 phases), so that a pair of a row's taps is one vector
 *                 load at a literal offset and one multiply-add against
 *                 the broadcast weight pair.
 *   dense16_pairs the input row as pairs; four weight rows (int16 pairs)
 *                 a pass, the lanes summed at the end.
 *
 * Exactness: a weight is at most 128 in magnitude and an input 2^15, so
 * each pair's sum is below 2^23 and vpmaddwd never saturates; the lanes
 * then wrap modulo 2^32, which gives the exact dot product because it
 * fits int32 (the rows apply only without int64 dot products,
 * emit_fold_bias), and the folded constant is added modulo 2^32 as the
 * generic kernels do (emit_row_requant). The outputs are bit-identical
 * to the simulator's.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* Both targets take 256-bit vectors of eight 32-bit lanes: the
 * 512-bit tiles (vpdpwssd on zmm) were slower on mobilenet_ish's small
 * planes (docs/codegen.md). */
#define A16_L 8
/* Output channels are padded (zero weight rows) to a multiple of this,
 * the largest CB. */
#define A16_OCP 8

typedef struct {
	int PV, CB;      /* conv tile: PV vectors of pixels x CB channels */
	const char *mac; /* a + the pair products of x and w */
} A16Isa;

static const A16Isa a16_avx2 = {2, 4,
	"_mm256_add_epi32(a, _mm256_madd_epi16(x, w))"};
static const A16Isa a16_vnni = {2, 8, "_mm256_dpwssd_epi32(a, x, w)"};

static const A16Isa *a16_isa(const Emit *e)
{
	return !strcmp(e->target->name, "x86-avx512-vnni") ? &a16_vnni :
		&a16_avx2;
}

static int64_t round_up(int64_t v, int64_t m)
{
	return (v + m - 1) / m * m;
}

/* The word of a pair of int16 values, the first in the low half. */
static int64_t pair_word(int32_t lo, int32_t hi)
{
	return (int32_t)((uint32_t)(uint16_t)lo | (uint32_t)(uint16_t)hi << 16);
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

/* $fn, and the kernel's helpers FN_ld, FN_st, FN_bc (a broadcast word)
 * and FN_mac (the target's multiply-add of pairs). */
static void a16_vars(Emit *e, EmitVars *v, const char *fn)
{
	emit_var(v, "fn", fn);
	emit_var(v, "mac", a16_isa(e)->mac);
	emit_fill(e, "static inline __m256i ${fn}_ld(const int32_t *p)\n"
		"{\n\treturn _mm256_loadu_si256((const __m256i *)(const void *)p);\n"
		"}\n"
		"static inline void ${fn}_st(int32_t *p, __m256i v)\n"
		"{\n\t_mm256_storeu_si256((__m256i *)(void *)p, v);\n}\n"
		"static inline __m256i ${fn}_bc(int32_t u)\n"
		"{\n\treturn _mm256_set1_epi32(u);\n}\n"
		"static inline __m256i ${fn}_mac(__m256i a, __m256i x, __m256i w)\n"
		"{\n\treturn $mac;\n}\n\n", v);
}

/* ------------------------------------------------------- conv16_pairs */

/* Most pixels a block of output rows computes. */
#define A16_BLOCK_Q 256

typedef struct {
	int64_t Kq;      /* pairs of taps */
	int64_t OCp;     /* output channels rounded up to CB */
	int64_t RB;      /* output rows a block */
	int64_t PB;      /* pixels a block, RB * OW rounded up to PV * L */
} ConvPairs;

/* The tiles step by 16 pixels (PV = 2 vectors) on both targets. */
static void pairs_geom(const WinGeom *c, ConvPairs *k)
{
	int64_t step = 2 * A16_L;
	k->Kq = (c->K + 1) / 2;
	k->OCp = round_up(c->OC, A16_OCP);
	k->RB = 1;
	for (int64_t r = 2; r <= c->OH; r++)
		if (round_up(r * c->OW, step) <= A16_BLOCK_Q)
			k->RB = r;
	k->PB = round_up(k->RB * c->OW, step);
}

static int conv_pairs_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.groups == 1 && a16_fits(n, c.OC, c.K);
}

static EmitConvScratch pairs_scratch(const Node *n, const WinGeom *c)
{
	(void)n;
	ConvPairs k;
	pairs_geom(c, &k);
	return (EmitConvScratch){(k.Kq + k.OCp) * k.PB * 4, 0};
}

static int64_t pairs_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(pairs_scratch(n, &c));
}

/* The column of a block: pair kq of pixel p at col[kq * PB + p], taps
 * in the weights' order (ic, kh, kw), zx outside the input. */
static void pairs_column(Emit *e, const WinGeom *c, const EmitVars *v)
{
	if (c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 && !c->pt &&
		!c->pl && c->OW == c->W) {
		emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
			"\t\t\t\tint16_t *d = (int16_t *)(void *)(col + k / 2 * $PB) + "
			"k % 2;\n"
			"\t\t\t\tconst int16_t *s = xb + k * $HW + oh0 * $OW;\n"
			"\t\t\t\tfor (q = 0; q < nq; q++)\n"
			"\t\t\t\t\td[2 * q] = s[q];\n"
			"\t\t\t}\n", v);
		return;
	}
	emit_fill(e, "\t\t\tfor (k = 0; k < $K; k++) {\n"
		"\t\t\t\tconst int ic = k / $KHKW, kh = k / $KW % $KH, kw = k % $KW;\n"
		"\t\t\t\tint16_t *d = (int16_t *)(void *)(col + k / 2 * $PB) + "
		"k % 2;\n"
		"\t\t\t\tfor (r = 0; r < nr; r++) {\n"
		"\t\t\t\t\tconst int ih = (oh0 + r) * $sh - $padt + kh * $dh;\n"
		"\t\t\t\t\tfor (ow = 0; ow < $OW; ow++) {\n"
		"\t\t\t\t\t\tconst int iw = ow * $sw - $padl + kw * $dw;\n"
		"\t\t\t\t\t\td[2 * (r * $OW + ow)] = (unsigned)ih < $H && "
		"(unsigned)iw < $W ?\n"
		"\t\t\t\t\t\t\txb[(ic * $H + ih) * $W + iw] : $zx;\n"
		"\t\t\t\t\t}\n"
		"\t\t\t\t}\n"
		"\t\t\t}\n", v);
}

static int pairs_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const A16Isa *isa = a16_isa(e);
	const WinGeom *c = &p->c;
	ConvPairs k;
	pairs_geom(c, &k);
	/* FN_w: per output channel (zero rows up to OCp) Kq words of pairs */
	int64_t *wp = calloc(k.OCp * k.Kq + 1, sizeof *wp);
	if (!wp)
		abort();
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t q = 0; q < k.Kq; q++) {
			const int32_t *r = p->w + o * c->K + 2 * q;
			wp[o * k.Kq + q] = pair_word(r[0], 2 * q + 1 < c->K ? r[1] : 0);
		}
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, wp, k.OCp * k.Kq);
	free(wp);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	a16_vars(e, &v, fn);
	emit_vari(&v, "Kq", k.Kq);
	emit_vari(&v, "OCp", k.OCp);
	emit_vari(&v, "RB", k.RB);
	emit_vari(&v, "PB", k.PB);
	emit_vari(&v, "KHKW", c->KH * c->KW);
	emit_vari(&v, "colbytes", k.Kq * k.PB * 4);
	emit_vari(&v, "blocks", (c->OH + k.RB - 1) / k.RB);
	emit_vari(&v, "CB", isa->CB);
	emit_vari(&v, "step", isa->PV * A16_L);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint32_t *col = scratch, *acc = col + $Kq * $PB;\n"
		"\tint b, blk, k, r, ow, q, oc, kq;\n"
		"\t(void)r, (void)ow;\n"
		"\tmemset(col, 0, $colbytes);\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tconst int16_t *xb = x + b * $C * $HW;\n"
		"\t\t$yt *yb = y + b * $OC * $OHW;\n"
		"\t\tfor (blk = 0; blk < $blocks; blk++) {\n"
		"\t\t\tconst int oh0 = blk * $RB;\n"
		"\t\t\tconst int nr = $OH - oh0 < $RB ? $OH - oh0 : $RB;\n"
		"\t\t\tconst int nq = nr * $OW;\n", &v);
	pairs_column(e, c, &v);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OCp; oc += $CB)\n"
		"\t\t\tfor (q = 0; q < nq; q += $step) {\n"
		"\t\t\t\tconst int32_t *wq = ${fn}_w + oc * $Kq, *cq = col + q;\n",
		&v);
	e->depth = 4;
	for (int j = 0; j < isa->CB; j++)
		for (int u = 0; u < isa->PV; u++)
			emit_line(e, "%s a%d_%d = %s_bc(0);", "__m256i", j, u, fn);
	emit_open(e, "for (kq = 0; kq < %lld; kq++, cq += %lld) {",
		(long long)k.Kq, (long long)k.PB);
	for (int u = 0; u < isa->PV; u++)
		emit_line(e, "const %s x%d = %s_ld(cq + %d);", "__m256i", u, fn,
			u * A16_L);
	for (int j = 0; j < isa->CB; j++) {
		emit_line(e, "%s%sw = %s_bc(wq[%lld + kq]);", j ? "" : "__m256i",
			j ? "" : " ", fn, (long long)(j * k.Kq));
		for (int u = 0; u < isa->PV; u++)
			emit_line(e, "a%d_%d = %s_mac(a%d_%d, x%d, w);", j, u, fn, j, u, u);
	}
	emit_close(e);
	for (int j = 0; j < isa->CB; j++)
		for (int u = 0; u < isa->PV; u++)
			emit_line(e, "%s_st(acc + (oc + %d) * %lld + q + %d, a%d_%d);", fn,
				j, (long long)k.PB, u * A16_L, j, u);
	e->depth = 0;
	emit_fill(e, "\t\t\t}\n"
		"\t\t\tfor (oc = 0; oc < $OC; oc++) {\n"
		"\t\t\t\tconst int o = oc;\n"
		"\t\t\t\tconst int32_t *ac = acc + oc * $PB;\n"
		"\t\t\t\t$yt *yo = yb + oc * $OHW + oh0 * $OW;\n", &v);
	emit_row_requant(e, n, fn, "for (q = 0; q < nq; q++)", "yo[q]", "ac[q]",
		0, p->r32, 4);
	emit_fill(e, "\t\t\t}\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

static int emit_pairs(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, pairs_scratch, pairs_body);
}

/* --------------------------------------------------------- dw16_pairs */

typedef struct {
	int64_t PH;      /* padded rows */
	int64_t PWS;     /* columns of a phase */
	int64_t RS;      /* words a plane row: PWS, or what a row's last
	                    vector loads reach */
	int64_t P;       /* pairs of taps a kernel row */
	int64_t words;   /* the planes of one channel */
} DwPairs;

static void dw_geom(const Node *n, const WinGeom *c, DwPairs *k)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	int64_t PW = c->W + c->pl + pad[3];
	k->PH = c->H + c->pt + pad[2];
	k->PWS = (PW + c->sw - 1) / c->sw;
	int64_t reach = round_up(c->OW, A16_L) + (c->KW - 1) * c->dw / c->sw;
	k->RS = reach > k->PWS ? reach : k->PWS;
	k->P = (c->KW + 1) / 2;
	k->words = c->sw * k->PH * k->RS;
}

static int dw_pairs_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return c.ICG == 1 && c.groups > 1 && a16_fits(n, c.OC, c.K);
}

static EmitConvScratch dw_scratch(const Node *n, const WinGeom *c)
{
	DwPairs k;
	dw_geom(n, c, &k);
	return (EmitConvScratch){(k.words + c->OH * c->OW + A16_L) * 4, 0};
}

static int64_t dw_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(dw_scratch(n, &c));
}

static int dw_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	DwPairs k;
	dw_geom(n, c, &k);
	/* FN_w: per output channel and kernel row, the pairs (kw, kw + 1) */
	int64_t *wp = malloc((c->OC * c->KH * k.P + 1) * sizeof *wp);
	if (!wp)
		abort();
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t kh = 0; kh < c->KH; kh++)
			for (int64_t j = 0; j < k.P; j++) {
				const int32_t *r = p->w + (o * c->KH + kh) * c->KW + 2 * j;
				wp[(o * c->KH + kh) * k.P + j] = pair_word(r[0],
					2 * j + 1 < c->KW ? r[1] : 0);
			}
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, wp, c->OC * c->KH * k.P);
	free(wp);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	a16_vars(e, &v, fn);
	int32_t zx = emit_zp(n->in[0]);
	emit_vari(&v, "zz", pair_word(zx, zx));
	emit_vari(&v, "words", k.words);
	emit_vari(&v, "PH", k.PH);
	emit_vari(&v, "PWS", k.PWS);
	emit_vari(&v, "RS", k.RS);
	emit_vari(&v, "KP", c->KH * k.P);
	emit_vari(&v, "L", A16_L);
	emit_fill(e, "static inline int16_t ${fn}_px(const int16_t *xr, int c)\n"
		"{\n\treturn (unsigned)c < $W ? xr[c] : $zx;\n}\n"
		"static inline int32_t ${fn}_pair(int16_t lo, int16_t hi)\n"
		"{\n\treturn (int32_t)((uint32_t)(uint16_t)lo | (uint32_t)(uint16_t)hi "
		"<< 16);\n}\n\n", &v);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint32_t *pl = scratch, *acc = pl + $words;\n"
		"\tint b, g, m, ih, j, oh, ow, q;\n"
		"\tfor (q = 0; q < $words; q++)\n"
		"\t\tpl[q] = $zz;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst int16_t *xg = x + (b * $C + g) * $HW;\n"
		"\t\tfor (ih = 0; ih < $H; ih++) {\n"
		"\t\t\tconst int16_t *xr = xg + ih * $W;\n"
		"\t\t\tint32_t *d;\n", &v);
	/* per phase: the columns whose pair lies inside the row, without
	 * tests, between those that test */
	for (int64_t ph = 0; ph < c->sw; ph++) {
		int64_t o0 = ph - c->pl;   /* input column of j = 0 */
		int64_t jA = o0 >= 0 ? 0 : (-o0 + c->sw - 1) / c->sw;
		int64_t last = c->W - 1 - c->dw - o0;
		int64_t jB = last < 0 ? 0 : last / c->sw + 1;
		jA = jA < k.PWS ? jA : k.PWS;
		jB = jB < jA ? jA : jB > k.PWS ? k.PWS : jB;
		e->depth = 3;
		emit_line(e, "d = pl + (%lld + ih) * %lld;", (long long)(ph * k.PH +
			c->pt), (long long)k.RS);
		const char *tested = "d[j] = %s_pair(%s_px(xr, j * %lld + %lld), "
			"%s_px(xr, j * %lld + %lld));";
		if (jA > 0) {
			emit_line(e, "for (j = 0; j < %lld; j++)", (long long)jA);
			emit_line(e, tested, fn, fn, (long long)c->sw, (long long)o0, fn,
				(long long)c->sw, (long long)(o0 + c->dw));
		}
		emit_line(e, "for (j = %lld; j < %lld; j++)", (long long)jA,
			(long long)jB);
		emit_line(e, "\td[j] = %s_pair(xr[j * %lld + %lld], xr[j * %lld + "
			"%lld]);", fn, (long long)c->sw, (long long)o0, (long long)c->sw,
			(long long)(o0 + c->dw));
		if (jB < k.PWS) {
			emit_line(e, "for (j = %lld; j < %lld; j++)", (long long)jB,
				(long long)k.PWS);
			emit_line(e, tested, fn, fn, (long long)c->sw, (long long)o0, fn,
				(long long)c->sw, (long long)(o0 + c->dw));
		}
	}
	e->depth = 0;
	emit_fill(e, "\t\t}\n"
		"\t\tfor (m = 0; m < $OCG; m++) {\n"
		"\t\t\tconst int o = g * $OCG + m;\n"
		"\t\t\tconst int32_t *wo = ${fn}_w + o * $KP;\n"
		"\t\t\tconst int32_t *ac = acc;\n"
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n", &v);
	e->depth = 3;
	for (int64_t i = 0; i < c->KH * k.P; i++)
		emit_line(e, "const %s w%lld = %s_bc(wo[%lld]);", "__m256i",
			(long long)i, fn, (long long)i);
	emit_open(e, "for (oh = 0; oh < %lld; oh++)", (long long)c->OH);
	emit_open(e, "for (ow = 0; ow < %lld; ow += %d) {", (long long)c->OW,
		A16_L);
	emit_line(e, "%s a = %s_bc(0);", "__m256i", fn);
	for (int64_t kh = 0; kh < c->KH; kh++)
		for (int64_t j = 0; j < k.P; j++) {
			int64_t col = 2 * j * c->dw;
			emit_line(e, "a = %s_mac(a, %s_ld(pl + (%lld + oh * %lld) * %lld + "
				"ow + %lld), w%lld);", fn, fn, (long long)(col % c->sw * k.PH +
				kh * c->dh), (long long)c->sh, (long long)k.RS,
				(long long)(col / c->sw), (long long)(kh * k.P + j));
		}
	emit_line(e, "%s_st(acc + oh * %lld + ow, a);", fn, (long long)c->OW);
	emit_close(e);
	e->depth = 0;
	char loops[100];
	snprintf(loops, sizeof loops, "for (q = 0; q < %lld; q++)",
		(long long)(c->OH * c->OW));
	emit_row_requant(e, n, fn, loops, "yo[q]", "ac[q]", 0, p->r32, 3);
	emit_fill(e, "\t\t}\n\t}\n}\n", &v);
	return 0;
}

static int emit_dw(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, dw_scratch, dw_body);
}

/* ------------------------------------------------------ dense16_pairs */

static int64_t dense_k(const Node *n)
{
	return n->in[0]->type.dims[1];
}

static int dense_pairs_applies(const Node *n)
{
	return a16_fits(n, n->in[1]->type.dims[0], dense_k(n));
}

/* Pairs of a row: K / 2 rounded up to a multiple of the lanes. */
static int64_t dense_kq(const Node *n)
{
	return round_up((dense_k(n) + 1) / 2, A16_L);
}

static int64_t dense_bytes(const Node *n)
{
	return dense_kq(n) * 4;
}

static int emit_dense_pairs(Emit *e, const Node *n, const char *fn)
{
	int64_t K = dense_k(n), M = n->in[1]->type.dims[0];
	int64_t Kq = dense_kq(n), Mp = round_up(M, 4);
	int wide;
	const int32_t *w = emit_dense_consts(e, n, fn, &wide);
	if (!w)
		return -1;
	/* FN_w: rows of Kq pairs (zero after K), zero rows up to Mp */
	int64_t *wp = calloc(Mp * Kq + 1, sizeof *wp);
	if (!wp)
		abort();
	for (int64_t m = 0; m < M; m++)
		for (int64_t k = 0; k < K; k += 2)
			wp[m * Kq + k / 2] = pair_word(w[m * K + k], k + 1 < K ?
				w[m * K + k + 1] : 0);
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, wp, Mp * Kq);
	free(wp);
	EmitVars v = {0};
	a16_vars(e, &v, fn);
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(&v, "N", n->in[0]->type.dims[0]);
	emit_vari(&v, "K", K);
	emit_vari(&v, "Kq", Kq);
	emit_vari(&v, "M", M);
	emit_vari(&v, "Mp", Mp);
	emit_vari(&v, "L", A16_L);
	/* the lanes summed modulo 2^32: the exact dot product */
	emit_fill(e, "static inline int32_t ${fn}_hsum(__m256i v)\n{\n"
		"\tint32_t t[$L];\n\tuint32_t u = 0;\n\tint i;\n"
		"\t${fn}_st(t, v);\n\tfor (i = 0; i < $L; i++)\n"
		"\t\tu += (uint32_t)t[i];\n\treturn (int32_t)u;\n}\n\n", &v);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint32_t *s = scratch;\n"
		"\tint b, m, k;\n"
		"\tmemset(s, 0, $Kq * 4);\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tmemcpy(s, x + b * $K, $K * 2);\n"
		"\t\tfor (m = 0; m < $Mp; m += 4) {\n"
		"\t\t\tconst int32_t *w = ${fn}_w + m * $Kq;\n"
		"\t\t\t__m256i a0 = ${fn}_bc(0), a1 = a0, a2 = a0, a3 = a0;\n"
		"\t\t\tfor (k = 0; k < $Kq; k += $L) {\n"
		"\t\t\t\tconst __m256i xk = ${fn}_ld(s + k);\n"
		"\t\t\t\ta0 = ${fn}_mac(a0, xk, ${fn}_ld(w + k));\n"
		"\t\t\t\ta1 = ${fn}_mac(a1, xk, ${fn}_ld(w + $Kq + k));\n"
		"\t\t\t\ta2 = ${fn}_mac(a2, xk, ${fn}_ld(w + 2 * $Kq + k));\n"
		"\t\t\t\ta3 = ${fn}_mac(a3, xk, ${fn}_ld(w + 3 * $Kq + k));\n"
		"\t\t\t}\n", &v);
	e->depth = 3;
	snprintf(name, sizeof name, "%s_hsum", fn);
	emit_dense_store4(e, n, fn, name);
	e->depth = 0;
	emit_fill(e, "\t\t}\n\t}\n}\n", &v);
	return 0;
}

const KernelRow emit_x86_a16_kernels[] = {
	{OP_QCONV2D, "x86-avx2", "conv16_pairs", "16-bit input, one group "
		"(column of tap pairs, vpmaddwd tiles of 16 pixels x 4 channels)",
		conv_pairs_applies, pairs_bytes, emit_pairs, 1},
	{OP_QCONV2D, "x86-avx2", "dw16_pairs", "16-bit input, one input "
		"channel a group (tap pairs in planes, vpmaddwd)",
		dw_pairs_applies, dw_bytes, emit_dw, 1},
	{OP_QDENSE, "x86-avx2", "dense16_pairs", "16-bit input (pairs, four "
		"weight rows a pass, vpmaddwd)", dense_pairs_applies,
		dense_bytes, emit_dense_pairs, 1},
	{OP_QCONV2D, "x86-avx512-vnni", "conv16_pairs", "16-bit input, one "
		"group (column of tap pairs, vpdpwssd tiles of 32 pixels x 8 "
		"channels)", conv_pairs_applies, pairs_bytes, emit_pairs, 1},
	{OP_QCONV2D, "x86-avx512-vnni", "dw16_pairs", "16-bit input, one "
		"input channel a group (tap pairs in planes, vpdpwssd)",
		dw_pairs_applies, dw_bytes, emit_dw, 1},
	{OP_QDENSE, "x86-avx512-vnni", "dense16_pairs", "16-bit input (pairs, "
		"four weight rows a pass, vpdpwssd)", dense_pairs_applies,
		dense_bytes, emit_dense_pairs, 1},
	{0},
};
