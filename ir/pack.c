/* pack.c - weights as a kernel reads them. Three steps, each a function:
 * the taps of each output channel put in the kernel's order (pack_reorder),
 * each row of K taps zero-padded to Kp (pack_kp), and the values stored at
 * the kernel's width, sub-byte widths two (int4) or four (int2) to a byte,
 * low bits first (pack_subbyte). A PackSpec names the three choices; the
 * integer simulator's reference layout and codegen's differ only in it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int64_t pack_kp(const PackSpec *s, int64_t K)
{
	int64_t m = s->k_multiple > 1 ? s->k_multiple : 1;
	if (K < s->k_min_to_pad)
		return K;
	return (K + m - 1) / m * m;
}

int64_t pack_bytes(const PackSpec *s, int64_t M, int64_t K)
{
	int64_t n = M * pack_kp(s, K);
	return s->bits >= 8 ? n * (s->bits / 8) : (n * s->bits + 7) / 8;
}

void pack_reorder(PackOrder order, const int32_t *w, int64_t OC, int64_t ICG,
	int64_t KHW, int32_t *out)
{
	int64_t K = ICG * KHW;
	if (order == PACK_OIHW) {
		memcpy(out, w, (size_t)(OC * K) * sizeof *out);
		return;
	}
	for (int64_t o = 0; o < OC; o++)
		for (int64_t ic = 0; ic < ICG; ic++)
			for (int64_t k = 0; k < KHW; k++)
				out[o * K + k * ICG + ic] = w[(o * ICG + ic) * KHW + k];
}

/* Element i of a packed sequence of `bits`-wide values (bits >= 8). */
static void store(void *out, int bits, int64_t i, int32_t v)
{
	switch (bits) {
	case 32: ((int32_t *)out)[i] = v; break;
	case 16: ((int16_t *)out)[i] = (int16_t)v; break;
	default: assert(bits == 8); ((int8_t *)out)[i] = (int8_t)v; break;
	}
}

void pack_subbyte(const int32_t *v, int64_t n, int bits, uint8_t *out)
{
	assert(bits == 4 || bits == 2 || bits == 1);
	int per = 8 / bits;
	uint32_t mask = (1u << bits) - 1;
	memset(out, 0, (size_t)((n * bits + 7) / 8));
	for (int64_t i = 0; i < n; i++) {
		/* binary: the bit is set for +1 */
		uint32_t u = bits == 1 ? v[i] > 0 : (uint32_t)v[i] & mask;
		out[i / per] |= (uint8_t)(u << (i % per * bits));
	}
}

void pack_subbyte_read(const uint8_t *p, int64_t n, int bits, int is_signed,
	int32_t *out)
{
	assert(bits == 4 || bits == 2 || bits == 1);
	int per = 8 / bits;
	int32_t mask = (1 << bits) - 1, sign = 1 << (bits - 1);
	for (int64_t i = 0; i < n; i++) {
		int32_t u = p[i / per] >> (i % per * bits) & mask;
		if (bits == 1)
			out[i] = is_signed ? 2 * u - 1 : u;
		else
			out[i] = is_signed && (u & sign) ? u - (mask + 1) : u;
	}
}

int pack_weight_bits(const Value *w)
{
	if (w->kind != VAL_CONST || !dtype_is_signed(w->type.elem) ||
	    w->type.elem == DT_I32)
		return 0;
	if (type_binary(&w->type))
		return 1;
	int bits = w->type.q.present && w->type.q.bits ? w->type.q.bits :
		dtype_bits(w->type.elem);
	return bits <= 2 ? 2 : bits <= 4 ? 4 : 0;
}

int pack_ternary(const Value *w)
{
	if (pack_weight_bits(w) != 2)
		return 0;
	const int32_t *d = w->data;
	for (int64_t i = 0, n = type_numel(&w->type); i < n; i++)
		if (d[i] < -1 || d[i] > 1)
			return 0;
	return 1;
}

PackSpec pack_sub_spec(int bits)
{
	assert(bits == 4 || bits == 2 || bits == 1);
	return (PackSpec){PACK_OIHW, 8 / bits, 0, bits};
}

/* A malloc'd int32_t buffer of n entries; aborts when out of memory. */
static int32_t *ints(int64_t n)
{
	int32_t *p = malloc((size_t)(n > 0 ? n : 1) * sizeof *p);
	if (!p)
		abort();
	return p;
}

void pack_rows(const PackSpec *s, const int32_t *w, int64_t M, int64_t K,
	void *out)
{
	int64_t Kp = pack_kp(s, K);
	if (s->bits < 8) {
		PackSpec wide = *s;
		wide.bits = 32;
		int32_t *tmp = ints(M * Kp);
		pack_rows(&wide, w, M, K, tmp);
		pack_subbyte(tmp, M * Kp, s->bits, out);
		free(tmp);
		return;
	}
	for (int64_t m = 0; m < M; m++)
		for (int64_t k = 0; k < Kp; k++)
			store(out, s->bits, m * Kp + k, k < K ? w[m * K + k] : 0);
}

void pack_conv(const PackSpec *s, const WinGeom *g, const int32_t *w,
	void *out)
{
	int32_t *tmp = ints(g->OC * g->K);
	pack_reorder(s->order, w, g->OC, g->ICG, g->KH * g->KW, tmp);
	pack_rows(s, tmp, g->OC, g->K, out);
	free(tmp);
}

void pack_conv_lanes(const WinGeom *g, int G, const int32_t *w, int32_t *out)
{
	int64_t ICq = (g->ICG + G - 1) / G, KHW = g->KH * g->KW;
	for (int64_t o = 0; o < g->OC; o++)
		for (int64_t q = 0; q < ICq; q++)
			for (int64_t k = 0; k < KHW; k++)
				for (int64_t j = 0; j < G; j++) {
					int64_t ic = q * G + j;
					out[((o * ICq + q) * KHW + k) * G + j] = ic < g->ICG ?
						w[(o * g->ICG + ic) * KHW + k] : 0;
				}
}

void pack_dual16(int32_t *w, int64_t M, int64_t Kp)
{
	assert(Kp % 4 == 0);
	for (int64_t i = 0; i < M * Kp; i += 4) {
		int32_t t = w[i + 1];
		w[i + 1] = w[i + 2];
		w[i + 2] = t;
	}
}

int xnor_applies(const Node *n)
{
	const Type *x = &n->in[0]->type;
	return type_binary(x) && x->q.n == 1 && x->q.zp[0] == 0 &&
		pack_weight_bits(n->in[1]) == 1 && attr_int(n, "wgroup") <= 0;
}

int64_t xnor_words(int64_t n)
{
	return (n + 31) / 32;
}

void xnor_pack(const int32_t *v, int64_t n, int64_t stride, uint32_t *out)
{
	for (int64_t i = 0; i < n; i++)
		out[i / 32] |= (uint32_t)(v[i * stride] > 0) << (i % 32);
}

void xnor_pack_conv(const WinGeom *g, const int32_t *w, uint32_t *out)
{
	int64_t KHW = g->KH * g->KW, ICW = xnor_words(g->ICG);
	memset(out, 0, (size_t)(g->OC * KHW * ICW) * sizeof *out);
	for (int64_t oc = 0; oc < g->OC; oc++)
		for (int64_t t = 0; t < KHW; t++)
			xnor_pack(w + oc * g->ICG * KHW + t, g->ICG, KHW,
				out + (oc * KHW + t) * ICW);
}
