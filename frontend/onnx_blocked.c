/* onnx_blocked.c - blocked DequantizeLinear (opset 21 block_size) of
 * constant weights: qcc's group-wise weight scales (docs/arith.md,
 * "Group-wise weight scales"; docs/onnx.md, "Blocked quantization"). The
 * blocks of each output channel are its groups of G consecutive taps; the
 * block scales become one channel scale s times integer multipliers r,
 * exactly where the block scales are integer multiples (1 to 256) of one
 * scale (scale_unit), else as closely as the layer's int32 accumulator
 * bound allows (scale_approx; the importer warns once with the largest
 * relative error, onnx.c). */
#include <math.h>

#include "onnx_imp.h"

/* The unit s of scales sc[0..n) (stride st): the one with every sc[g] =
 * s * r[g] exactly in float32, r[g] an integer in [1, 256], the largest
 * such s (from the smallest scale over 1, 2, ... 256); 0 if none. */
static float scale_unit(const float *sc, int64_t n, int64_t st, int64_t *r)
{
	float lo = sc[0];
	for (int64_t g = 1; g < n; g++)
		lo = sc[g * st] < lo ? sc[g * st] : lo;
	for (int d = 1; d <= 256; d++) {
		float s = lo / (float)d;
		int ok = s > 0 && s * (float)d == lo;
		for (int64_t g = 0; ok && g < n; g++) {
			double q = nearbyint((double)sc[g * st] / s);
			ok = q >= 1 && q <= 256 && (float)(s * (float)q) == sc[g * st];
			r[g] = (int64_t)q;
		}
		if (ok)
			return s;
	}
	return 0;
}

/* The accumulator share block multipliers may take: the bound of the
 * weights times their multipliers with 8-bit activations, 255 * sum_g r[g]
 * * sum_{k in g} |w[k]|, within half of int32, the other half left to the
 * bias (docs/arith.md, "Group-wise weight scales"). */
#define APPROX_ACC_SHARE ((int64_t)1 << 30)

/* The multipliers r[0..nb) of block scales sc (stride st) on the unit
 * S / R, S the largest: round(sc[g] / s) in [1, R]; returns the unit s
 * and *bound, the weights' share of the accumulator bound with 8-bit
 * activations (wsum: sum |w| of each block). */
static float block_mults(const float *sc, int64_t nb, int64_t st, double S,
	int64_t R, const int64_t *wsum, int64_t *r, int64_t *bound)
{
	float s = (float)(S / (double)R);
	*bound = 0;
	for (int64_t g = 0; g < nb; g++) {
		double q = nearbyint((double)sc[g * st] / s);
		r[g] = q < 1 ? 1 : q > R ? R : (int64_t)q;
		*bound += 255 * r[g] * wsum[g];
	}
	return s;
}

/* The largest relative error |s r[g] - sc[g]| / sc[g] of the blocks, at
 * block *worst. */
static double block_err(const float *sc, int64_t nb, int64_t st, float s,
	const int64_t *r, int64_t *worst)
{
	double err = 0;
	*worst = 0;
	for (int64_t g = 0; g < nb; g++) {
		double e = fabs((double)(s * (float)r[g]) - sc[g * st]) / sc[g * st];
		if (e > err) {
			err = e;
			*worst = g;
		}
	}
	return err;
}

/* Units a channel's search tries below the largest one the bound allows. */
#define APPROX_TRIES 64

/* For block scales sc[0..nb) (stride st) with no exact unit: s = S / R,
 * S the largest block scale, and r[g] = round(sc[g] / s) in [1, R]. R is
 * at most QCC_WGMULT_MAX and keeps the bound of APPROX_ACC_SHARE on the
 * channel's weight sums wsum[0..nb) (sum |w| of each block); of the
 * APPROX_TRIES largest such R, the one with the smallest largest relative
 * error of a block scale. Returns s; *err that error, at block *worst. */
static float scale_approx(const float *sc, int64_t nb, int64_t st,
	const int64_t *wsum, int64_t *r, double *err, int64_t *worst)
{
	double S = 0;
	for (int64_t g = 0; g < nb; g++)
		S = sc[g * st] > S ? sc[g * st] : S;
	int64_t R = QCC_WGMULT_MAX, bound;
	while (block_mults(sc, nb, st, S, R, wsum, r, &bound),
	    bound > APPROX_ACC_SHARE && R > 1) {
		/* the bound is about proportional to R */
		int64_t next = (int64_t)((double)R * APPROX_ACC_SHARE / bound);
		R = next < 1 ? 1 : next < R ? next : R - 1;
	}
	int64_t best = R, g;
	*err = INFINITY;
	*worst = 0;
	for (int64_t t = R; t >= 1 && t > R - APPROX_TRIES; t--) {
		float s = block_mults(sc, nb, st, S, t, wsum, r, &bound);
		double e = block_err(sc, nb, st, s, r, &g);
		if (e < *err) {
			*err = e;
			*worst = g;
			best = t;
		}
	}
	return block_mults(sc, nb, st, S, best, wsum, r, &bound);
}

/* sum |w| over each block of each channel of blocked weights t, [M][nb]:
 * channel m, tap k of the G a block as in dequantize_blocked; a MatMul's
 * B [K, M] (a = 0) is read across. */
static int64_t *block_sums(Ctx *c, const Tens *t, int a, int64_t M,
	int64_t K, int64_t G, int64_t nb)
{
	int64_t *ws = arena_alloc(&c->g->arena, M * nb * sizeof *ws);
	for (int64_t e = 0; e < t->numel; e++) {
		int64_t m = t->rank == 2 && a == 0 ? e % M : e / K;
		int64_t k = t->rank == 2 && a == 0 ? e / M : e % K;
		ws[m * nb + k / G] += t->i[e] < 0 ? -t->i[e] : t->i[e];
	}
	return ws;
}

/* DequantizeLinear(x, scale[, zero point]) with block_size b along `axis`
 * of constant weights: qcc's group-wise weight scales (docs/arith.md), the
 * channels on the other axis of a 2-D x (MatMul's B [K, N] blocked along
 * K, Gemm's transposed B [N, K] along K), on axis 0 of conv weights [OC,
 * IC, KH, KW] blocked along IC. Group g of channel m is block g, its taps
 * the G = b * (KH * KW) consecutive ones of qcc's flat order, so the
 * scale must not vary over KH, KW; G a multiple of 8 (whole bytes of
 * packed taps); every block scale of a channel s_m * r, r an integer in
 * [1, 256], exactly where such an s_m exists (scale_unit), else nearly
 * (scale_approx, counted in c->napprox for the warning). Zero points
 * must be 0. */
Value *imp_dequantize_blocked(Ctx *c, NodeCtx *n, int xi, int64_t axis,
	int64_t b, const char *suffix)
{
	Sym *xs = n->in[xi];
	Tens *s = imp_const(c, n, xi + 1), *z = imp_has(n, xi + 2) ?
		imp_const(c, n, xi + 2) : NULL;
	int rank, a, dt = sym_dtype(xs), elem = imp_zp_elem(dt);
	int64_t dims[QCC_MAX_RANK];
	imp_shape(xs, &rank, dims);
	if (!s || (imp_has(n, xi + 2) && !z))
		return NULL;
	if (!xs->t || xs->v || xs->t->is_float) {
		imp_reject(c, n, "blocked quantization (block_size %lld) is "
			"supported on constant integer weights only", (long long)b);
		return NULL;
	}
	if (imp_axis(c, n, axis, rank, &a))
		return NULL;
	int oa = rank == 2 ? 1 - a : 0;
	if (elem < 0 || elem == DT_I16 || elem == DT_I32 || !s->is_float ||
	    (rank != 2 && !(rank >= 3 && a == 1)) || b < 1 || s->rank != rank) {
		imp_reject(c, n, "blocked quantization (block_size %lld, axis %d) "
			"of %s weights of rank %d: qcc's group-wise weights are int8 "
			"or narrower, blocked along the input channels of 2-D (MatMul, "
			"Gemm) or conv weights (axis 1), with a float scale of the same "
			"rank", (long long)b, a, onnx_dtype_name(dt), rank);
		return NULL;
	}
	int64_t nb = (dims[a] + b - 1) / b, M = dims[oa], K = xs->t->numel / M;
	int64_t inner = K / dims[a], G = b * inner;
	for (int d = 0; d < rank; d++)
		if (s->dims[d] != (d == a ? nb : dims[d])) {
			imp_reject(c, n, "the scale's dim %d is %lld; blocks of %lld "
				"along axis %d of length %lld need %lld", d,
				(long long)s->dims[d], (long long)b, a, (long long)dims[a],
				(long long)(d == a ? nb : dims[d]));
			return NULL;
		}
	if (G % 8) {
		imp_reject(c, n, "blocks of %lld taps (block_size %lld): qcc's "
			"weight groups are a multiple of 8 taps (whole bytes of packed "
			"weights)", (long long)G, (long long)b);
		return NULL;
	}
	for (int64_t i = 0; z && i < z->numel; i++)
		if (z->i[i] != 0) {
			imp_reject(c, n, "block-quantized weights with zero point %lld; "
				"qcc's weights are symmetric (zero point 0)",
				(long long)z->i[i]);
			return NULL;
		}
	/* the block scales of channel m: in the scale tensor, conv [M, nb,
	 * KH, KW] (equal over KH, KW) or 2-D [nb, M] / [M, nb] */
	QParams q = {.present = 1, .axis = oa, .n = (int)M,
		.bits = dt == ONNX_DT_INT4 || dt == ONNX_DT_UINT4 ? 4 : 0};
	q.scale = arena_alloc(&c->g->arena, M * sizeof *q.scale);
	q.zp = arena_alloc(&c->g->arena, M * sizeof *q.zp);
	int64_t *r = arena_alloc(&c->g->arena, M * nb * sizeof *r);
	int64_t *wsum = NULL;   /* sum |w| a block, once a channel needs it */
	int64_t sm = rank == 2 ? (oa == 0 ? nb : 1) : nb * inner;
	int64_t sg = rank == 2 ? (oa == 0 ? 1 : M) : inner;
	for (int64_t m = 0; m < M; m++) {
		const float *sc = s->f + m * sm;
		for (int64_t g = 0; rank > 2 && g < nb; g++)
			for (int64_t j = 1; j < inner; j++)
				if (sc[g * sg + j] != sc[g * sg]) {
					imp_reject(c, n, "the scales of block %lld of channel %lld "
						"vary over the kernel's taps; qcc's groups take one "
						"scale for all taps of a block", (long long)g,
						(long long)m);
					return NULL;
				}
		for (int64_t g = 0; g < nb; g++)
			if (!(sc[g * sg] > 0) || !isfinite(sc[g * sg])) {
				imp_reject(c, n, "scale %g of a block is not a positive "
					"finite number", sc[g * sg]);
				return NULL;
			}
		q.scale[m] = scale_unit(sc, nb, sg, r + m * nb);
		if (!q.scale[m]) {
			/* no exact unit: the nearest multiples of a fine one */
			double e;
			int64_t worst;
			if (!wsum) {
				wsum = block_sums(c, xs->t, a, M, K, G, nb);
				c->napprox++;
			}
			q.scale[m] = scale_approx(sc, nb, sg, wsum + m * nb, r + m * nb,
				&e, &worst);
			if (e >= c->approx_err) {
				c->approx_err = e;
				c->approx_node = arena_strdup(&c->g->arena, n->label);
				c->approx_ch = m;
				c->approx_block = worst;
			}
		}
		q.zp[m] = 0;
	}
	Value *x = imp_quantized_const(c, n, xi, elem, &q);
	Node *node = x ? imp_node(c, n, OP_DEQUANTIZE, &x, 1, suffix ? -1 : 0,
		suffix) : NULL;
	if (!node)
		return NULL;
	attr_set_int(c->g, node, "wgroup", G);
	attr_set_ints(c->g, node, "wgmult", r, (int)(M * nb));
	return imp_finish(c, n, node, suffix ? -1 : 0) ? NULL : node->out;
}
