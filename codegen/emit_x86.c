/* emit_x86.c - the kernels of the x86 targets (codegen/target.c):
 * x86-avx2 (vpmaddwd: pairs of int16 products into int32 lanes) and
 * x86-avx512-vnni (vpdpbusd: quads of uint8 x int8 products into int32
 * lanes), written with intrinsics; the target's pragmas enable the
 * instruction set for the whole .c, so plain -O2 gives this code.
 *
 *   conv   direct, without a column buffer. Per group the input is copied
 *          into zx-padded planes of lanes: G input channels side by side
 *          in 32-bit lanes (4 bytes x + 128 for vpdpbusd, 2 int16 for
 *          vpmaddwd), one plane per lane group and stride phase (phase
 *          (a, b) holds the padded rows a, a + sh, ... and columns b,
 *          b + sw, ...). The output is computed on the phase width PWS
 *          (the last PWS - OW columns of each row discarded), so that for
 *          every tap the lanes of consecutive output pixels are
 *          consecutive in one plane: a tap is a vector load at a literal
 *          offset. Per block of output rows, register tiles of PV vectors
 *          of pixels by CB output channels: per lane group and tap, PV
 *          loads, CB weight broadcasts and PV * CB multiply-adds, with no
 *          horizontal sums. The accumulators are then requantized per
 *          channel as the generic kernels do (emit_row_requant).
 *
 * vpdpbusd multiplies unsigned by signed bytes: the kernel sums
 * (x + 128) * w, and 128 * sum w goes into the folded constant
 * (emit_conv_node's xoff). The lanes wrap modulo 2^32 and the constant is
 * added modulo 2^32, which gives the exact accumulator since that fits
 * int32 (the node must not need int64 dot products: x86_conv_applies).
 */
#include <stdlib.h>

#include "emit.h"

typedef struct {
	const char *target;
	int G;           /* input channels a 32-bit lane */
	int L;           /* 32-bit lanes a vector */
	int PV, CB;      /* register tile: PV vectors of pixels x CB channels */
	int vnni;        /* vpdpbusd on x + 128 (else vpmaddwd on int16) */
} X86Isa;

static const X86Isa isa_avx2 = {"x86-avx2", 2, 8, 2, 4, 0};
static const X86Isa isa_vnni = {"x86-avx512-vnni", 4, 16, 4, 4, 1};

/* Most pixels (phase-width positions) a block of output rows computes. */
#define X86_BLOCK_Q 256

/* The kernel's geometry beyond WinGeom. */
typedef struct {
	int64_t ICq;       /* lane groups: ceil(ICG / G) */
	int64_t PH, PW;    /* padded plane */
	int64_t PWS;       /* phase width */
	int64_t RB;        /* output rows a block (divides OH) */
	int64_t QB;        /* RB * PWS rounded up to 16 */
	int64_t PPS;       /* lanes of one phase plane, slack included */
	int64_t xp_bytes;  /* the planes, a multiple of 8 */
} X86Conv;

static int64_t round_up(int64_t v, int64_t m)
{
	return (v + m - 1) / m * m;
}

/* One input channel a group (a depthwise layer, a network's stem) puts
 * the KW taps of a kernel row in the lanes instead of input channels:
 * lane j of pixel (r, c) holds padded input (r, c + j * dw). vpdpbusd:
 * width stride 1 or 2, KW <= 4 (one lane group). vpmaddwd: a network's
 * single-channel stem (one group), KW <= 4 in two lane groups of two
 * taps (depthwise layers keep the generic kernels, whose per-channel
 * work is as small as this kernel's per-channel fill). */
static int kw_lanes(const WinGeom *c, const X86Isa *isa)
{
	if (!isa->vnni)
		return c->ICG == 1 && c->groups == 1 && c->KW <= 2 * isa->G &&
			c->sw <= 2;
	return c->ICG == 1 && c->KW <= isa->G && c->sw <= 2;
}

/* The geometry the tiles see: with kw_lanes, KW lanes of one tap a
 * row. */
static WinGeom tile_geom(const WinGeom *c, const X86Isa *isa)
{
	WinGeom t = *c;
	if (kw_lanes(c, isa)) {
		t.ICG = c->KW;
		t.KW = 1;
		t.dw = 1;
	}
	return t;
}

static void x86_geom(const Node *n, const WinGeom *cg, const X86Isa *isa,
	X86Conv *k)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	WinGeom t = tile_geom(cg, isa);
	const WinGeom *c = &t;
	k->ICq = (c->ICG + isa->G - 1) / isa->G;
	k->PH = c->H + c->pt + pad[2];
	k->PW = c->W + c->pl + pad[3];
	k->PWS = (k->PW + c->sw - 1) / c->sw;
	k->RB = 1;
	for (int64_t r = 2; r <= c->OH; r++)
		if (c->OH % r == 0 && round_up(r * k->PWS, 16) <= X86_BLOCK_Q)
			k->RB = r;
	k->QB = round_up(k->RB * k->PWS, 16);
	/* the last block's loads reach QB + the largest tap offset */
	int64_t maxoff = (c->KH - 1) * c->dh / c->sh * k->PWS +
		(c->KW - 1) * c->dw / c->sw;
	int64_t PHS = (k->PH + c->sh - 1) / c->sh;
	int64_t need = (c->OH - k->RB) * k->PWS + k->QB + maxoff;
	k->PPS = PHS * k->PWS > need ? PHS * k->PWS : need;
	k->xp_bytes = round_up(k->ICq * c->sh * c->sw * k->PPS * 4, 8);
}

/* The pixel lanes the tiles of conv n compute (x86-avx512-vnni's
 * geometry; x86-avx2's is the same for ICG >= 2): the blocks' QB, of
 * which OH * OW are outputs. */
int64_t emit_x86_pixel_lanes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	X86Conv k;
	x86_geom(n, &c, &isa_vnni, &k);
	return c.OH / k.RB * k.QB;
}

/* 8-bit inputs and signed weights of at most 8 bits, int32 dot products,
 * and enough input channels a group that the lanes are not mostly
 * padding, or a single-channel input with kw_lanes (depthwise layers keep
 * the generic direct kernel). */
static int conv_applies(const Node *n, const X86Isa *isa)
{
	DType xt = n->in[0]->type.elem, wt = n->in[1]->type.elem;
	if ((xt != DT_I8 && xt != DT_U8) || (wt != DT_I8 && wt != DT_I4) ||
		n->in[1]->kind != VAL_CONST)
		return 0;
	WinGeom c;
	geom_conv(n, &c);
	if (c.ICG < 3 && !kw_lanes(&c, isa))
		return 0;
	int wide;
	free(emit_fold_bias(n, n->in[1]->data, c.OC, c.K, &wide));
	return !wide;
}

static int avx2_conv_applies(const Node *n)
{
	return conv_applies(n, &isa_avx2);
}

static int vnni_conv_applies(const Node *n)
{
	return conv_applies(n, &isa_vnni);
}

static EmitConvScratch x86_scratch(const Node *n, const WinGeom *c,
	const X86Isa *isa)
{
	X86Conv k;
	x86_geom(n, c, isa, &k);
	return (EmitConvScratch){k.xp_bytes + c->OCG * k.QB * 4, k.QB};
}

static EmitConvScratch avx2_scratch(const Node *n, const WinGeom *c)
{
	return x86_scratch(n, c, &isa_avx2);
}

static EmitConvScratch vnni_scratch(const Node *n, const WinGeom *c)
{
	return x86_scratch(n, c, &isa_vnni);
}

static int64_t avx2_conv_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(avx2_scratch(n, &c));
}

static int64_t vnni_conv_bytes(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(vnni_scratch(n, &c));
}

/* The weights as lanes [OC][ICq][KH][KW] of G channels: FN_w, 32-bit
 * words (vpdpbusd: 4 int8, the first in the low byte; vpmaddwd: 2 int16,
 * the first in the low half). */
static void x86_weights(Emit *e, const char *fn, const WinGeom *c,
	const X86Conv *k, const X86Isa *isa, const int32_t *w)
{
	WinGeom t = tile_geom(c, isa);
	int64_t words = c->OC * k->ICq * t.KH * t.KW;
	int32_t *lanes = malloc((words * isa->G + 1) * sizeof *lanes);
	int64_t *packed = malloc((words + 1) * sizeof *packed);
	int32_t *wt = malloc((c->OC * c->K + 1) * sizeof *wt);
	if (!lanes || !packed || !wt)
		abort();
	/* kw_lanes: [OC][1][KH][KW] as [OC][KW][KH][1], the taps of a row as
	 * the lanes' channels */
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t i = 0; i < c->K; i++)
			wt[o * c->K + i] = t.KW == c->KW ? w[o * c->K + i] :
				w[o * c->K + i % c->KH * c->KW + i / c->KH];
	pack_conv_lanes(&t, isa->G, wt, lanes);
	free(wt);
	for (int64_t i = 0; i < words; i++) {
		uint32_t u = 0;
		for (int j = 0; j < isa->G; j++)
			u |= ((uint32_t)lanes[i * isa->G + j] & (isa->vnni ? 0xffu :
				0xffffu)) << (32 / isa->G * j);
		packed[i] = (int32_t)u;
	}
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, packed, words);
	free(lanes);
	free(packed);
}

/* A register tile: PV vectors of pixels from q (an expression) by CB
 * channels from oc (an expression), accumulated over every lane group
 * and tap, then stored to acc. */
static void x86_tile(Emit *e, const X86Isa *isa, const WinGeom *c,
	const X86Conv *k, int pv, int cb, const char *q, const char *oc)
{
	const char *vt = isa->vnni ? "__m512i" : "__m256i";
	int64_t KHW = c->KH * c->KW, G = isa->G;
	emit_open(e, "{");
	for (int j = 0; j < cb; j++)
		for (int v = 0; v < pv; v++)
			emit_line(e, "%s a%d_%d = %s;", vt, j, v, isa->vnni ?
				"_mm512_setzero_si512()" : "_mm256_setzero_si256()");
	/* gcc -O3 unrolls these short loops completely and spills the
	 * vpmaddwd tiles' accumulators (conv2 of cnn_bn: 26 us at -O3
	 * -march=native, 20 with the loops kept) */
	if (!isa->vnni)
		emit_line(e, "#pragma GCC unroll 1");
	emit_open(e, "for (icq = 0; icq < %lld; icq++) {", (long long)k->ICq);
	emit_line(e, "const %s *xi = xb + (icq * %lld + %s) * %lld;",
		isa->vnni ? "uint8_t" : "int16_t",
		(long long)(c->sh * c->sw * k->PPS), q, (long long)G);
	emit_line(e, "const int32_t *wi = wg + ((%s) * %lld + icq) * %lld;", oc,
		(long long)k->ICq, (long long)KHW);
	if (c->KH > 1) {
		if (!isa->vnni)
			emit_line(e, "#pragma GCC unroll 1");
		emit_open(e, "for (kh = 0; kh < %lld; kh++) {", (long long)c->KH);
		emit_line(e, "const %s *xr = xi + (kh * %lld %% %lld * %lld + "
			"kh * %lld / %lld * %lld) * %lld;",
			isa->vnni ? "uint8_t" : "int16_t", (long long)c->dh,
			(long long)c->sh, (long long)(c->sw * k->PPS), (long long)c->dh,
			(long long)c->sh, (long long)k->PWS, (long long)G);
		emit_line(e, "const int32_t *wr = wi + kh * %lld;", (long long)c->KW);
	} else {
		emit_open(e, "{");
		emit_line(e, "const %s *xr = xi;", isa->vnni ? "uint8_t" : "int16_t");
		emit_line(e, "const int32_t *wr = wi;");
	}
	emit_line(e, "%s w;", vt);
	for (int64_t kw = 0; kw < c->KW; kw++) {
		int64_t off = (kw * c->dw % c->sw) * k->PPS + kw * c->dw / c->sw;
		for (int v = 0; v < pv; v++) {
			emit_line(e, isa->vnni ? "const __m512i x%d_%lld = "
				"_mm512_loadu_si512((const void *)(xr + %lld));" :
				"__m256i x%d_%lld = _mm256_loadu_si256((const __m256i *)"
				"(const void *)(xr + %lld));", v, (long long)kw,
				(long long)((off + v * isa->L) * G));
			/* in a register: gcc would otherwise load it again as the
			 * memory operand of each of its CB vpmaddwd (cnn_bn's conv2
			 * at -O3 -march=native: 19.9 -> 13.9 us) */
			if (!isa->vnni)
				emit_line(e, "__asm__(\"\" : \"+x\"(x%d_%lld));", v,
					(long long)kw);
		}
		for (int j = 0; j < cb; j++) {
			emit_line(e, isa->vnni ? "w = _mm512_set1_epi32(wr[%lld]);" :
				"w = _mm256_set1_epi32(wr[%lld]);",
				(long long)(j * k->ICq * KHW + kw));
			for (int v = 0; v < pv; v++)
				emit_line(e, isa->vnni ?
					"a%d_%d = _mm512_dpbusd_epi32(a%d_%d, x%d_%lld, w);" :
					"a%d_%d = _mm256_add_epi32(a%d_%d, _mm256_madd_epi16(x%d_%lld, "
					"w));", j, v, j, v, v, (long long)kw);
		}
		/* gcc reassociates the sums of several taps' products and
		 * spills the accumulators (vpmaddwd) */
		if (!isa->vnni)
			for (int j = 0; j < cb; j++)
				for (int v = 0; v < pv; v++)
					emit_line(e, "__asm__(\"\" : \"+x\"(a%d_%d));", j, v);
	}
	emit_close(e);
	emit_close(e);
	for (int j = 0; j < cb; j++)
		for (int v = 0; v < pv; v++)
			emit_line(e, isa->vnni ? "_mm512_storeu_si512((void *)(acc + "
				"((%s) + %d) * %lld + %s + %d), a%d_%d);" :
				"_mm256_storeu_si256((__m256i *)(void *)(acc + ((%s) + %d) * "
				"%lld + %s + %d), a%d_%d);", oc, j, (long long)k->QB, q,
				v * isa->L, j, v);
	emit_close(e);
}

/* The tiles of one block: every channel, every pixel of QB. */
static void x86_tiles(Emit *e, const X86Isa *isa, const WinGeom *c,
	const X86Conv *k)
{
	int64_t nv = k->QB / isa->L, tpv = nv % isa->PV;
	int64_t tcb = c->OCG % isa->CB;
	char tq[40], toc[40];
	snprintf(tq, sizeof tq, "%lld", (long long)((nv - tpv) * isa->L));
	snprintf(toc, sizeof toc, "%lld", (long long)(c->OCG - tcb));
	for (int pass = 0; pass < 2; pass++) {
		int cb = pass ? (int)tcb : isa->CB;
		const char *oc = pass ? toc : "oc";
		if (!cb)
			continue;
		if (!pass)
			emit_open(e, "for (oc = 0; oc + %d <= %lld; oc += %d) {", cb,
				(long long)c->OCG, cb);
		if (nv >= isa->PV) {
			emit_open(e, "for (q = 0; q + %d <= %lld; q += %d)",
				isa->PV * isa->L, (long long)(nv - tpv) * isa->L,
				isa->PV * isa->L);
			x86_tile(e, isa, c, k, isa->PV, cb, "q", oc);
			e->depth--;
		}
		if (tpv)
			x86_tile(e, isa, c, k, (int)tpv, cb, tq, oc);
		if (!pass)
			emit_close(e);
	}
}

/* kw_lanes: lane j of phase-plane column pc holds padded column
 * pc * sw + j * dw, input column pc * sw + j * dw - pl. Per input row,
 * sixteen lanes a step, each lane byte j from a masked load of the input
 * row at that offset (every other byte at stride 2): the mask keeps the
 * columns inside the row, the others take zx, and masked-off bytes are
 * not read. Only the column phase 0 is used (the tiles see KW = 1). */
static void kw_fill(Emit *e, const Node *n, const WinGeom *c,
	const X86Conv *k, int i8, const char *fn)
{
	long long PWS = k->PWS, W = c->W, sw = c->sw;
	emit_line(e, "const __m%d%s zv = _mm%s_set1_epi8(%d);", sw == 1 ? 128 :
		256, "i", sw == 1 ? "" : "256", (int)emit_zp(n->in[0]));
	emit_open(e, "for (ih = 0; ih < %lld; ih++) {", (long long)c->H);
	emit_line(e, "uint8_t *dr = xp + ((ih + %lld) %% %lld * %lld + (ih + %lld) "
		"/ %lld * %lld) * 4;", (long long)c->pt, (long long)c->sh,
		(long long)(c->sw * k->PPS), (long long)c->pt, (long long)c->sh,
		PWS);
	emit_line(e, "const uintptr_t xr = (uintptr_t)(const void *)(xg + ih * "
		"%lld);", W);
	emit_open(e, "for (iw = 0; iw < %lld; iw += 16) {", PWS);
	emit_line(e, "const __mmask16 m = %lld - iw >= 16 ? 0xffff : "
		"(__mmask16)((1u << (%lld - iw)) - 1);", PWS, PWS);
	emit_line(e, "__m512i v = _mm512_setzero_si512();");
	for (int64_t j = 0; j < c->KW; j++) {
		long long d = j * c->dw - c->pl;   /* input column of lane 0, less iw * sw */
		emit_line(e, "const long o%lld = %lld * iw + %lld;", (long long)j, sw,
			d);
		if (sw == 1)
			emit_line(e, "v = _mm512_or_si512(v, _mm512_slli_epi32("
				"_mm512_cvtepu8_epi32(_mm_mask_loadu_epi8(zv, (__mmask16)"
				"%s_cols(o%lld, %lld), (const void *)(xr + o%lld))), %d));", fn,
				(long long)j, W, (long long)j, (int)(8 * j));
		else
			emit_line(e, "v = _mm512_or_si512(v, _mm512_slli_epi32("
				"_mm512_and_si512(_mm512_cvtepu16_epi32(_mm256_mask_loadu_epi8(zv, "
				"(__mmask32)%s_cols(o%lld, %lld), (const void *)(xr + o%lld))), "
				"_mm512_set1_epi32(255)), %d));", fn, (long long)j, W,
				(long long)j, (int)(8 * j));
	}
	if (i8)
		emit_line(e, "v = _mm512_xor_si512(v, _mm512_set1_epi32((int)"
			"0x%08xu));", (unsigned)(0xffffffffu >> (32 - 8 * c->KW)) &
			0x80808080u);
	emit_line(e, "_mm512_mask_storeu_epi32(dr + iw * 4, m, v);");
	emit_close(e);
	emit_close(e);
}

/* kw_lanes with vpmaddwd: lane j of lane group jg of phase-plane column
 * pc holds input column pc * sw + (2 jg + j) * dw - pl of the row as
 * int16, zx outside it (one input channel, so a few thousand elements:
 * scalar C). */
static void kw_fill16(Emit *e, const Node *n, const WinGeom *c,
	const X86Conv *k)
{
	long long PWS = k->PWS, W = c->W;
	emit_open(e, "for (ih = 0; ih < %lld; ih++) {", (long long)c->H);
	emit_line(e, "int16_t *dr = xp + ((ih + %lld) %% %lld * %lld + (ih + %lld) "
		"/ %lld * %lld) * 2;", (long long)c->pt, (long long)c->sh,
		(long long)(c->sw * k->PPS), (long long)c->pt, (long long)c->sh, PWS);
	emit_open(e, "for (ic = 0; ic < %lld; ic++) {", (long long)c->KW);
	emit_line(e, "int16_t *dj = dr + ic / 2 * %lld + ic %% 2;",
		(long long)(c->sh * c->sw * k->PPS * 2));
	emit_open(e, "for (iw = 0; iw < %lld; iw++) {", PWS);
	emit_line(e, "const long col = iw * %lld + ic * %lld - %lld;",
		(long long)c->sw, (long long)c->dw, (long long)c->pl);
	emit_line(e, "dj[iw * 2] = (int16_t)(col >= 0 && col < %lld ? xg[ih * %lld "
		"+ col] : %d);", W, W, (int)emit_zp(n->in[0]));
	emit_close(e);
	emit_close(e);
	emit_close(e);
}

/* kw_fill's masks: bit i set where column o + i of a row of w is inside
 * it (i < 32). */
static void kw_cols_helper(Emit *e, const char *fn)
{
	emit_line(e, "static inline uint32_t %s_cols(long o, long w)", fn);
	emit_open(e, "{");
	emit_line(e, "long lo = -o, hi = w - o;");
	emit_line(e, "lo = lo < 0 ? 0 : lo > 32 ? 32 : lo;");
	emit_line(e, "hi = hi < 0 ? 0 : hi > 32 ? 32 : hi;");
	emit_line(e, "return hi <= lo ? 0 : (uint32_t)(((uint64_t)1 << hi) - "
		"((uint64_t)1 << lo));");
	emit_close(e);
}

static int quad_fills(const WinGeom *c, const X86Isa *isa)
{
	return isa->vnni && c->sw <= 2 && !kw_lanes(c, isa);
}

/* Whether the fill has a loop over single channels (variable ic). */
static int channel_fills(const WinGeom *c, const X86Isa *isa)
{
	return !quad_fills(c, isa) && !(kw_lanes(c, isa) && isa->vnni);
}

/* vpdpbusd, width stride 1 or 2: four channels at a time (the last
 * lane group's missing channels as 0 bytes, whose weights are 0), each
 * lane built from the channels' bytes (+ 128 as ^ 0x80 for int8).
 * Stride 1: sixteen columns of a row a step, masked at the row's end.
 * Stride 2: 32 columns a step as sixteen 16-bit pairs, the even columns
 * (low bytes) going to one column phase and the odd (high bytes) to the
 * other. */
static void quad_fill(Emit *e, const WinGeom *c, const X86Conv *k, int i8)
{
	long long HW = c->H * c->W, W = c->W, pl = c->pl;
	emit_open(e, "for (icq = 0; icq < %lld; icq++) {", (long long)k->ICq);
	emit_line(e, "const uint8_t *x0 = (const uint8_t *)(const void *)(xg + "
		"icq * %lld);", 4 * HW);
	emit_line(e, "uint8_t *d = xp + icq * %lld;", (long long)(c->sh * c->sw *
		k->PPS * 4));
	if (c->ICG % 4)
		emit_line(e, "const int nc = %lld - icq * 4;", (long long)c->ICG);
	emit_open(e, "for (ih = 0; ih < %lld; ih++) {", (long long)c->H);
	emit_line(e, "uint8_t *dr = d + ((ih + %lld) %% %lld * %lld + (ih + %lld) "
		"/ %lld * %lld) * 4;", (long long)c->pt, (long long)c->sh,
		(long long)(c->sw * k->PPS), (long long)c->pt, (long long)c->sh,
		(long long)k->PWS);
	emit_line(e, "const uint8_t *s = x0 + ih * %lld;", W);
	if (c->sw == 1) {
		emit_open(e, "for (iw = 0; iw < %lld; iw += 16) {", W);
		emit_line(e, "const __mmask16 m = %lld - iw >= 16 ? 0xffff : "
			"(__mmask16)((1u << (%lld - iw)) - 1);", W, W);
		emit_line(e, "__m512i v = _mm512_cvtepu8_epi32(_mm_maskz_loadu_epi8(m, "
			"s + iw));");
	} else {
		emit_open(e, "for (iw = 0; iw < %lld; iw += 32) {", W);
		emit_line(e, "const int n = %lld - iw;", W);
		emit_line(e, "const __mmask32 m = n >= 32 ? 0xffffffffu : (__mmask32)"
			"((1u << n) - 1);");
		emit_line(e, "__m512i u = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi8("
			"m, s + iw));");
		emit_line(e, "__m512i v = _mm512_and_si512(u, _mm512_set1_epi32(255)), "
			"vo = _mm512_srli_epi32(u, 8);");
	}
	for (int j = 1; j < 4; j++) {
		if (c->ICG % 4 && j >= c->ICG % 4)
			emit_open(e, "if (nc > %d) {", j);
		else
			emit_open(e, "{");
		if (c->sw == 1) {
			emit_line(e, "v = _mm512_or_si512(v, _mm512_slli_epi32("
				"_mm512_cvtepu8_epi32(_mm_maskz_loadu_epi8(m, s + iw + %lld)), "
				"%d));", j * HW, 8 * j);
		} else {
			emit_line(e, "u = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi8(m, "
				"s + iw + %lld));", j * HW);
			emit_line(e, "v = _mm512_or_si512(v, _mm512_slli_epi32("
				"_mm512_and_si512(u, _mm512_set1_epi32(255)), %d));", 8 * j);
			emit_line(e, "vo = _mm512_or_si512(vo, _mm512_slli_epi32("
				"_mm512_srli_epi32(u, 8), %d));", 8 * j);
		}
		emit_close(e);
	}
	if (i8) {
		emit_line(e, "v = _mm512_xor_si512(v, _mm512_set1_epi32((int)"
			"0x80808080u));");
		if (c->sw == 2)
			emit_line(e, "vo = _mm512_xor_si512(vo, _mm512_set1_epi32((int)"
				"0x80808080u));");
	}
	if (c->sw == 1) {
		emit_line(e, "_mm512_mask_storeu_epi32(dr + (iw + %lld) * 4, m, v);",
			pl);
	} else {
		/* column iw + 2j: phase pl % 2, position iw / 2 + j + pl / 2;
		 * iw + 2j + 1: phase (pl + 1) % 2, position iw / 2 + j +
		 * (pl + 1) / 2 */
		emit_line(e, "_mm512_mask_storeu_epi32(dr + (%lld + iw / 2) * 4, "
			"(__mmask16)(n >= 32 ? 0xffffu : (1u << (n + 1) / 2) - 1), v);",
			(long long)(pl % 2 * k->PPS + pl / 2));
		emit_line(e, "_mm512_mask_storeu_epi32(dr + (%lld + iw / 2) * 4, "
			"(__mmask16)(n >= 32 ? 0xffffu : (1u << n / 2) - 1), vo);",
			(long long)((pl + 1) % 2 * k->PPS + (pl + 1) / 2));
	}
	emit_close(e);
	emit_close(e);
	emit_close(e);
}

/* Per group: the lane planes of the group's channels. */
static void x86_fill(Emit *e, const Node *n, const X86Isa *isa,
	const WinGeom *c, const X86Conv *k, const char *fn)
{
	int32_t zx = emit_zp(n->in[0]);
	int i8 = n->in[0]->type.elem == DT_I8;
	int64_t G = isa->G, lanes = k->ICq * c->sh * c->sw * k->PPS;
	if (isa->vnni) {
		emit_line(e, "memset(xp, %d, %lld);", (int)((zx + (i8 ? 128 : 0)) &
			255), (long long)(lanes * 4));
	} else {
		emit_line(e, "for (i = 0; i < %lld; i++)", (long long)(lanes * 2));
		emit_line(e, "\txp[i] = %d;", (int)zx);
	}
	if (kw_lanes(c, isa) && isa->vnni) {
		kw_fill(e, n, c, k, i8, fn);
		return;
	}
	if (kw_lanes(c, isa)) {
		kw_fill16(e, n, c, k);
		return;
	}
	if (quad_fills(c, isa)) {
		quad_fill(e, c, k, i8);
		return;
	}
	emit_open(e, "for (ic = 0; ic < %lld; ic++) {", (long long)c->ICG);
	emit_line(e, "const %s *xc = xg + ic * %lld;", emit_ctype(n->in[0]->type.elem),
		(long long)(c->H * c->W));
	emit_line(e, "%s *d = xp + ic / %lld * %lld + ic %% %lld;",
		isa->vnni ? "uint8_t" : "int16_t", (long long)G,
		(long long)(c->sh * c->sw * k->PPS * G), (long long)G);
	emit_open(e, "for (ih = 0; ih < %lld; ih++) {", (long long)c->H);
	emit_line(e, "%s *dr = d + ((ih + %lld) %% %lld * %lld + (ih + %lld) / "
		"%lld * %lld) * %lld;", isa->vnni ? "uint8_t" : "int16_t",
		(long long)c->pt, (long long)c->sh, (long long)(c->sw * k->PPS),
		(long long)c->pt, (long long)c->sh, (long long)k->PWS, (long long)G);
	emit_line(e, "for (iw = 0; iw < %lld; iw++)", (long long)c->W);
	emit_line(e, "\tdr[((iw + %lld) %% %lld * %lld + (iw + %lld) / %lld) * "
		"%lld] = %sxc[ih * %lld + iw]%s;", (long long)c->pl, (long long)c->sw,
		(long long)k->PPS, (long long)c->pl, (long long)c->sw, (long long)G,
		isa->vnni ? "(uint8_t)(" : "", (long long)c->W,
		isa->vnni ? (i8 ? " + 128)" : ")") : "");
	emit_close(e);
	emit_close(e);
}

/* t[q] = the requantization of channel o's ac[q], q < QB, sixteen lanes
 * at a time: qcc_requant32 (emit_c.c) with the high words of the two
 * vpmuldq products (even and odd lanes) of acc * mult + 2^62. */
static void vnni_requant(Emit *e, const Node *n, const char *fn,
	const EmitReq32 *r, int64_t QB, int64_t direct, int64_t OHW)
{
	int len;
	attr_ints(n, "mult", &len);
	int32_t zy = emit_zp(n->out);
	int y16 = memplan_elem_bytes(n->out->type.elem) == 2;
	if (len == 1) {
		emit_line(e, "const __m512i m = _mm512_set1_epi32(%lld);",
			(long long)r->m[0]);
		emit_line(e, "const __m512i sh = _mm512_set1_epi32(%lld);",
			(long long)r->s[0] - 32);
		emit_line(e, "const __m512i half = _mm512_set1_epi32(%lld);",
			1ll << (r->s[0] - 33));
		emit_line(e, "const __m512i base = _mm512_set1_epi32(%lld);",
			(long long)zy - (1ll << (62 - r->s[0])));
		if (r->any_a)
			emit_line(e, "const __m512i sa = _mm512_set1_epi32(%lld);",
				(long long)r->a[0]);
	} else {
		emit_line(e, "const __m512i m = _mm512_set1_epi32(%s_m[o]);", fn);
		emit_line(e, "const __m512i sh = _mm512_set1_epi32(%s_s[o] - 32);",
			fn);
		emit_line(e, "const __m512i half = _mm512_set1_epi32((int)((uint32_t)1 "
			"<< (%s_s[o] - 33)));", fn);
		emit_line(e, "const __m512i base = _mm512_set1_epi32(%d - (int32_t)"
			"((uint32_t)1 << (62 - %s_s[o])));", (int)zy, fn);
		if (r->any_a)
			emit_line(e, "const __m512i sa = _mm512_set1_epi32(%s_a[o]);", fn);
	}
	emit_line(e, "const __m512i c = _mm512_set1_epi32(%s_c[o]);", fn);
	emit_line(e, "const __m512i big = _mm512_set1_epi64((int64_t)1 << 62);");
	emit_line(e, "const __m512i lo = _mm512_set1_epi32(%lld), hi = "
		"_mm512_set1_epi32(%lld);", (long long)attr_int(n, "act_min"),
		(long long)attr_int(n, "act_max"));
	emit_open(e, "for (q = 0; q < %lld; q += 16) {", (long long)QB);
	emit_line(e, "__m512i v = _mm512_add_epi32(_mm512_loadu_si512((const void "
		"*)(ac + q)), c), pe, po, h;");
	if (r->any_a)
		emit_line(e, "v = _mm512_sllv_epi32(v, sa);");
	emit_line(e, "pe = _mm512_add_epi64(_mm512_mul_epi32(v, m), big);");
	emit_line(e, "po = _mm512_add_epi64(_mm512_mul_epi32(_mm512_srli_epi64(v, "
		"32), m), big);");
	emit_line(e, "h = _mm512_mask_blend_epi32(0xaaaa, _mm512_srli_epi64(pe, "
		"32), po);");
	emit_line(e, "h = _mm512_add_epi32(_mm512_srlv_epi32(_mm512_add_epi32(h, "
		"half), sh), base);");
	emit_line(e, "h = _mm512_min_epi32(_mm512_max_epi32(h, lo), hi);");
	if (direct) {
		/* the block's rows are the first `direct` entries: masked stores
		 * of them into y */
		emit_line(e, "const __mmask16 m = %lld - q >= 16 ? 0xffff : %lld - q "
			"<= 0 ? 0 : (__mmask16)((1u << (%lld - q)) - 1);", (long long)direct,
			(long long)direct, (long long)direct);
		emit_line(e, y16 ? "_mm256_mask_storeu_epi16(yg + oc * %lld + blk * "
			"%lld + q, m, _mm512_cvtepi32_epi16(h));" :
			"_mm_mask_storeu_epi8(yg + oc * %lld + blk * %lld + q, m, "
			"_mm512_cvtepi32_epi8(h));", (long long)OHW, (long long)direct);
	} else {
		emit_line(e, y16 ? "_mm256_storeu_si256((__m256i *)(void *)(t + q), "
			"_mm512_cvtepi32_epi16(h));" : "_mm_storeu_si128((__m128i *)"
			"(void *)(t + q), _mm512_cvtepi32_epi8(h));");
	}
	emit_close(e);
}

static int x86_conv_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const X86Isa *isa)
{
	const WinGeom *c = &p->c;
	X86Conv k;
	x86_geom(n, c, isa, &k);
	x86_weights(e, fn, c, &k, isa, p->w);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	emit_var(&v, "et", isa->vnni ? "uint8_t" : "int16_t");
	emit_vari(&v, "xpb", k.xp_bytes);
	WinGeom tg = tile_geom(c, isa);
	emit_vari(&v, "wg", c->OCG * k.ICq * tg.KH * tg.KW);
	emit_vari(&v, "blocks", c->OH / k.RB);
	emit_vari(&v, "RBPWS", k.RB * k.PWS * isa->G);
	if (kw_lanes(c, isa) && isa->vnni)
		kw_cols_helper(e, fn);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\t$et *xp = scratch;\n"
		"\tint32_t *acc = (int32_t *)((unsigned char *)scratch + $xpb);\n"
		"\tint b, g, oc, ih, iw, icq, q, blk;\n", &v);
	/* rows without discarded columns are requantized straight into y */
	int64_t direct = isa->vnni && p->r32 && k.PWS == c->OW ?
		k.RB * c->OW : 0;
	if (!direct)
		emit_fill(e, "\t$yt *t = ($yt *)((unsigned char *)scratch + $toff);\n"
			"\tint r;\n", &v);
	if (channel_fills(c, isa))
		emit_line(e, "\tint ic;");

	if (c->KH > 1)
		emit_line(e, "\tint kh;");
	if (!isa->vnni)
		emit_line(e, "\tint i;");
	emit_fill(e, "\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g * $ICG) * $HW;\n"
		"\t\t$yt *yg = y + (b * $OC + g * $OCG) * $OHW;\n"
		"\t\tconst int32_t *wg = ${fn}_w + g * $wg;\n", &v);
	e->depth = 2;
	x86_fill(e, n, isa, c, &k, fn);
	emit_open(e, "for (blk = 0; blk < %lld; blk++) {", (long long)(c->OH /
		k.RB));
	emit_line(e, "const %s *xb = xp + blk * %lld;", isa->vnni ? "uint8_t" :
		"int16_t", (long long)(k.RB * k.PWS * isa->G));
	x86_tiles(e, isa, &tg, &k);
	emit_open(e, "for (oc = 0; oc < %lld; oc++) {", (long long)c->OCG);
	emit_line(e, "const int o = g * %lld + oc;", (long long)c->OCG);
	emit_line(e, "const int32_t *ac = acc + oc * %lld;", (long long)k.QB);
	char loops[100];
	snprintf(loops, sizeof loops, "for (q = 0; q < %lld; q++)",
		(long long)k.QB);
	if (isa->vnni && p->r32)
		vnni_requant(e, n, fn, p->r32, k.QB, direct, c->OH * c->OW);
	else
		emit_row_requant(e, n, fn, loops, "t[q]", "ac[q]", 0, p->r32, 0);
	if (!direct)
		emit_line(e, "for (r = 0; r < %lld; r++)", (long long)k.RB);
	if (!direct)
	emit_line(e, "\tmemcpy(yg + oc * %lld + (blk * %lld + r) * %lld, "
		"t + r * %lld, %lld);", (long long)(c->OH * c->OW), (long long)k.RB,
		(long long)c->OW, (long long)k.PWS, (long long)(c->OW *
		memplan_elem_bytes(n->out->type.elem)));
	emit_close(e);
	emit_close(e);
	e->depth = 0;
	emit_line(e, "\t}");
	emit_line(e, "}");
	return 0;
}

static int avx2_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	return x86_conv_body(e, n, fn, p, &isa_avx2);
}

static int vnni_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	return x86_conv_body(e, n, fn, p, &isa_vnni);
}

static int emit_avx2_conv(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, avx2_scratch, avx2_body);
}

static int emit_vnni_conv(Emit *e, const Node *n, const char *fn)
{
	int32_t xoff = n->in[0]->type.elem == DT_I8 ? 128 : 0;
	return emit_conv_node(e, n, fn, xoff, vnni_scratch, vnni_body);
}

/* ---------------------------------------------- qadd and requantize */

static int byte_type(DType t)
{
	return t == DT_I8 || t == DT_U8;
}

/* 8-bit or int16 elements (elem_type). */
static int elem_type(DType t)
{
	return byte_type(t) || t == DT_I16;
}

/* Every tensor 8-bit or int16 and of the output's shape (no broadcast), a
 * shift of 1 to 62 and multipliers that fit int32 (vpmuldq takes the low
 * 32 bits; an int16 input times such a multiplier fits int64 as an 8-bit
 * one does). */
static int x86_elem_applies(const Node *n)
{
	const Type *yt = &n->out->type;
	int nin = n->op == OP_QADD ? 2 : 1, len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	if (!elem_type(yt->elem) || len < nin || shift < 1 || shift > 62)
		return 0;
	for (int i = 0; i < nin; i++)
		if (!elem_type(n->in[i]->type.elem) ||
			!type_same_shape(&n->in[i]->type, yt) || mult[i] < INT32_MIN ||
			mult[i] > INT32_MAX)
			return 0;
	return 1;
}

/* The load of eight elements of type t at `ptr + i` into an __m128i. */
static void elem_load(char *buf, size_t size, DType t, const char *ptr)
{
	snprintf(buf, size, "%s((const __m128i *)(const void *)(%s + i))",
		t == DT_I16 ? "_mm_loadu_si128" : "_mm_loadl_epi64", ptr);
}

/* y = clamp(zy + R(sum (x_i - z_i) * m_i, shift), lo, hi) (the generic
 * qadd and requantize, emit_elem.c) in int64 lanes, eight elements a
 * step: one 512-bit vector (x86-avx512-vnni) or two 256-bit ones
 * (x86-avx2, whose clamp is a compare and blend, and whose results are
 * packed back through 32 bits). R's round-half-away as
 * (p + 2^(shift-1) - (p < 0) + 2^62) >> shift, less 2^(62 - shift), as
 * qcc_round_shift computes it. The last numel % 8 elements in scalar C. */
static int emit_x86_elem(Emit *e, const Node *n, const char *fn, int w512)
{
	const Type *yt = &n->out->type;
	int nin = n->op == OP_QADD ? 2 : 1;
	const int64_t *mult = attr_ints(n, "mult", NULL);
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t numel = type_numel(yt), lo = attr_int(n, "act_min");
	int64_t hi = attr_int(n, "act_max");
	int32_t zy = emit_zp(n->out);
	const char *nm[2] = {"a", "b"};
	const char *vt = w512 ? "__m512i" : "__m256i";
	const char *pf = w512 ? "_mm512" : "_mm256";
	const char *set1 = w512 ? "_mm512_set1_epi64" : "_mm256_set1_epi64x";
	if (nin == 1)
		nm[0] = "x";
	emit_line(e, "static void %s(const %s *%s, %s%s%s%s *y)", fn,
		emit_ctype(n->in[0]->type.elem), nm[0], nin > 1 ? "const " : "",
		nin > 1 ? emit_ctype(n->in[1]->type.elem) : "", nin > 1 ? " *b, " : "",
		emit_ctype(yt->elem));
	emit_open(e, "{");
	for (int i = 0; i < nin; i++)
		emit_line(e, "const %s z%s = %s(%d), m%s = %s(%lld);", vt, nm[i], set1,
			(int)emit_zp(n->in[i]), nm[i], set1, (long long)mult[i]);
	emit_line(e, "const %s rnd = %s((int64_t)%lld + ((int64_t)1 << 62));", vt,
		set1, 1ll << (shift - 1));
	emit_line(e, "const %s off = %s(%lld);", vt, set1,
		(long long)zy - (1ll << (62 - shift)));
	emit_line(e, "const %s lo = %s(%lld), hi = %s(%lld);", vt, set1,
		(long long)lo, set1, (long long)hi);
	emit_line(e, "int i;");
	emit_open(e, "for (i = 0; i + 8 <= %lld; i += 8) {", (long long)numel);
	/* avx2: the low four elements of the load in half 0, the high four
	 * in half 1 */
	const char *half[2] = {"", NULL};
	if (!w512)
		half[0] = "0", half[1] = "1";
	for (int h = 0; h < 2 && half[h]; h++) {
		const char *s = half[h];
		for (int i = 0; i < nin; i++) {
			DType t = n->in[i]->type.elem;
			char ld[200], x[240];
			elem_load(ld, sizeof ld, t, nm[i]);
			if (h)
				snprintf(x, sizeof x, "_mm_srli_si128(%s, %d)", ld,
					t == DT_I16 ? 8 : 4);
			else
				snprintf(x, sizeof x, "%s", ld);
			emit_line(e, "const %s v%s%s = %s_sub_epi64(%s_%s(%s), z%s);", vt,
				nm[i], s, pf, pf, t == DT_I16 ? "cvtepi16_epi64" : t == DT_I8 ?
				"cvtepi8_epi64" : "cvtepu8_epi64", x, nm[i]);
		}
		if (nin == 2)
			emit_line(e, "const %s p%s = %s_add_epi64(%s_mul_epi32(va%s, ma), "
				"%s_mul_epi32(vb%s, mb));", vt, s, pf, pf, s, pf, s);
		else
			emit_line(e, "const %s p%s = %s_mul_epi32(vx%s, mx);", vt, s, pf,
				s);
		emit_line(e, "const %s u%s = %s_sub_epi64(%s_add_epi64(p%s, rnd), "
			"%s_srli_epi64(p%s, 63));", vt, s, pf, pf, s, pf, s);
		emit_line(e, "%s v%s = %s_add_epi64(%s_srli_epi64(u%s, %lld), off);",
			vt, s, pf, pf, s, (long long)shift);
		if (w512)
			emit_line(e, "v = _mm512_min_epi64(_mm512_max_epi64(v, lo), hi);");
		else {
			emit_line(e, "v%s = _mm256_blendv_epi8(v%s, lo, "
				"_mm256_cmpgt_epi64(lo, v%s));", s, s, s);
			emit_line(e, "v%s = _mm256_blendv_epi8(v%s, hi, "
				"_mm256_cmpgt_epi64(v%s, hi));", s, s, s);
		}
	}
	if (w512)
		emit_line(e, yt->elem == DT_I16 ? "_mm_storeu_si128((__m128i *)"
			"(void *)(y + i), _mm512_cvtepi64_epi16(v));" :
			"_mm_storel_epi64((__m128i *)(void *)(y + i), "
			"_mm512_cvtepi64_epi8(v));");
	else {
		/* the low words of the lanes, in order, as eight int16 */
		emit_line(e, "const __m256i lw = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, "
			"4, 6);");
		emit_line(e, "const __m128i w = _mm_packs_epi32(_mm256_castsi256_si128("
			"_mm256_permutevar8x32_epi32(v0, lw)), _mm256_castsi256_si128("
			"_mm256_permutevar8x32_epi32(v1, lw)));");
		if (yt->elem == DT_I16)
			emit_line(e, "_mm_storeu_si128((__m128i *)(void *)(y + i), w);");
		else
			emit_line(e, "_mm_storel_epi64((__m128i *)(void *)(y + i), "
				"_mm_pack%s_epi16(w, w));", yt->elem == DT_I8 ? "s" : "us");
	}
	emit_close(e);
	if (numel % 8) {
		emit_open(e, "for (; i < %lld; i++) {", (long long)numel);
		if (nin == 2)
			emit_line(e, "int64_t p = ((int64_t)a[i]%s) * %lld + ((int64_t)"
				"b[i]%s) * %lld;", emit_sub(emit_zp(n->in[0])),
				(long long)mult[0], emit_sub(emit_zp(n->in[1])),
				(long long)mult[1]);
		else
			emit_line(e, "int64_t p = ((int64_t)x[i]%s) * %lld;",
				emit_sub(emit_zp(n->in[0])), (long long)mult[0]);
		emit_line(e, "y[i] = (%s)qcc_clamp(%d + qcc_round_shift(p, %lld), "
			"%lld, %lld);", emit_ctype(yt->elem), (int)zy, (long long)shift,
			(long long)lo, (long long)hi);
		emit_close(e);
	}
	emit_close(e);
	return 0;
}

static int emit_vnni_elem(Emit *e, const Node *n, const char *fn)
{
	return emit_x86_elem(e, n, fn, 1);
}

static int emit_avx2_elem(Emit *e, const Node *n, const char *fn)
{
	return emit_x86_elem(e, n, fn, 0);
}

/* ------------------------------------------------------- qmaxpool2d */

/* 2x2 windows at stride 2 tiling the input exactly (no padding, even H
 * and W), 8-bit: the planes are then rows of pairs, row pair r of the
 * [N * C * H][W] input giving output row r. */
static int vnni_pool_applies(const Node *n)
{
	WinGeom c;
	geom_pool(n, &c);
	return byte_type(n->in[0]->type.elem) && geom_2x2_tiles(&c);
}

/* Per row pair, in chunks of 32 input columns (masked loads and stores
 * at the end): the larger of the two rows (vpmaxsb), then of each
 * column pair as 16-bit lanes, the even column sign- or zero-extended
 * from the low byte and the odd from the high byte, narrowed back. */
static int emit_vnni_maxpool(Emit *e, const Node *n, const char *fn)
{
	WinGeom c;
	geom_pool(n, &c);
	int s8 = n->in[0]->type.elem == DT_I8;
	const char *t = emit_ctype(n->in[0]->type.elem);
	emit_line(e, "static void %s(const %s *x, %s *y)", fn, t, t);
	emit_open(e, "{");
	emit_line(e, "int r, i;");
	emit_open(e, "for (r = 0; r < %lld; r++) {", (long long)(c.N * c.C *
		c.OH));
	emit_line(e, "const %s *x0 = x + r * %lld, *x1 = x0 + %lld;", t,
		(long long)(2 * c.W), (long long)c.W);
	emit_open(e, "for (i = 0; i < %lld; i += 32) {", (long long)c.W);
	emit_line(e, "const int w = %lld - i < 32 ? %lld - i : 32;", (long long)c.W,
		(long long)c.W);
	emit_line(e, "const __mmask32 m = w == 32 ? 0xffffffffu : (1u << w) - 1;");
	emit_line(e, "const __mmask16 mo = (__mmask16)(w == 32 ? 0xffffu : "
		"(1u << w / 2) - 1);");
	emit_line(e, "const __m256i v = _mm256_%s(_mm256_maskz_loadu_epi8(m, "
		"x0 + i), _mm256_maskz_loadu_epi8(m, x1 + i));", s8 ? "max_epi8" :
		"max_epu8");
	if (s8)
		emit_line(e, "const __m256i h = _mm256_max_epi16(_mm256_srai_epi16("
			"_mm256_slli_epi16(v, 8), 8), _mm256_srai_epi16(v, 8));");
	else
		emit_line(e, "const __m256i h = _mm256_max_epu16(_mm256_and_si256(v, "
			"_mm256_set1_epi16(255)), _mm256_srli_epi16(v, 8));");
	emit_line(e, "_mm_mask_storeu_epi8(y + r * %lld + i / 2, mo, "
		"_mm256_cvtepi16_epi8(h));", (long long)c.OW);
	emit_close(e);
	emit_close(e);
	emit_close(e);
	return 0;
}

/* The row buffer of emit_vnni_rowpool: the padded row, then what the
 * last output chunk's loads reach past it. */
static int64_t rowpool_bytes(const WinGeom *c)
{
	int64_t reach = round_up(c->OW, 64 / c->sw) * c->sw + (c->KW - 1) * c->dw +
		64;
	int64_t row = c->pl + round_up(c->W, 64);
	return round_up(reach > row ? reach : row, 64);
}

/* Any window with width stride 1 or 2, 8-bit, the output of the input's
 * type (so padding is the type's least value, which every window's
 * maximum reaches or exceeds), and a padded row that fits a stack
 * buffer. */
static int vnni_rowpool_applies(const Node *n)
{
	WinGeom c;
	geom_pool(n, &c);
	return byte_type(n->in[0]->type.elem) &&
		n->out->type.elem == n->in[0]->type.elem &&
		type_qmin(&n->out->type) == type_qmin(&n->in[0]->type) &&
		c.sw <= 2 && rowpool_bytes(&c) <= 16384;
}

/* Per output row: the maximum over the window's rows inside the input
 * (64 columns a step, vpmaxsb) into a row buffer whose padding columns
 * hold the least value, then the maximum over the window's columns from
 * that buffer: at width stride 1 a load per tap, 64 outputs a step; at
 * stride 2 the byte maximum of the taps' 64-byte loads, whose even bytes
 * (the low bytes of the 16-bit words, vpmovwb) are 32 outputs. A window
 * entirely in padding yields the least value, as the generic kernel. */
static int emit_vnni_rowpool(Emit *e, const Node *n, const char *fn)
{
	WinGeom c;
	geom_pool(n, &c);
	int s8 = n->in[0]->type.elem == DT_I8;
	int32_t qmin = type_qmin(&n->out->type);
	const char *t = emit_ctype(n->in[0]->type.elem);
	const char *mx = s8 ? "_mm512_max_epi8" : "_mm512_max_epu8";
	int64_t step = 64 / c.sw;
	emit_line(e, "static void %s(const %s *x, %s *y)", fn, t, t);
	emit_open(e, "{");
	emit_line(e, "%s r[%lld];", t, (long long)rowpool_bytes(&c));
	emit_line(e, "const __m512i least = _mm512_set1_epi8(%d);", (int)qmin);
	emit_line(e, "int c, oh, kh, kw, i;");
	emit_line(e, "memset(r, %d, sizeof r);", (int)(qmin & 255));
	emit_open(e, "for (c = 0; c < %lld; c++)", (long long)(c.N * c.C));
	emit_open(e, "for (oh = 0; oh < %lld; oh++) {", (long long)c.OH);
	emit_line(e, "const %s *xc = x + c * %lld;", t, (long long)(c.H * c.W));
	emit_line(e, "%s *yr = y + (c * %lld + oh) * %lld;", t, (long long)c.OH,
		(long long)c.OW);
	emit_open(e, "for (i = 0; i < %lld; i += 64) {", (long long)c.W);
	emit_line(e, "const __mmask64 m = %lld - i >= 64 ? ~(__mmask64)0 : "
		"((__mmask64)1 << (%lld - i)) - 1;", (long long)c.W, (long long)c.W);
	emit_line(e, "__m512i v = least;");
	emit_open(e, "for (kh = 0; kh < %lld; kh++) {", (long long)c.KH);
	emit_line(e, "const int ih = oh * %lld - %lld + kh * %lld;", (long long)c.sh,
		(long long)c.pt, (long long)c.dh);
	emit_line(e, "if (ih >= 0 && ih < %lld)", (long long)c.H);
	emit_line(e, "	v = %s(v, _mm512_maskz_loadu_epi8(m, xc + ih * %lld + i));",
		mx, (long long)c.W);
	emit_close(e);
	emit_line(e, "_mm512_mask_storeu_epi8(r + %lld + i, m, v);",
		(long long)c.pl);
	emit_close(e);
	emit_open(e, "for (i = 0; i < %lld; i += %lld) {", (long long)c.OW,
		(long long)step);
	emit_line(e, "__m512i v = least;");
	emit_line(e, "for (kw = 0; kw < %lld; kw++)", (long long)c.KW);
	emit_line(e, "	v = %s(v, _mm512_loadu_si512((const void *)(r + i * %lld + "
		"kw * %lld)));", mx, (long long)c.sw, (long long)c.dw);
	if (c.sw == 1)
		emit_line(e, "_mm512_mask_storeu_epi8(yr + i, %lld - i >= 64 ? "
			"~(__mmask64)0 : ((__mmask64)1 << (%lld - i)) - 1, v);",
			(long long)c.OW, (long long)c.OW);
	else
		emit_line(e, "_mm256_mask_storeu_epi8(yr + i, %lld - i >= 32 ? "
			"0xffffffffu : (__mmask32)((1u << (%lld - i)) - 1), "
			"_mm512_cvtepi16_epi8(v));", (long long)c.OW, (long long)c.OW);
	emit_close(e);
	emit_close(e);
	e->depth--;
	emit_close(e);
	return 0;
}

const KernelRow emit_x86_kernels[] = {
	{OP_QCONV2D, "x86-avx2", "conv_lanes", ">= 3 input channels a group, "
		"or a single-channel input with KW <= 4 (taps in lanes), 8-bit "
		"(direct, vpmaddwd tiles of 16 pixels x 4 channels)",
		avx2_conv_applies, avx2_conv_bytes, emit_avx2_conv, 1},
	{OP_QCONV2D, "x86-avx512-vnni", "conv_lanes", ">= 3 input channels a "
		"group, or 1 with KW <= 4 (taps in lanes), 8-bit (direct, vpdpbusd tiles of 64 pixels x 4 channels)",
		vnni_conv_applies, vnni_conv_bytes, emit_vnni_conv, 1},
	{OP_QADD, "x86-avx2", "add_lanes", "8-bit or int16, no broadcast "
		"(int64 lanes, two vectors of four a step)", x86_elem_applies, NULL,
		emit_avx2_elem, -1},
	{OP_REQUANTIZE, "x86-avx2", "requantize_lanes", "8-bit or int16 "
		"(int64 lanes, two vectors of four a step)", x86_elem_applies, NULL,
		emit_avx2_elem, -1},
	{OP_QADD, "x86-avx512-vnni", "add_lanes", "8-bit or int16, no "
		"broadcast (eight int64 lanes)", x86_elem_applies, NULL,
		emit_vnni_elem, -1},
	{OP_QMAXPOOL2D, "x86-avx512-vnni", "maxpool_2x2", "2x2 stride 2 "
		"tiling the input, 8-bit (row pairs, 32 columns a step)",
		vnni_pool_applies, NULL, emit_vnni_maxpool, -1},
	{OP_QMAXPOOL2D, "x86-avx512-vnni", "maxpool_rows", "width stride 1 "
		"or 2, 8-bit (a row of window maxima, then the columns, 64 bytes "
		"a step)", vnni_rowpool_applies, NULL, emit_vnni_rowpool, -1},
	{OP_REQUANTIZE, "x86-avx512-vnni", "requantize_lanes", "8-bit or "
		"int16 (eight int64 lanes)", x86_elem_applies, NULL, emit_vnni_elem,
		-1},
	{0},
};
