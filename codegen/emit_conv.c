/* emit_conv.c - the C kernels of qconv2d, and the constants it shares with
 * qdense and qmatmul (emit_dense.c).
 *
 * The hot loops are plain dot products of int16 activations with int8
 * weights into int32, over contiguous memory with literal trip counts, which
 * compilers turn into multiply-add vector instructions (pmaddwd, SMLAD):
 *
 *   conv2d    the input is copied channels-last into a zx-padded int16
 *             buffer; per block of output rows the receptive fields are
 *             copied (memcpy runs) into a column buffer col[p][k] (k = kh,
 *             kw, ic); weights are packed [OC][KH][KW][ICG] (K padded with
 *             zeros to a multiple of 8); four output pixels share each
 *             weight load.
 *   direct    (depthwise, or K < 32) the channels are copied into zx-padded
 *             int16 planes split into stride phases; whole output planes
 *             accumulate contiguous shifted passes over them.
 *
 * On x86 the products and the requantization run call SSE2 helpers
 * (emit_c.c; sse2_products), the C loops kept under #else: compilers
 * vectorized the loops very differently (clang not at all).
 *
 * What does not depend on the input is folded into one per-channel constant:
 *   acc = bias + sum (x - zx) * w = (bias - zx * sum w) + sum x * w.
 * The sum x * w is int32 when sum |w| * max|x| < 2^31 for every channel
 * (checked here; int64 otherwise). Conv adds the constant modulo 2^32
 * (row_requant), dense in int64: either way the result is the contract's
 * accumulator exactly. Conv requantizes with qcc_requant32 where that is
 * exact (requant32_prep).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* The geometry is ir/'s (WinGeom); Kp, K padded for the column kernel's
 * rows, is the packing module's (emit_pack). */
const PackSpec emit_pack = {PACK_OHWI, 8, 16, 32};

static int64_t kp(const WinGeom *c)
{
	return pack_kp(&emit_pack, c->K);
}

/* Three kernels. Pointwise (1x1, stride 1, no padding): a product over
 * input channels on whole planes. Direct (depthwise, or few terms per
 * output): zx-padded int16 phase planes, accumulated tap by tap over whole
 * planes. Column: dot products over K for the rest. */
static int use_pointwise(const Node *n, const WinGeom *c)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	return c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 &&
		!pad[0] && !pad[1] && !pad[2] && !pad[3] && c->ICG < 32 &&
		c->OH * c->OW >= 64;
}

static int use_direct(const WinGeom *c)
{
	return c->ICG == 1 || c->K < 32;
}

static int64_t plane_h(const Node *n, const WinGeom *c)
{
	return c->H + c->pt + attr_ints(n, "pad", NULL)[2];
}

static int64_t plane_w(const Node *n, const WinGeom *c)
{
	return c->W + c->pl + attr_ints(n, "pad", NULL)[3];
}

/* 1x1, stride 1, no padding, K not padded: the channels-last copy is
 * itself the column buffer of the whole plane. */
static int im2col_in_place(const Node *n, const WinGeom *c)
{
	const int64_t *pad = attr_ints(n, "pad", NULL);
	return c->KH == 1 && c->KW == 1 && c->sh == 1 && c->sw == 1 &&
		!pad[0] && !pad[1] && !pad[2] && !pad[3] && kp(c) == c->K;
}

/* The column kernel's output rows a block: the most that divide OH with
 * the block's columns in 8 KiB (one at least; the whole plane in place);
 * its RB * OW pixels share the four-pixel dot products. */
static int64_t im2col_rows(const Node *n, const WinGeom *c)
{
	int64_t rb = 1;
	if (im2col_in_place(n, c))
		return c->OH;
	for (int64_t r = 2; r <= c->OH; r++)
		if (c->OH % r == 0 && r * c->OW * kp(c) * 2 <= 8192)
			rb = r;
	return rb;
}

/* The column kernel's padded channels-last copy of a group (elements). */
static int64_t im2col_xp_len(const Node *n, const WinGeom *c)
{
	return plane_h(n, c) * plane_w(n, c) * c->ICG;
}

/* The direct kernel splits each padded plane into sh * sw phase planes,
 * phase (a, b) holding the padded rows a, a + sh, ... and columns b,
 * b + sw, ...: PHS rows (plus a slack row) of PWS columns. A tap is then a
 * contiguous pass over one phase plane. Stride 1: one phase, the padded
 * plane itself. */
static int64_t phase_h(const Node *n, const WinGeom *c)
{
	return (plane_h(n, c) + c->sh - 1) / c->sh;
}

static int64_t phase_w(const Node *n, const WinGeom *c)
{
	return (plane_w(n, c) + c->sw - 1) / c->sw;
}

/* Elements of one phase plane, slack row included. */
static int64_t phase_len(const Node *n, const WinGeom *c)
{
	return (phase_h(n, c) + 1) * phase_w(n, c);
}

/* The accumulators are requantized as one flat run of a multiple of 16
 * entries (the slack is zero), which compilers vectorize without scalar
 * remainders, into an output-typed buffer `t` after the accumulators;
 * the kernel copies the wanted part to y. */
static int64_t req_len(int64_t acc_len)
{
	return (acc_len + 15) / 16 * 16;
}

typedef EmitConvScratch ConvScratch;

int64_t emit_conv_scratch_bytes(EmitConvScratch s)
{
	return s.buf + s.req * (8 + 2);
}

/* Pointwise: the accumulators of a whole output plane. */
static ConvScratch pointwise_scratch(const Node *n, const WinGeom *c)
{
	(void)n;
	return (ConvScratch){0, req_len(c->OH * c->OW)};
}

/* Elements of the direct kernel's phase planes: those of every channel
 * and phase, then req - OH * PWS more (holding zx), so that the taps may
 * run over the whole requantization length, a multiple of 16 (no scalar
 * remainder), the entries past OH * PWS being discarded. */
static int64_t direct_pl_len(const Node *n, const WinGeom *c)
{
	return c->sh * c->sw * c->ICG * phase_len(n, c) +
		req_len(c->OH * phase_w(n, c)) - c->OH * phase_w(n, c);
}

/* With a width stride of 1 or 2 dividing W, each channel is first
 * widened to int16 and split by column residue (iw mod sw) in one flat
 * loop (which vectorizes), into H * W elements after the phase planes:
 * residue r holds the columns r, r + sw, ... of every row, H * W / sw
 * elements. The rows of the phase planes are then memcpy runs. */
static int direct_split(const WinGeom *c)
{
	return c->sw <= 2 && c->W % c->sw == 0;
}

static int64_t direct_tmp_len(const WinGeom *c)
{
	return direct_split(c) ? c->H * c->W : 0;
}

/* Direct: the phase planes (and the split input), then the accumulators
 * of a whole output plane on the phase width. */
static ConvScratch direct_scratch(const Node *n, const WinGeom *c)
{
	int64_t b = (direct_pl_len(n, c) + direct_tmp_len(c)) * 2;
	return (ConvScratch){(b + 7) / 8 * 8, req_len(c->OH * phase_w(n, c))};
}

/* Column: the column buffer (none in place) and the padded copy, then
 * the accumulators of a block of rows. */
static ConvScratch im2col_scratch(const Node *n, const WinGeom *c)
{
	int64_t b = ((im2col_in_place(n, c) ? 0 :
		im2col_rows(n, c) * c->OW * kp(c)) + im2col_xp_len(n, c)) * 2;
	return (ConvScratch){(b + 7) / 8 * 8, req_len(im2col_rows(n, c) * c->OW)};
}

/* ------------------------------------------------------ shared pieces */

const char *emit_wtype(const Node *n)
{
	return emit_ctype(n->in[1]->type.elem);
}

/* The data of a constant input as int32; NULL (reported) if not constant. */
const int32_t *emit_const_data(const Node *n, int i, const char *what)
{
	const Value *v = n->in[i];
	if (v->kind != VAL_CONST) {
		diag_error(n->loc, "C generation needs the %s of %s '%s' to be a "
			"constant, but '%s' is computed", what, op_info(n->op)->name,
			n->out->name, v->name);
		return NULL;
	}
	return v->data;
}

/* max |x - z| over the integer range of n's input. */
static int64_t x_abs_max(const Node *n, int32_t z)
{
	const Type *xt = &n->in[0]->type;
	int64_t hi = (int64_t)type_qmax(xt) - z, lo = (int64_t)z - type_qmin(xt);
	return hi > lo ? hi : lo;
}

/* The contract's accumulator bound of output channel m of w[M][K]
 * (|bias_m| + sum_k |w_mk| max |x - zx|): the one quantize proved and
 * recorded in acc_bound, else (a lowered graph written by hand) computed
 * as quantize computes it. */
static int64_t chan_bound(const Node *n, const int32_t *w, int64_t m,
	int64_t K)
{
	int len;
	const int64_t *rec = attr_ints(n, "acc_bound", &len);
	if (m < len)
		return rec[m];
	const int32_t *bias = n->nin > 2 && n->in[2] ? n->in[2]->data : NULL;
	return q_acc_bound(&n->in[0]->type, w + m * K, K, bias ? bias[m] : 0);
}

/* The bound of the dot product sum_k x_k w_mk the kernels compute before
 * adding the folded constant: the same bound with zx = 0 and no bias. */
static int64_t dot_bound(const Node *n, const int32_t *w, int64_t m,
	int64_t K)
{
	Type raw = n->in[0]->type;
	raw.q.present = 0;
	return q_acc_bound(&raw, w + m * K, K, 0);
}

/* The most sum |w| of a run of products summed in int16 may reach (the
 * sum then fits int16 whatever the input): 32767 / max |x|. */
static int64_t int16_wsum_limit(const Node *n)
{
	int64_t xmax = x_abs_max(n, 0);
	return 32767 / (xmax ? xmax : 1);
}

/* Folds bias - zx * sum w per output channel; sets *wide if the int32 dot
 * product could overflow for some channel. */
int64_t *emit_fold_bias(const Node *n, const int32_t *w, int64_t M,
	int64_t K, int *wide)
{
	const int32_t *bias = n->nin > 2 && n->in[2] ? n->in[2]->data : NULL;
	int32_t zx = emit_zp(n->in[0]);
	int64_t *c = malloc((M + 1) * sizeof *c);
	if (!c)
		abort();
	*wide = 0;
	for (int64_t m = 0; m < M; m++) {
		int64_t sum = 0;
		for (int64_t k = 0; k < K; k++)
			sum += w[m * K + k];
		c[m] = (bias ? bias[m] : 0) - (int64_t)zx * sum;
		if (dot_bound(n, w, m, K) > INT32_MAX)
			*wide = 1;
	}
	return c;
}

/* Whether qcc_requant32 computes the requantization of every channel
 * exactly, and with which multipliers and shifts (m32, s32: M entries, or
 * one for a per-tensor requantization). It needs a shift in 33..62 and
 * acc * mult never a negative multiple of 2^32 (see emit_c.c). Since
 * R(p * 2^u, s) = R(p, s - u), a multiplier with t trailing zero bits may
 * drop u <= t of them (shift - u >= 33 still); the product is then a
 * multiple of 2^32 only if 2^(32 - t + u) divides acc, which no nonzero
 * acc does when |acc| < 2^(32 - t + u), with
 * |acc| <= |bias| + sum |w| * max |x - zx|. A shift below 33 is raised
 * to 33 by the same identity the other way: acc is multiplied by 2^a
 * (a32, when |acc| 2^a < 2^31 and 2^(32 - t) still cannot divide it). */
static int requant32_prep(const Node *n, const int32_t *w, int64_t M,
	int64_t K, int64_t *m32, int64_t *s32, int64_t *a32)
{
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	int64_t bound = 0;
	for (int64_t m = 0; m < M; m++) {
		int64_t b = chan_bound(n, w, m, K);
		if (len > 1 || b > bound)
			bound = b;
		if (len > 1 || m == M - 1) {
			int64_t i = len > 1 ? m : 0, mu = mult[i], sh = shift[i];
			int t = 0, u = 0, a = 0;
			if (mu < 0 || sh > 62 || bound >= (int64_t)1 << 31)
				return 0;
			a32[i] = 0;
			if (mu == 0) {
				m32[i] = 0, s32[i] = 33;
				continue;
			}
			while (!((mu >> t) & 1))
				t++;
			if (sh >= 33)
				u = t < sh - 33 ? t : (int)(sh - 33);
			else
				a = (int)(33 - sh);
			if (a > 31 || bound << a >= (int64_t)1 << 31 ||
				bound << a >= (int64_t)1 << (32 - t + u))
				return 0;
			m32[i] = mu >> u;
			s32[i] = sh - u + a;
			a32[i] = a;
		}
	}
	return 1;
}

/* The folded constants (int32 if they fit) and the multipliers and shifts
 * of a per-channel requantization: FN_c, FN_m, FN_s. */
void emit_channel_consts(Emit *e, const Node *n, const char *fn,
	const int64_t *c, int64_t M, int wide, const EmitReq32 *r32)
{
	char name[400];
	int fits = 1;
	for (int64_t m = 0; m < M; m++)
		if (c[m] < INT32_MIN || c[m] > INT32_MAX)
			fits = 0;
	snprintf(name, sizeof name, "%s_c", fn);
	if (fits || wide) {
		emit_ints(e, fits ? "int32_t" : "int64_t", name, c, M);
	} else {
		/* added to the int32 dot product modulo 2^32 (see row_requant) */
		int64_t *w = malloc((M + 1) * sizeof *w);
		if (!w)
			abort();
		for (int64_t m = 0; m < M; m++)
			w[m] = (int32_t)(uint32_t)(uint64_t)c[m];
		emit_ints(e, "int32_t", name, w, M);
		free(w);
	}
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	if (len == 1)
		return;
	snprintf(name, sizeof name, "%s_m", fn);
	emit_ints(e, "int32_t", name, r32 ? r32->m : mult, len);
	snprintf(name, sizeof name, "%s_s", fn);
	emit_ints(e, "uint8_t", name, r32 ? r32->s : shift, len);
	if (r32 && r32->any_a) {
		snprintf(name, sizeof name, "%s_a", fn);
		emit_ints(e, "uint8_t", name, r32->a, len);
	}
}

/* Weights [M][K] as FN_w [M][Kp], laid out by the packing module. */
void emit_packed_weights(Emit *e, const char *fn, const int32_t *w,
	int64_t M, int64_t K, DType t)
{
	int64_t Kp = pack_kp(&emit_pack, K);
	int32_t *p = malloc((M * Kp + 1) * sizeof *p);
	if (!p)
		abort();
	pack_rows(&emit_pack, w, M, K, p);
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_array(e, name, t, p, M * Kp);
	free(p);
}

/* ------------------------------------------------------------ qconv2d */

typedef EmitConvPrep ConvPrep;

/* The weights as they are, [OC][ICG][KH][KW], for the pointwise and
 * direct kernels. */
static void emit_plain_weights(Emit *e, const Node *n, const char *fn,
	const WinGeom *c, const int32_t *w)
{
	char name[400];
	snprintf(name, sizeof name, "%s_w", fn);
	emit_array(e, name, n->in[1]->type.elem, w, c->OC * c->K);
}

/* The column kernel's weights, reordered to the column order
 * [OC][KH][KW][ICG] and packed (K padded to Kp). */
static void emit_column_weights(Emit *e, const Node *n, const char *fn,
	const WinGeom *c, const int32_t *w)
{
	int32_t *wt = malloc((c->OC * c->K + 1) * sizeof *wt);
	if (!wt)
		abort();
	pack_reorder(emit_pack.order, w, c->OC, c->ICG, c->KH * c->KW, wt);
	emit_packed_weights(e, fn, wt, c->OC, c->K, n->in[1]->type.elem);
	free(wt);
}

typedef EmitConvLayout ConvLayout;
typedef EmitConvBody ConvBody;

/* The values every conv template names: types, geometry and scratch. */
void emit_conv_vars(EmitVars *v, const Node *n, const char *fn,
	const ConvPrep *p)
{
	const WinGeom *c = &p->c;
	emit_var(v, "fn", fn);
	emit_var(v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	emit_var(v, "wt", emit_wtype(n));
	emit_var(v, "acc", p->wide ? "int64_t" : "int32_t");
	emit_var(v, "cast", p->wide ? "(int64_t)" : "");
	emit_vari(v, "zx", emit_zp(n->in[0]));
	const char *names[] = {"N", "C", "H", "W", "OC", "ICG", "OCG", "groups",
		"KH", "KW", "K", "Kp", "OH", "OW", "sh", "sw", "dh", "dw", "padt",
		"padl"};
	int64_t vals[] = {c->N, c->C, c->H, c->W, c->OC, c->ICG, c->OCG,
		c->groups, c->KH, c->KW, c->K, kp(c), c->OH, c->OW, c->sh, c->sw,
		c->dh, c->dw, c->pt, c->pl};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		emit_vari(v, names[i], vals[i]);
	emit_vari(v, "HW", c->H * c->W);
	emit_vari(v, "OHW", c->OH * c->OW);
	emit_vari(v, "PW", plane_w(n, c));
	emit_vari(v, "buf", p->s.buf);
	emit_vari(v, "req", p->s.req);
	emit_vari(v, "toff", p->s.buf + p->s.req * 8);
}

/* Per group, the input channels as a zx-padded channels-last int16 copy
 * xp[PH][PW][ICG], so that a receptive field is KH runs of KW * ICG
 * contiguous elements (KH * KW runs of ICG with dilation). */
static void emit_im2col_fill(Emit *e, const Node *n, const WinGeom *c,
	const EmitVars *v)
{
	e->depth += 2;
	emit_fill(e, "/* 1. xp = the group's channels, padded (zx), channels "
		"last */\n", v);
	/* without padding every element is written below */
	if (plane_h(n, c) != c->H || plane_w(n, c) != c->W)
		emit_fill(e, "for (i = 0; i < $xplen; i++)\n\txp[i] = $zx;\n", v);
	emit_fill(e,
		"for (ih = 0; ih < $H; ih++)\n"
		"\tfor (iw = 0; iw < $W; iw++) {\n"
		"\t\tint16_t *xq = xp + ((ih + $padt) * $PW + iw + $padl) * $ICG;\n"
		"\t\tfor (ic = 0; ic < $ICG; ic++)\n"
		"\t\t\txq[ic] = xg[(ic * $H + ih) * $W + iw];\n"
		"\t}\n", v);
	e->depth -= 2;
}

static void emit_im2col_row(Emit *e, const WinGeom *c, const EmitVars *v)
{
	e->depth += 3;
	emit_fill(e, "/* 2. col[p][k] = the receptive field of pixel p of the "
		"block (k = kh, kw, ic) */\n"
		"for (r = 0; r < $RB; r++)\n"
		"for (ow = 0; ow < $OW; ow++)\n", v);
	if (c->dw == 1)
		emit_fill(e, "\tfor (kh = 0; kh < $KH; kh++)\n"
			"\t\tmemcpy(col + (r * $OW + ow) * $Kp + kh * $KWICG, "
			"xp + (((oh + r) * $sh + kh * $dh) * $PW + ow * $sw) * $ICG, "
			"$rowbytes);\n", v);
	else
		emit_fill(e, "\tfor (kh = 0; kh < $KH; kh++)\n"
			"\tfor (kw = 0; kw < $KW; kw++)\n"
			"\t\tmemcpy(col + (r * $OW + ow) * $Kp + (kh * $KW + kw) * $ICG, "
			"xp + (((oh + r) * $sh + kh * $dh) * $PW + ow * $sw + kw * $dw) "
			"* $ICG, $tapbytes);\n", v);
	e->depth -= 3;
}

/* The variables every requantization template names, and under
 * qcc_requant32 (r32) the opening of its block: channel o's m, sh, half
 * and base. */
static void requant_vars(Emit *e, EmitVars *v, const Node *n, const char *fn,
	const EmitReq32 *r32)
{
	int len;
	attr_ints(n, "mult", &len);
	int32_t zy = emit_zp(n->out);
	emit_var(v, "fn", fn);
	emit_var(v, "yt", emit_ctype(n->out->type.elem));
	emit_vari(v, "zy", zy);
	emit_vari(v, "lo", attr_int(n, "act_min"));
	emit_vari(v, "hi", attr_int(n, "act_max"));
	if (!r32)
		return;
	emit_vari(v, "m", r32->m[0]);
	emit_vari(v, "sh", r32->s[0] - 32);
	emit_vari(v, "half", (long long)(1ull << (r32->s[0] - 33)));
	emit_vari(v, "base", (long long)zy - (1ll << (62 - r32->s[0])));
	emit_vari(v, "a", r32->a[0]);
	emit_var(v, "sha", r32->any_a ? " << a" : "");
	emit_fill(e, len == 1 ? "{\n\tconst int32_t m = $m;\n"
		"\tconst int sh = $sh;\n\tconst uint32_t half = ${half}u;\n"
		"\tconst int32_t base = $base;\n" :
		"{\n\tconst int32_t m = ${fn}_m[o];\n"
		"\tconst int sh = ${fn}_s[o] - 32;\n"
		"\tconst uint32_t half = (uint32_t)1 << (sh - 1);\n"
		"\tconst int32_t base = $zy - (int32_t)((uint32_t)1 << "
		"(30 - sh));\n", v);
}

/* The requantization of one output row of channel o from the dot
 * products in acc[ow]. Without `wide` the folded constant is added modulo
 * 2^32: the exact accumulator fits int32 (docs/arith.md), so the wrapped
 * sum converted back to int32 is that accumulator (the conversion is
 * implementation-defined in C99; every two's complement compiler wraps). */
void emit_row_requant(Emit *e, const Node *n, const char *fn,
	const char *loops, const char *yelem, const char *aelem, int wide,
	const EmitReq32 *r32, int depth)
{
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	EmitVars v = {0};
	emit_var(&v, "loops", loops);
	emit_var(&v, "yv", yelem);
	emit_var(&v, "av", aelem);
	e->depth += depth;
	requant_vars(e, &v, n, fn, r32 && !wide ? r32 : NULL);
	if (r32 && !wide) {
		if (r32->any_a)
			emit_fill(e, len == 1 ? "\tconst int a = $a;\n" :
				"\tconst int a = ${fn}_a[o];\n", &v);
		/* acc * 2^a fits int32 (requant32_prep) */
		emit_fill(e, "\t$loops\n\t\t$yv = ($yt)qcc_requant32((int32_t)"
			"(((uint32_t)${fn}_c[o] + (uint32_t)$av)$sha), m, sh, half, base, "
			"$lo, $hi);\n}\n", &v);
	} else {
		emit_vari(&v, "m", mult[0]);
		emit_vari(&v, "s", shift[0]);
		emit_fill(e, len == 1 ? "{\n\tconst int32_t m = $m;\n"
			"\tconst int s = $s;\n" : "{\n\tconst int32_t m = ${fn}_m[o];\n"
			"\tconst int s = ${fn}_s[o];\n", &v);
		emit_fill(e, wide ? "\t$loops\n\t\t$yv = ($yt)qcc_requant(${fn}_c[o] "
			"+ $av, m, s, $zy, $lo, $hi);\n}\n" :
			"\t$loops\n\t\t$yv = ($yt)qcc_requant((int32_t)((uint32_t)"
			"${fn}_c[o] + (uint32_t)$av), m, s, $zy, $lo, $hi);\n}\n", &v);
	}
	e->depth -= depth;
}

/* Whether a kernel's products run through the SSE2 helpers of emit_c.c
 * (qcc_taps_sse2, qcc_pointwise_sse2, qcc_dot_sse2) where the compiler
 * targets x86: int8 weights, int32 accumulators. pmaddwd sums each pair of
 * products exactly, so the accumulators are those of the C loops, which
 * the generated code keeps under #else. */
static int sse2_products(const Node *n, const ConvPrep *p)
{
	return !p->wide && n->in[1]->type.elem == DT_I8;
}

/* Whether flat_requant calls qcc_requant32_run where the compiler targets
 * x86 (SSE2), its C loop under #else. */
static int run_requant(const Node *n, const ConvPrep *p)
{
	return p->r32 && !p->wide && !p->r32->any_a &&
		n->out->type.elem == DT_I8;
}

/* t[q] = the requantization of channel o's acc[q], q < p->s.req. */
static void flat_requant(Emit *e, const Node *n, const char *fn,
	const ConvPrep *p, int depth)
{
	char loops[200];
	snprintf(loops, sizeof loops, "for (q = 0; q < %lld; q++)",
		(long long)p->s.req);
	if (run_requant(n, p)) {
		/* int8 results on x86: the whole run in one call */
		EmitVars v = {0};
		emit_vari(&v, "req", p->s.req);
		fprintf(e->f, "#if defined(__SSE2__)\n");
		e->depth += depth;
		requant_vars(e, &v, n, fn, p->r32);
		emit_fill(e, "\tqcc_requant32_run(t, acc, $req, ${fn}_c[o], m, sh, "
			"half, base, $lo, $hi);\n}\n", &v);
		e->depth -= depth;
		fprintf(e->f, "#else\n");
	}
	emit_row_requant(e, n, fn, loops, "t[q]", "acc[q]", p->wide, p->r32, depth);
	if (run_requant(n, p))
		fprintf(e->f, "#endif\n");
}

static int emit_conv_im2col(Emit *e, const Node *n, const char *fn,
	const ConvPrep *p)
{
	const WinGeom *c = &p->c;
	long long RB = im2col_rows(n, c), NP = RB * c->OW;
	int in_place = im2col_in_place(n, c);
	EmitVars v = {0};
	emit_column_weights(e, n, fn, c, p->w);
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "RB", RB);
	emit_vari(&v, "NP", NP);
	emit_vari(&v, "colsize", NP * kp(c));
	emit_vari(&v, "colbytes", NP * kp(c) * 2);
	emit_vari(&v, "xplen", im2col_xp_len(n, c));
	emit_vari(&v, "KWICG", c->KW * c->ICG);
	emit_vari(&v, "rowbytes", c->KW * c->ICG * 2);
	emit_vari(&v, "tapbytes", c->ICG * 2);
	emit_vari(&v, "ybytes", NP * memplan_elem_bytes(n->out->type.elem));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n",
		&v);
	emit_fill(e, in_place ? "\tint16_t *xp = scratch;\n"
		"\tconst int16_t *col = xp;\n" :
		"\tint16_t *col = scratch, *xp = col + $colsize;\n", &v);
	emit_fill(e, "\t$acc *acc = ($acc *)((unsigned char *)scratch + $buf);\n"
		"\tint b, g, oh, oc, ic, ih, iw;\n", &v);
	if (sse2_products(n, p))
		emit_line(e, in_place ? "#if !defined(__SSE2__)\n\tint ow, k;\n#endif" :
			"\tint ow;\n#if !defined(__SSE2__)\n\tint k;\n#endif");
	else
		emit_line(e, "\tint ow, k;");
	emit_line(e, p->s.req > NP || !run_requant(n, p) ? "\tint q;" :
		"#if !defined(__SSE2__)\n\tint q;\n#endif");
	if (plane_h(n, c) != c->H || plane_w(n, c) != c->W)
		emit_line(e, "\tint i;");
	emit_fill(e, "\t$yt *t = ($yt *)((unsigned char *)scratch + $toff);\n",
		&v);
	if (p->s.req > NP)
		emit_fill(e, "\tfor (q = $NP; q < $req; q++)\n\t\tacc[q] = 0;\n", &v);
	if (!in_place)
		emit_line(e, "\tint kh, r;");
	if (!in_place && c->dw != 1)
		emit_line(e, "\tint kw;");
	if (!in_place && kp(c) > c->K)
		emit_fill(e, "\tmemset(col, 0, $colbytes);\n", &v);
	emit_fill(e, "\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g * $ICG) * $HW;\n"
		"\t\t$yt *yg = y + (b * $OC + g * $OCG) * $OHW;\n", &v);
	emit_im2col_fill(e, n, c, &v);
	emit_fill(e, "\t\tfor (oh = 0; oh < $OH; oh += $RB) {\n", &v);
	if (!in_place)
		emit_im2col_row(e, c, &v);
	emit_fill(e,
		"\t\t\t/* 3. per channel: dot products, four pixels sharing each "
		"weight load */\n"
		"\t\t\tfor (oc = 0; oc < $OCG; oc++) {\n"
		"\t\t\t\tconst $wt *wr = ${fn}_w + (g * $OCG + oc) * $Kp;\n"
		"\t\t\t\tint o = g * $OCG + oc;\n", &v);
	if (sse2_products(n, p))
		emit_fill(e, "#if defined(__SSE2__)\n"
			"\t\t\t\tqcc_dot_sse2(acc, col, $NP, $Kp, wr);\n#else\n", &v);
	emit_fill(e,
		"\t\t\t\tfor (ow = 0; ow + 4 <= $NP; ow += 4) {\n"
		"\t\t\t\t\tconst int16_t *c0 = col + ow * $Kp, *c1 = c0 + $Kp;\n"
		"\t\t\t\t\tconst int16_t *c2 = c1 + $Kp, *c3 = c2 + $Kp;\n"
		"\t\t\t\t\t$acc a0 = 0, a1 = 0, a2 = 0, a3 = 0;\n"
		"\t\t\t\t\tfor (k = 0; k < $Kp; k++) {\n"
		"\t\t\t\t\t\tint16_t wv = wr[k];\n"
		"\t\t\t\t\t\ta0 += ${cast}c0[k] * wv;\n"
		"\t\t\t\t\t\ta1 += ${cast}c1[k] * wv;\n"
		"\t\t\t\t\t\ta2 += ${cast}c2[k] * wv;\n"
		"\t\t\t\t\t\ta3 += ${cast}c3[k] * wv;\n"
		"\t\t\t\t\t}\n"
		"\t\t\t\t\tacc[ow] = a0;\n\t\t\t\t\tacc[ow + 1] = a1;\n"
		"\t\t\t\t\tacc[ow + 2] = a2;\n\t\t\t\t\tacc[ow + 3] = a3;\n"
		"\t\t\t\t}\n"
		"\t\t\t\tfor (; ow < $NP; ow++) {\n"
		"\t\t\t\t\tconst int16_t *c0 = col + ow * $Kp;\n"
		"\t\t\t\t\t$acc a0 = 0;\n"
		"\t\t\t\t\tfor (k = 0; k < $Kp; k++)\n"
		"\t\t\t\t\t\ta0 += ${cast}c0[k] * (int16_t)wr[k];\n"
		"\t\t\t\t\tacc[ow] = a0;\n"
		"\t\t\t\t}\n", &v);
	if (sse2_products(n, p))
		emit_line(e, "#endif");
	flat_requant(e, n, fn, p, 4);
	emit_fill(e, "\t\t\t\tmemcpy(yg + oc * $OHW + oh * $OW, t, $ybytes);\n"
		"\t\t\t}\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* 1x1, stride 1, no padding: acc[p] over the whole output plane, four
 * input channels per pass. With 8-bit inputs each product fits int16. */
/* Whether the two products of each pair (ic, ic + 1) of the four-channel
 * passes (ic even, below ICG rounded down to a multiple of 4) sum exactly
 * in int16 in every channel: their |w| add up to at most 32767 / max|x|. */
static int pointwise_pairs(const Node *n, const WinGeom *c,
	const int32_t *w)
{
	int64_t lim = int16_wsum_limit(n);
	for (int64_t o = 0; o < c->OC; o++)
		for (int64_t ic = 0; ic + 2 <= c->ICG / 4 * 4; ic += 2) {
			int64_t a = w[o * c->ICG + ic], b = w[o * c->ICG + ic + 1];
			if ((a < 0 ? -a : a) + (b < 0 ? -b : b) > lim)
				return 0;
		}
	return 1;
}

static int emit_conv_pointwise(Emit *e, const Node *n, const char *fn,
	const ConvPrep *p)
{
	const WinGeom *c = &p->c;
	const char *acc = p->wide ? "int64_t" : "int32_t";
	int narrow = !p->wide && memplan_elem_bytes(n->in[0]->type.elem) == 1;
	const char *pt = narrow ? "int16_t" : p->wide ? "int64_t" : "int32_t";
	int sse2 = sse2_products(n, p) && n->in[0]->type.elem == DT_I8;
	char sum4[300];
	EmitVars v = {0};
	emit_plain_weights(e, n, fn, c, p->w);
	/* four products a pass; with 8-bit inputs each pair summed in int16
	 * where exact (pointwise_pairs) */
	if (narrow && pointwise_pairs(n, c, p->w))
		snprintf(sum4, sizeof sum4, "(%s)(int16_t)(w0 * x0[p] + w1 * x1[p]) "
			"+\n\t\t\t\t\t\t\t(int16_t)(w2 * x2[p] + w3 * x3[p]);", acc);
	else
		snprintf(sum4, sizeof sum4, "(%s)(%s)(w0 * x0[p]) + (%s)(w1 * x1[p]) "
			"+\n\t\t\t\t\t\t\t(%s)(w2 * x2[p]) + (%s)(w3 * x3[p]);", acc, pt,
			pt, pt, pt);
	emit_conv_vars(&v, n, fn, p);
	emit_var(&v, "prod", pt);
	emit_var(&v, "sum4", sum4);
	emit_vari(&v, "ybytes", c->OH * c->OW *
		memplan_elem_bytes(n->out->type.elem));
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\t$acc *acc = scratch;\n"
		"\t$yt *t = ($yt *)((unsigned char *)scratch + $toff);\n"
		"\tint b, g, m, q;\n", &v);
	emit_line(e, sse2 ? "#if !defined(__SSE2__)\n\tint ic, p;\n#endif" :
		"\tint ic, p;");
	emit_fill(e,
		"\tfor (q = $OHW; q < $req; q++)\n\t\tacc[q] = 0;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tconst $xt *xg = x + (b * $C + g * $ICG) * $OHW;\n"
		"\t\tfor (m = 0; m < $OCG; m++) {\n"
		"\t\t\tint o = g * $OCG + m;\n"
		"\t\t\tconst $wt *wo = ${fn}_w + o * $ICG;\n"
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n", &v);
	if (sse2)
		emit_fill(e, "#if defined(__SSE2__)\n\t\t\tqcc_pointwise_sse2(acc, xg, "
			"$OHW, $OHW, wo, $ICG);\n#else\n", &v);
	emit_fill(e,
		"\t\t\tfor (ic = 0; ic + 4 <= $ICG; ic += 4) {\n"
		"\t\t\t\tconst $xt *x0 = xg + ic * $OHW, *x1 = x0 + $OHW;\n"
		"\t\t\t\tconst $xt *x2 = x1 + $OHW, *x3 = x2 + $OHW;\n"
		"\t\t\t\t$prod w0 = wo[ic], w1 = wo[ic + 1], w2 = wo[ic + 2], "
		"w3 = wo[ic + 3];\n"
		"\t\t\t\tif (ic == 0)\n"
		"\t\t\t\t\tfor (p = 0; p < $OHW; p++)\n"
		"\t\t\t\t\t\tacc[p] = $sum4\n"
		"\t\t\t\telse\n"
		"\t\t\t\t\tfor (p = 0; p < $OHW; p++)\n"
		"\t\t\t\t\t\tacc[p] += $sum4\n"
		"\t\t\t}\n"
		"\t\t\tfor (; ic < $ICG; ic++) {\n"
		"\t\t\t\tconst $xt *x0 = xg + ic * $OHW;\n"
		"\t\t\t\t$prod w0 = wo[ic];\n"
		"\t\t\t\tif (ic == 0)\n"
		"\t\t\t\t\tfor (p = 0; p < $OHW; p++)\n"
		"\t\t\t\t\t\tacc[p] = ($prod)(w0 * x0[p]);\n"
		"\t\t\t\telse\n"
		"\t\t\t\t\tfor (p = 0; p < $OHW; p++)\n"
		"\t\t\t\t\t\tacc[p] += ($prod)(w0 * x0[p]);\n"
		"\t\t\t}\n", &v);
	if (sse2)
		emit_line(e, "#endif");
	flat_requant(e, n, fn, p, 3);
	emit_fill(e, "\t\t\tmemcpy(yo, t, $ybytes);\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* Where tap i (kh * KW + kw) of the direct kernel reads in the phase
 * planes, relative to the output position. */
static long long tap_offset(const Node *n, const WinGeom *c, long long i)
{
	long long kh = i / c->KW, kw = i % c->KW, sh = c->sh, sw = c->sw;
	long long ch = kh * c->dh, cw = kw * c->dw;
	return ((ch % sh) * sw + cw % sw) * phase_len(n, c) + ch / sh *
		phase_w(n, c) + cw / sw;
}

/* One input channel a group (depthwise, or a single-channel input): all
 * KH * KW taps of a channel in one pass, acc[q] = sum of w * pl[q + off].
 * Consecutive taps are summed as int16 while their |w| add up to at most
 * 32767 / max|x| for every channel (exact: the sum fits int16); start[i]
 * says whether tap i begins such a group. */
static void tap_groups(const Node *n, const ConvPrep *p, char *start)
{
	const WinGeom *c = &p->c;
	long long taps = c->KH * c->KW;
	int64_t lim = int16_wsum_limit(n);
	int64_t *gsum = calloc(c->OC + 1, sizeof *gsum);
	if (!gsum)
		abort();
	for (long long i = 0; i < taps; i++) {
		int fits = 1;
		for (int64_t o = 0; o < c->OC; o++) {
			int32_t v = p->w[o * taps + i];
			if (gsum[o] + (v < 0 ? -(int64_t)v : v) > lim)
				fits = 0;
		}
		start[i] = i == 0 || !fits;
		if (start[i])
			memset(gsum, 0, c->OC * sizeof *gsum);
		for (int64_t o = 0; o < c->OC; o++) {
			int32_t v = p->w[o * taps + i];
			gsum[o] += v < 0 ? -(int64_t)v : v;
		}
	}
	free(gsum);
}

/* The C loop's int16 groups written out in NEON, eight pixels a step
 * (64-bit Arm, QCC_NEON): the same sums whatever the compiler and its
 * flags (gcc -O2 vectorises the C loop, clang hardly). */
static void emit_taps_neon(Emit *e, const Node *n, const ConvPrep *p,
	const char *start)
{
	const WinGeom *c = &p->c;
	long long Q = p->s.req, taps = c->KH * c->KW;
	FILE *f = e->f;
	fprintf(f, "#if defined(QCC_NEON)\n"
		"\t\t\t\tfor (q = 0; q + 8 <= %lld; q += 8) {\n"
		"\t\t\t\t\tint32x4_t lo, hi;\n\t\t\t\t\tint16x8_t s;\n", Q);
	for (long long i = 0, have = 0; i < taps; i++) {
		long long off = tap_offset(n, c, i);
		if (start[i])
			fprintf(f, "\t\t\t\t\ts = vmulq_n_s16(vld1q_s16(pl + q + %lld), "
				"w%lld);\n", off, i);
		else
			fprintf(f, "\t\t\t\t\ts = vmlaq_n_s16(s, vld1q_s16(pl + q + %lld), "
				"w%lld);\n", off, i);
		if (i + 1 < taps && !start[i + 1])
			continue;
		/* the group's int16 sums widened into the int32 lanes */
		fprintf(f, have ? "\t\t\t\t\tlo = vaddw_s16(lo, vget_low_s16(s));\n"
			"\t\t\t\t\thi = vaddw_high_s16(hi, s);\n" :
			"\t\t\t\t\tlo = vmovl_s16(vget_low_s16(s));\n"
			"\t\t\t\t\thi = vmovl_high_s16(s);\n");
		have = 1;
	}
	fprintf(f, "\t\t\t\t\tvst1q_s32(acc + q, lo);\n"
		"\t\t\t\t\tvst1q_s32(acc + q + 4, hi);\n\t\t\t\t}\n"
		"\t\t\t\tfor (; q < %lld; q++)\n#else\n", Q);
}

static void emit_direct_single(Emit *e, const Node *n, const ConvPrep *p)
{
	const WinGeom *c = &p->c;
	FILE *f = e->f;
	long long Q = p->s.req, taps = c->KH * c->KW;
	char *start = malloc(taps);
	if (!start)
		abort();
	tap_groups(n, p, start);
	if (sse2_products(n, p)) {
		fprintf(f, "#if defined(__SSE2__)\n\t\t\t{\n"
			"\t\t\t\tstatic const int off[%lld] = {", taps);
		for (long long i = 0; i < taps; i++)
			fprintf(f, "%s%lld", i ? ", " : "", tap_offset(n, c, i));
		fprintf(f, "};\n\t\t\t\tqcc_taps_sse2(acc, pl, %lld, wo, off, %lld);"
			"\n\t\t\t}\n#else\n", Q, taps);
	}
	fprintf(f, "\t\t\t{\n\t\t\t\tconst int16_t ");
	for (long long i = 0; i < taps; i++)
		fprintf(f, "%sw%lld = wo[%lld]", i ? ", " : "", i, i);
	fprintf(f, ";\n");
	if (sse2_products(n, p))
		emit_taps_neon(e, n, p, start);
	fprintf(f, "\t\t\t\tfor (q = 0; q < %lld; q++)\n", Q);
	if (sse2_products(n, p))
		fprintf(f, "#endif\n");
	fprintf(f, "\t\t\t\t\tacc[q] = (int32_t)(int16_t)(");
	for (long long i = 0; i < taps; i++) {
		if (i && start[i])
			fprintf(f, ") +\n\t\t\t\t\t\t(int16_t)(");
		else if (i)
			fprintf(f, " + ");
		fprintf(f, "w%lld * pl[q + %lld]", i, tap_offset(n, c, i));
	}
	fprintf(f, ");\n\t\t\t}\n");
	if (sse2_products(n, p))
		fprintf(f, "#endif\n");
	free(start);
}

static void emit_direct_taps(Emit *e, const Node *n, const ConvPrep *p,
	int narrow, const EmitVars *v);

/* The columns of phase b of input row ih: iw = iw0, iw0 + sw, ... to PWS
 * column d0 on, as memcpy runs from the split copy or a strided loop. */
static void emit_phase_columns(Emit *e, const Node *n, const WinGeom *c,
	int split)
{
	long long PPS = phase_len(n, c), ICG = c->ICG, sw = c->sw;
	long long T = direct_pl_len(n, c), HWS = c->H * c->W / sw;
	for (long long b = 0; b < sw; b++) {
		long long iw0 = ((b - c->pl) % sw + sw) % sw, d0 = (iw0 + c->pl) / sw;
		long long cnt = iw0 < c->W ? (c->W - iw0 + sw - 1) / sw : 0;
		if (cnt > 0 && split)
			fprintf(e->f, "\t\t\t\tmemcpy(pr + %lld, pl + %lld + ih * %lld, "
				"%lld);\n", b * ICG * PPS + d0, T + iw0 * HWS,
				(long long)c->W / sw, cnt * 2);
		else if (cnt > 0)
			fprintf(e->f, "\t\t\t\tfor (iw = 0; iw < %lld; iw++)\n"
				"\t\t\t\t\tpr[%lld + iw] = xr[%lld + iw * %lld];\n",
				cnt, b * ICG * PPS + d0, iw0, sw);
	}
}

/* The output is computed on the phase width PWS (PWS columns a row, the
 * last PWS - OW of them discarded), so that each tap is one contiguous pass
 * over a phase plane (see phase_h). With 8-bit inputs each product fits
 * int16, and a row of taps is summed before it is added to the
 * accumulator. */
static int emit_conv_direct_plane(Emit *e, const Node *n, const char *fn,
	const ConvPrep *p)
{
	FILE *f = e->f;
	const WinGeom *c = &p->c;
	long long PWS = phase_w(n, c), PPS = phase_len(n, c);
	long long ICG = c->ICG, sw = c->sw;
	long long T = direct_pl_len(n, c), HWS = c->H * c->W / sw;
	int narrow = !p->wide && memplan_elem_bytes(n->in[0]->type.elem) == 1 &&
		c->KW <= 8;
	int single = narrow && ICG == 1 && c->KH * c->KW <= 32;
	int split = direct_split(c);
	EmitVars v = {0};
	emit_plain_weights(e, n, fn, c, p->w);
	emit_conv_vars(&v, n, fn, p);
	emit_vari(&v, "PWS", PWS);
	emit_vari(&v, "PPS", PPS);
	emit_vari(&v, "swICG", sw * ICG);
	emit_vari(&v, "ICGPPS", ICG * PPS);
	emit_vari(&v, "OHPWS", c->OH * PWS);
	emit_vari(&v, "T", T);
	emit_vari(&v, "HWS", HWS);
	emit_vari(&v, "owbytes", c->OW * memplan_elem_bytes(n->out->type.elem));
	emit_var(&v, "iwvar", split ? "" : ", iw");
	emit_var(&v, "khvar", single ? "" : ", kh");
	/* q only in the C loops that the SSE2 helpers stand for */
	int q_c = single && sse2_products(n, p) && run_requant(n, p);
	emit_var(&v, "qvar", q_c ? "" : ", q");
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *pl = scratch;\n"
		"\t$acc *acc = ($acc *)((unsigned char *)scratch + $buf);\n"
		"\t$yt *t = ($yt *)((unsigned char *)scratch + $toff);\n"
		"\tint i, b, g, ic, m, oh, ih${qvar}${iwvar}${khvar};\n", &v);
	if (q_c)
		emit_line(e, "#if !defined(__SSE2__)\n\tint q;\n#endif");
	emit_fill(e,
		"\t/* phase planes (each with a slack row): the border holds zx */\n"
		"\tfor (i = 0; i < $T; i++)\n\t\tpl[i] = $zx;\n"
		"\tfor (b = 0; b < $N; b++)\n"
		"\tfor (g = 0; g < $groups; g++) {\n"
		"\t\tfor (ic = 0; ic < $ICG; ic++) {\n"
		"\t\t\tconst $xt *xc = x + (b * $C + g * $ICG + ic) * $HW;\n", &v);
	if (split && sw == 1)
		emit_fill(e, "\t\t\tfor (i = 0; i < $HWS; i++)\n"
			"\t\t\t\tpl[$T + i] = xc[i];\n", &v);
	else if (split) {
		emit_fill(e, "\t\t\tfor (i = 0; i < $HWS; i++) {\n", &v);
		for (long long r = 0; r < sw; r++)
			fprintf(f, "\t\t\t\tpl[%lld + i] = xc[i * %lld + %lld];\n",
				T + r * HWS, sw, r);
		emit_line(e, "\t\t\t}");
	}
	emit_fill(e, "\t\t\tfor (ih = 0; ih < $H; ih++) {\n"
		"\t\t\t\tint ph = ih + $padt;\n"
		"\t\t\t\tint16_t *pr = pl + ((ph % $sh) * $swICG + ic) * $PPS + "
		"ph / $sh * $PWS;\n", &v);
	if (!split)
		emit_fill(e, "\t\t\t\tconst $xt *xr = xc + ih * $W;\n", &v);
	emit_phase_columns(e, n, c, split);
	emit_fill(e, "\t\t\t}\n"
		"\t\t}\n"
		"\t\tfor (m = 0; m < $OCG; m++) {\n"
		"\t\t\tint o = g * $OCG + m;\n"
		"\t\t\tconst $wt *wo = ${fn}_w + o * $K;\n"
		"\t\t\t$yt *yo = y + (b * $OC + o) * $OHW;\n", &v);
	/* narrow taps assign the whole requantization length */
	if (!narrow)
		emit_fill(e, "\t\t\tfor (q = 0; q < $req; q++)\n"
			"\t\t\t\tacc[q] = 0;\n", &v);
	if (single)
		emit_direct_single(e, n, p);
	else
		emit_direct_taps(e, n, p, narrow, &v);
	flat_requant(e, n, fn, p, 3);
	emit_fill(e, "\t\t\tfor (oh = 0; oh < $OH; oh++)\n"
		"\t\t\t\tmemcpy(yo + oh * $OW, t + oh * $PWS, $owbytes);\n"
		"\t\t}\n\t}\n}\n", &v);
	return 0;
}

/* The taps of the direct kernel row by row: per input channel and kernel
 * row one pass adding the row's products (summed as int16 products when
 * narrow); the first pass assigns. */
static void emit_direct_taps(Emit *e, const Node *n, const ConvPrep *p,
	int narrow, const EmitVars *v)
{
	const WinGeom *c = &p->c;
	FILE *f = e->f;
	long long PPS = phase_len(n, c), ICG = c->ICG, sw = c->sw;
	emit_fill(e, "\t\t\tfor (ic = 0; ic < $ICG; ic++)\n"
		"\t\t\tfor (kh = 0; kh < $KH; kh++) {\n"
		"\t\t\t\tconst $wt *wk = wo + (ic * $KH + kh) * $KW;\n"
		"\t\t\t\tconst int16_t *r = pl + ((kh * $dh % $sh) * $swICG + ic) "
		"* $PPS + kh * $dh / $sh * $PWS;\n", v);
	if (narrow) {
		fprintf(f, "\t\t\t\tconst int16_t ");
		for (int kw = 0; kw < c->KW; kw++)
			fprintf(f, "%sw%d = wk[%d]", kw ? ", " : "", kw, kw);
		fprintf(f, ";\n");
		/* the first row of taps assigns, the others add */
		for (int pass = 0; pass < 2; pass++) {
			fprintf(f, pass ? "\t\t\t\telse\n" :
				"\t\t\t\tif (ic == 0 && kh == 0)\n");
			fprintf(f, "\t\t\t\t\tfor (q = 0; q < %lld; q++)\n"
				"\t\t\t\t\t\tacc[q] %s= ", (long long)p->s.req,
				pass ? "+" : "");
			for (int kw = 0; kw < c->KW; kw++) {
				long long cw = kw * c->dw;
				fprintf(f, "%s(int16_t)(w%d * r[q + %lld])",
					kw == 0 ? "(int32_t)" : " + ", kw,
					(cw % sw) * ICG * PPS + cw / sw);
			}
			fprintf(f, ";\n");
		}
		fprintf(f, "\t\t\t}\n");
	} else {
		emit_fill(e, "\t\t\t\tint kw;\n"
			"\t\t\t\tfor (kw = 0; kw < $KW; kw++) {\n"
			"\t\t\t\t\t$acc wv = wk[kw];\n"
			"\t\t\t\t\tconst int16_t *rk = r + (kw * $dw % $sw) * $ICGPPS + "
			"kw * $dw / $sw;\n"
			"\t\t\t\t\tfor (q = 0; q < $OHPWS; q++)\n"
			"\t\t\t\t\t\tacc[q] += wv * rk[q];\n"
			"\t\t\t\t}\n\t\t\t}\n", v);
	}
}

/* The folded constants and the requantization (FN_c, FN_m, FN_s, FN_a),
 * then the kernel `body` on the scratch `layout`. */
int emit_conv_node(Emit *e, const Node *n, const char *fn, int32_t xoff,
	EmitConvLayout *layout, EmitConvBody *body)
{
	ConvPrep p = {0};
	geom_conv(n, &p.c);
	p.s = layout(n, &p.c);
	p.w = emit_const_data(n, 1, "weights");
	if (!p.w || (n->nin > 2 && n->in[2] && !emit_const_data(n, 2, "bias")))
		return -1;
	int64_t OC = p.c.OC, *folded = emit_fold_bias(n, p.w, OC, p.c.K, &p.wide);
	for (int64_t m = 0; xoff && m < OC; m++)
		for (int64_t k = 0; k < p.c.K; k++)
			folded[m] -= (int64_t)xoff * p.w[m * p.c.K + k];
	int64_t *m32 = malloc((OC + 1) * sizeof *m32);
	int64_t *s32 = malloc((OC + 1) * sizeof *s32);
	int64_t *a32 = malloc((OC + 1) * sizeof *a32);
	if (!m32 || !s32 || !a32)
		abort();
	p.req = (EmitReq32){m32, s32, a32, 0};
	/* qcc_requant32 rounds as R does by default only */
	if (!p.wide && e->g->rounding == ROUND_AWAY &&
		requant32_prep(n, p.w, OC, p.c.K, m32, s32, a32))
		p.r32 = &p.req;
	int mlen;
	attr_ints(n, "mult", &mlen);
	for (int64_t o = 0; p.r32 && o < mlen; o++)
		if (a32[o])
			p.req.any_a = 1;
	emit_channel_consts(e, n, fn, folded, OC, p.wide, p.r32);
	free(folded);
	int rc = body(e, n, fn, &p);
	free(m32);
	free(s32);
	free(a32);
	return rc;
}

/* A target's own conv kernel (emit_arm.c): the constants as
 * emit_conv_node writes them, then `target_body` (set by emit_conv_target for the one
 * call) with the plain weights and the requantization. */
static EmitConvTargetBody *target_body;

static ConvScratch no_scratch(const Node *n, const WinGeom *c)
{
	(void)n, (void)c;
	return (ConvScratch){0, 0};
}

static int call_target_body(Emit *e, const Node *n, const char *fn,
	const ConvPrep *p)
{
	return target_body(e, n, fn, p->w, p->wide, p->r32);
}

int emit_conv_target(Emit *e, const Node *n, const char *fn,
	EmitConvTargetBody *body)
{
	target_body = body;
	return emit_conv_node(e, n, fn, 0, no_scratch, call_target_body);
}

/* ---------------------------------------------------------- the rows */

static int pointwise_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return use_pointwise(n, &c);
}

static int direct_applies(const Node *n)
{
	WinGeom c;
	geom_conv(n, &c);
	return use_direct(&c);
}

static int64_t conv_bytes(const Node *n, ConvLayout *layout)
{
	WinGeom c;
	geom_conv(n, &c);
	return emit_conv_scratch_bytes(layout(n, &c));
}

static int64_t pointwise_bytes(const Node *n)
{
	return conv_bytes(n, pointwise_scratch);
}

static int64_t direct_bytes(const Node *n)
{
	return conv_bytes(n, direct_scratch);
}

static int64_t im2col_bytes(const Node *n)
{
	return conv_bytes(n, im2col_scratch);
}

static int emit_pointwise(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, pointwise_scratch, emit_conv_pointwise);
}

static int emit_direct(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, direct_scratch, emit_conv_direct_plane);
}

static int emit_im2col(Emit *e, const Node *n, const char *fn)
{
	return emit_conv_node(e, n, fn, 0, im2col_scratch, emit_conv_im2col);
}

/* In this order: the first that applies is taken. */
const KernelRow emit_conv_kernels[] = {
	{OP_QCONV2D, "generic", "conv_pointwise", "1x1, stride 1, no padding, "
		"< 32 input channels a group, >= 64 output pixels",
		pointwise_applies, pointwise_bytes, emit_pointwise, 1},
	{OP_QCONV2D, "generic", "conv_direct", "one input channel a group "
		"(depthwise, 1-channel input), or < 32 products an output",
		direct_applies, direct_bytes, emit_direct, 1},
	{OP_QCONV2D, "generic", "conv_im2col", "otherwise (column buffer, dot "
		"products over K)", NULL, im2col_bytes, emit_im2col, 1},
	{0},
};
