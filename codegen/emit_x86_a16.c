/* emit_x86_a16.c - the x86 kernels of layers with a 16-bit input (the
 * shapes and what they share: emit_a16.c), for x86-avx2 (vpmaddwd: pairs
 * of int16 products summed into int32 lanes, then vpaddd) and
 * x86-avx512-vnni (vpdpwssd: the same pairs accumulated in one
 * instruction), both on 256-bit vectors: 512-bit tiles were slower on
 * mobilenet_ish's small planes (docs/codegen.md).
 *
 *   conv16_pairs  the column holds pairs of taps (k, k + 1) in 32-bit
 *                 lanes; register tiles of 2 vectors of pixels by CB
 *                 output channels: per pair, 2 loads, CB broadcast weight
 *                 pairs, 2 * CB multiply-adds.
 *   dw16_pairs    the plane's word at column c holds the input at c and
 *                 c + dw, so a pair of a row's taps is one load and one
 *                 multiply-add against the broadcast weight pair.
 *   dense16_pairs the input row as pairs; four weight rows (int16 pairs)
 *                 a pass, the lanes summed at the end.
 *   maxpool16     per output row, the maximum over the window's rows
 *                 (vpmaxsw, 16 columns a step, the last step ending at
 *                 the row's end) into a row buffer padded
 *                 with the least value, then over the window's columns
 *                 (16 outputs a step; at width stride 2 the even words of
 *                 two vectors).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

#define A16_L 8   /* 32-bit lanes a vector */

typedef struct {
	int PV, CB;      /* conv tile: PV vectors of pixels x CB channels
	                    (PV * 8 = 16, CB divides 8: emit_a16.c) */
	const char *mac; /* a + the pair products of x and w */
} A16Isa;

static const A16Isa a16_avx2 = {2, 4,
	"_mm256_add_epi32(a, _mm256_madd_epi16(x, w))"};
static const A16Isa a16_vnni = {2, 4, "_mm256_dpwssd_epi32(a, x, w)"};

static const A16Isa *a16_isa(const Emit *e)
{
	return !strcmp(e->target->name, "x86-avx512-vnni") ? &a16_vnni :
		&a16_avx2;
}

/* The word of a pair of int16 values, the first in the low half. */
static int64_t pair_word(int32_t lo, int32_t hi)
{
	return (int32_t)((uint32_t)(uint16_t)lo | (uint32_t)(uint16_t)hi << 16);
}

/* $fn, and the kernel's helpers FN_ld, FN_st (if `st`: the kernels that
 * store accumulators), FN_bc (a broadcast word) and FN_mac (the target's
 * multiply-add of pairs). */
static void a16_vars(Emit *e, EmitVars *v, const char *fn, int st)
{
	emit_var(v, "fn", fn);
	emit_var(v, "mac", a16_isa(e)->mac);
	emit_fill(e, "static inline __m256i ${fn}_ld(const int32_t *p)\n"
		"{\n\treturn _mm256_loadu_si256((const __m256i *)(const void *)p);\n"
		"}\n", v);
	if (st)
		emit_fill(e, "static inline void ${fn}_st(int32_t *p, __m256i v)\n"
			"{\n\t_mm256_storeu_si256((__m256i *)(void *)p, v);\n}\n", v);
	emit_fill(e, "static inline __m256i ${fn}_bc(int32_t u)\n"
		"{\n\treturn _mm256_set1_epi32(u);\n}\n"
		"static inline __m256i ${fn}_mac(__m256i a, __m256i x, __m256i w)\n"
		"{\n\treturn $mac;\n}\n\n", v);
}

/* --------------------------------------------------- requantization */

/* yo[q] = the requantization of channel o's ac[q], q < count: where
 * qcc_requant32 is exact (p->r32), eight lanes a step as it computes
 * (the high words of the two vpmuldq products, even and odd lanes, of
 * (c + acc) * mult + 2^62, docs/arith.md), packed to the int8 or
 * int16 output; the rest, and layers without r32 or with a pre-shift
 * (shifts below 33: 8-bit inputs, whose layers take the 8-bit kernels),
 * by emit_row_requant's loop. */
static void lane_requant(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const char *count, int depth)
{
	const EmitReq32 *r = p->r32;
	char loops[100];
	DType yt = n->out->type.elem;
	if (r && !r->any_a && (yt == DT_I8 || yt == DT_I16)) {
		int len;
		attr_ints(n, "mult", &len);
		EmitVars v = {0};
		emit_var(&v, "fn", fn);
		emit_var(&v, "n", count);
		emit_vari(&v, "lo", attr_int(n, "act_min"));
		emit_vari(&v, "hi", attr_int(n, "act_max"));
		/* per tensor literals, per channel the tables */
		char m[100], sh[100], half[100], base[100];
		if (len == 1) {
			snprintf(m, sizeof m, "%lld", (long long)r->m[0]);
			snprintf(sh, sizeof sh, "%lld", (long long)r->s[0] - 32);
			snprintf(half, sizeof half, "%lld", 1ll << (r->s[0] - 33));
			snprintf(base, sizeof base, "%lld", (long long)emit_zp(n->out) -
				(1ll << (62 - r->s[0])));
		} else {
			snprintf(m, sizeof m, "%s_m[o]", fn);
			snprintf(sh, sizeof sh, "%s_s[o] - 32", fn);
			snprintf(half, sizeof half, "(int)((uint32_t)1 << (%s_s[o] - 33))",
				fn);
			snprintf(base, sizeof base, "%d - (int32_t)((uint32_t)1 << (62 - "
				"%s_s[o]))", (int)emit_zp(n->out), fn);
		}
		emit_var(&v, "m", m);
		emit_var(&v, "sh", sh);
		emit_var(&v, "half", half);
		emit_var(&v, "base", base);
		e->depth += depth;
		emit_fill(e, "{\n"
			"\tconst __m256i m = _mm256_set1_epi32($m);\n"
			"\tconst __m256i sh = _mm256_set1_epi32($sh);\n"
			"\tconst __m256i half = _mm256_set1_epi32($half);\n"
			"\tconst __m256i base = _mm256_set1_epi32($base);\n", &v);
		emit_fill(e, "\tconst __m256i c = _mm256_set1_epi32(${fn}_c[o]);\n"
			"\tconst __m256i big = _mm256_set1_epi64x((int64_t)1 << 62);\n"
			"\tconst __m256i lo = _mm256_set1_epi32($lo), "
			"hi = _mm256_set1_epi32($hi);\n"
			"\tfor (q = 0; q + 8 <= $n; q += 8) {\n"
			"\t\t__m256i v = _mm256_add_epi32(_mm256_loadu_si256((const "
			"__m256i *)(const void *)(ac + q)), c), pe, po, h;\n"
			"\t\t__m128i w;\n", &v);
		emit_fill(e, "\t\tpe = _mm256_add_epi64(_mm256_mul_epi32(v, m), big);\n"
			"\t\tpo = _mm256_add_epi64(_mm256_mul_epi32("
			"_mm256_srli_epi64(v, 32), m), big);\n"
			"\t\th = _mm256_blend_epi32(_mm256_srli_epi64(pe, 32), po, "
			"0xaa);\n"
			"\t\th = _mm256_add_epi32(_mm256_srlv_epi32(_mm256_add_epi32(h, "
			"half), sh), base);\n"
			"\t\th = _mm256_min_epi32(_mm256_max_epi32(h, lo), hi);\n"
			"\t\tw = _mm_packs_epi32(_mm256_castsi256_si128(h), "
			"_mm256_extracti128_si256(h, 1));\n", &v);
		emit_fill(e, yt == DT_I16 ? "\t\t_mm_storeu_si128((__m128i *)(void *)"
			"(yo + q), w);\n" : "\t\t_mm_storel_epi64((__m128i *)(void *)"
			"(yo + q), _mm_packs_epi16(w, w));\n", &v);
		emit_fill(e, "\t}\n}\n", &v);
		e->depth -= depth;
		snprintf(loops, sizeof loops, "for (; q < %s; q++)", count);
	} else
		snprintf(loops, sizeof loops, "for (q = 0; q < %s; q++)", count);
	emit_row_requant(e, n, fn, loops, "yo[q]", "ac[q]", 0, r, depth);
}

/* ------------------------------------------------------- conv16_pairs */

static int pairs_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const A16Isa *isa = a16_isa(e);
	const WinGeom *c = &p->c;
	EmitA16Conv k;
	emit_a16_conv_geom(c, &k);
	/* FN_w: per group, per output channel (zero rows up to OCp) Kq words
	 * of pairs */
	int64_t rows = c->groups * k.OCp;
	int64_t *wp = calloc(rows * k.Kq + 1, sizeof *wp);
	if (!wp)
		abort();
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t q = 0; q < k.Kq; q++) {
			const int32_t *r = p->w + o * c->K + 2 * q;
			int64_t row = o / c->OCG * k.OCp + o % c->OCG;
			wp[row * k.Kq + q] = pair_word(r[0], 2 * q + 1 < c->K ? r[1] : 0);
		}
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, wp, rows * k.Kq);
	free(wp);
	EmitVars v = {0};
	a16_vars(e, &v, fn, 1);
	emit_vari(&v, "CB", isa->CB);
	emit_a16_conv_open(e, n, fn, p, &v, 1);
	emit_fill(e, "\t\t\tfor (oc = 0; oc < $OCp; oc += $CB)\n"
		"\t\t\tfor (q = 0; q < nq; q += 16) {\n"
		"\t\t\t\tconst int32_t *wq = ${fn}_w + $wrow * $Kq, *cq = col + q;\n"
		"\t\t\t\tint kq;\n", &v);
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
	emit_line(e, "\t\t\t}");
	emit_a16_conv_close_rq(e, n, fn, p, &v, lane_requant);
	return 0;
}

static int emit_pairs(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, emit_a16_conv_scratch, pairs_body);
}

/* --------------------------------------------------------- dw16_pairs */

static int dw_body(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p)
{
	const WinGeom *c = &p->c;
	EmitA16Dw k;
	emit_a16_dw_geom(n, c, &k);
	int64_t P = (c->KW + 1) / 2;   /* pairs of taps a kernel row */
	/* FN_w: per output channel and kernel row, the pairs (kw, kw + 1) */
	int64_t *wp = malloc((c->OC * c->KH * P + 1) * sizeof *wp);
	if (!wp)
		abort();
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t kh = 0; kh < c->KH; kh++)
			for (int64_t j = 0; j < P; j++) {
				const int32_t *r = p->w + (o * c->KH + kh) * c->KW + 2 * j;
				wp[(o * c->KH + kh) * P + j] = pair_word(r[0],
					2 * j + 1 < c->KW ? r[1] : 0);
			}
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_ints(e, "int32_t", name, wp, c->OC * c->KH * P);
	free(wp);
	EmitVars v = {0};
	emit_conv_vars(&v, n, fn, p);
	a16_vars(e, &v, fn, 1);
	int32_t zx = emit_zp(n->in[0]);
	emit_vari(&v, "zz", pair_word(zx, zx));
	emit_vari(&v, "len", k.len);
	emit_vari(&v, "PH", k.PH);
	emit_vari(&v, "PWS", k.PWS);
	emit_vari(&v, "RS", k.RS);
	emit_vari(&v, "KP", c->KH * P);
	emit_vari(&v, "L", A16_L);
	emit_fill(e, "static inline int16_t ${fn}_px(const int16_t *xr, int c)\n"
		"{\n\treturn (unsigned)c < $W ? xr[c] : $zx;\n}\n"
		"static inline int32_t ${fn}_pair(int16_t lo, int16_t hi)\n"
		"{\n\treturn (int32_t)((uint32_t)(uint16_t)lo | (uint32_t)(uint16_t)hi "
		"<< 16);\n}\n\n", &v);
	emit_fill(e, "static void $fn(const int16_t *x, $yt *y, void *scratch)\n"
		"{\n"
		"\tint32_t *pl = scratch, *acc = pl + $len;\n"
		"\tint b, g, m, ih, j, oh, ow, q;\n"
		"\tfor (q = 0; q < $len; q++)\n"
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
	for (int64_t i = 0; i < c->KH * P; i++)
		emit_line(e, "const %s w%lld = %s_bc(wo[%lld]);", "__m256i",
			(long long)i, fn, (long long)i);
	emit_open(e, "for (oh = 0; oh < %lld; oh++)", (long long)c->OH);
	emit_open(e, "for (ow = 0; ow < %lld; ow += %d) {", (long long)c->OW,
		A16_L);
	emit_line(e, "%s a = %s_bc(0);", "__m256i", fn);
	for (int64_t kh = 0; kh < c->KH; kh++)
		for (int64_t j = 0; j < P; j++) {
			int64_t col = 2 * j * c->dw;
			emit_line(e, "a = %s_mac(a, %s_ld(pl + (%lld + oh * %lld) * %lld + "
				"ow + %lld), w%lld);", fn, fn, (long long)(col % c->sw * k.PH +
				kh * c->dh), (long long)c->sh, (long long)k.RS,
				(long long)(col / c->sw), (long long)(kh * P + j));
		}
	emit_line(e, "%s_st(acc + oh * %lld + ow, a);", fn, (long long)c->OW);
	emit_close(e);
	e->depth = 0;
	emit_a16_dw_close_rq(e, n, fn, p, &v, lane_requant);
	return 0;
}

static int emit_dw(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, emit_a16_dw_scratch, dw_body);
}

/* ------------------------------------------------------ dense16_pairs */

/* Pairs of a row: K / 2 rounded up to a multiple of the lanes. */
static int64_t dense_kq(const Node *n)
{
	return emit_round_up((n->in[0]->type.dims[1] + 1) / 2, A16_L);
}

static int64_t dense_bytes(const Node *n)
{
	return dense_kq(n) * 4;
}

static int emit_dense_pairs(Emit *e, const Node *n, const char *fn)
{
	int64_t K = n->in[0]->type.dims[1], M = n->in[1]->type.dims[0];
	int64_t Kq = dense_kq(n), Mp = emit_round_up(M, 4);
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
	a16_vars(e, &v, fn, 0);
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(&v, "N", n->in[0]->type.dims[0]);
	emit_vari(&v, "K", K);
	emit_vari(&v, "Kq", Kq);
	emit_vari(&v, "M", M);
	emit_vari(&v, "Mp", Mp);
	emit_vari(&v, "L", A16_L);
	/* the lanes summed modulo 2^32: the exact dot product */
	emit_hsum(e, &v);
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

/* ---------------------------------------------------------- maxpool16 */

/* Elements of maxpool16's row buffer: the padded row, and what the last
 * step of 16 outputs loads. */
static int64_t pool_row_len(const WinGeom *c)
{
	int64_t reach = emit_round_up(c->OW, 16) * c->sw + (c->KW - 1) * c->dw +
		16;
	int64_t row = c->pl + c->W + c->pr;
	return emit_round_up(reach > row ? reach : row, 16);
}

/* int16 in and out of one quantization range (the padding is the least
 * value, which every window's maximum reaches), rows of at least 16
 * columns, windows reaching past the input (where every window is
 * inside, the generic kernel's literal taps were as fast or faster:
 * docs/codegen.md), width stride 1 or 2, the row buffer on the stack
 * (16 KiB at most). */
static int pool16_applies(const Node *n)
{
	WinGeom c;
	geom_pool(n, &c);
	return n->in[0]->type.elem == DT_I16 && n->out->type.elem == DT_I16 &&
		type_qmin(&n->out->type) == type_qmin(&n->in[0]->type) &&
		c.W >= 16 && (c.pt || c.pl || (c.OH - 1) * c.sh + (c.KH - 1) * c.dh >=
		c.H || (c.OW - 1) * c.sw + (c.KW - 1) * c.dw >= c.W) && c.sw <= 2 &&
		(pool_row_len(&c) + emit_round_up(c.OW, 16)) * 2 <= 16384;
}

static int emit_pool16(Emit *e, const Node *n, const char *fn)
{
	WinGeom c;
	geom_pool(n, &c);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	int64_t vals[] = {c.N * c.C, c.H, c.W, c.OH, c.OW, c.KH, c.KW, c.sh,
		c.sw, c.pt, c.pl, c.dh, c.dw, type_qmin(&n->out->type),
		pool_row_len(&c), emit_round_up(c.OW, 16), (c.W + 15) / 16};
	const char *names[] = {"NC", "H", "W", "OH", "OW", "KH", "KW", "sh", "sw",
		"pt", "pl", "dh", "dw", "qmin", "len", "OWp", "steps"};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		emit_vari(&v, names[i], vals[i]);
	emit_var(&v, "u", c.sw == 2 ? ", u = least" : "");
	emit_fill(e, "static void $fn(const int16_t *x, int16_t *y)\n{\n"
		"\tint16_t r[$len], o[$OWp];\n"
		"\tconst __m256i least = _mm256_set1_epi16($qmin);\n"
		"\tint c, oh, kh, kw, i;\n"
		"\tfor (i = 0; i < $len; i++)\n"
		"\t\tr[i] = $qmin;\n"
		"\tfor (c = 0; c < $NC; c++)\n"
		"\tfor (oh = 0; oh < $OH; oh++) {\n"
		"\t\tconst int16_t *xc = x + c * $H * $W;\n"
		"\t\tfor (i = 0; i < $steps; i++) {\n"
		"\t\t\tconst int w0 = i < $steps - 1 ? i * 16 : $W - 16;\n"
		"\t\t\t__m256i v = least;\n"
		"\t\t\tfor (kh = 0; kh < $KH; kh++) {\n"
		"\t\t\t\tconst int ih = oh * $sh - $pt + kh * $dh;\n"
		"\t\t\t\tif ((unsigned)ih < $H)\n"
		"\t\t\t\t\tv = _mm256_max_epi16(v, _mm256_loadu_si256((const __m256i "
		"*)(const void *)(xc + ih * $W + w0)));\n"
		"\t\t\t}\n"
		"\t\t\t_mm256_storeu_si256((__m256i *)(void *)(r + $pl + w0), v);\n"
		"\t\t}\n", &v);
	emit_fill(e, "\t\tfor (i = 0; i < $OW; i += 16) {\n"
		"\t\t\t__m256i v = least$u;\n"
		"\t\t\tfor (kw = 0; kw < $KW; kw++) {\n"
		"\t\t\t\tconst int16_t *t = r + i * $sw + kw * $dw;\n"
		"\t\t\t\tv = _mm256_max_epi16(v, _mm256_loadu_si256((const __m256i *)"
		"(const void *)t));\n", &v);
	if (c.sw == 2)
		emit_fill(e, "\t\t\t\tu = _mm256_max_epi16(u, _mm256_loadu_si256(("
			"const __m256i *)(const void *)(t + 16)));\n"
			"\t\t\t}\n"
			"\t\t\t/* the even words, sign-extended, packed back in order */\n"
			"\t\t\tv = _mm256_srai_epi32(_mm256_slli_epi32(v, 16), 16);\n"
			"\t\t\tu = _mm256_srai_epi32(_mm256_slli_epi32(u, 16), 16);\n"
			"\t\t\tv = _mm256_permute4x64_epi64(_mm256_packs_epi32(v, u), "
			"0xd8);\n", &v);
	else
		emit_fill(e, "\t\t\t}\n", &v);
	emit_fill(e, "\t\t\t_mm256_storeu_si256((__m256i *)(void *)(o + i), v);\n"
		"\t\t}\n"
		"\t\tmemcpy(y + (c * $OH + oh) * $OW, o, $OW * 2);\n"
		"\t}\n}\n", &v);
	return 0;
}

const KernelRow emit_x86_a16_kernels[] = {
	{OP_QCONV2D, "x86-avx2", "conv16_pairs", "16-bit input, one group or "
		">= 2 input channels a group (column of tap pairs per group, "
		"vpmaddwd tiles of 16 pixels x 4 channels)", emit_a16_gconv_applies,
		emit_a16_conv_bytes, emit_pairs, 1},
	{OP_QCONV2D, "x86-avx2", "dw16_pairs", "16-bit input, one input "
		"channel a group (tap pairs in planes, vpmaddwd)",
		emit_a16_dw_applies, emit_a16_dw_bytes, emit_dw, 1},
	{OP_QDENSE, "x86-avx2", "dense16_pairs", "16-bit input (pairs, four "
		"weight rows a pass, vpmaddwd)", emit_a16_dense_applies,
		dense_bytes, emit_dense_pairs, 1},
	{OP_QCONV2D, "x86-avx512-vnni", "conv16_pairs", "16-bit input, one "
		"group or >= 2 input channels a group (column of tap pairs per "
		"group, vpdpwssd tiles of 16 pixels x 4 channels)",
		emit_a16_gconv_applies, emit_a16_conv_bytes, emit_pairs, 1},
	{OP_QCONV2D, "x86-avx512-vnni", "dw16_pairs", "16-bit input, one "
		"input channel a group (tap pairs in planes, vpdpwssd)",
		emit_a16_dw_applies, emit_a16_dw_bytes, emit_dw, 1},
	{OP_QDENSE, "x86-avx512-vnni", "dense16_pairs", "16-bit input (pairs, "
		"four weight rows a pass, vpdpwssd)", emit_a16_dense_applies,
		dense_bytes, emit_dense_pairs, 1},
	{OP_QMAXPOOL2D, "x86-avx2", "maxpool16", "int16, width stride 1 or "
		"2 (window rows then columns, vpmaxsw, 16 outputs a step; "
		"x86-avx512-vnni too)", pool16_applies, NULL, emit_pool16, -1},
	{0},
};
