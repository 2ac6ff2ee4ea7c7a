/* wpack.c - the simulator's side of the packed weight contract. Weights of
 * 4 bits or fewer are stored packed below a byte in the generated C
 * (ir/pack.c, pack_sub_spec); the integer kernels of qconv2d and qdense
 * read them through that same layout, so that a fault in the packing (an
 * order, a sign extension) changes the simulator's results against the
 * NumPy contract of tests/sim as well as the C's against the simulator.
 * Group-wise scales multiply each weight by its group's integer wgmult
 * (q_group_weights), after which the kernels are the plain ones. exec_run
 * does this once per node of an Exec, at the node's first run, and keeps
 * the result until exec_free: the kernels receive the weights as read.
 */
#include <stdlib.h>
#include <string.h>

#include "qarith.h"
#include "wpack.h"

const int32_t *wpack_weights(const Node *n, const int32_t *w, int32_t **tmp)
{
	const Value *wv = n->in[1];
	int bits = pack_weight_bits(wv);
	*tmp = NULL;
	if (!bits)
		return w;
	PackSpec s = pack_sub_spec(bits);
	int64_t M = wv->type.dims[0], K = type_numel(&wv->type) / M;
	int64_t Kp = pack_kp(&s, K), row_bytes = Kp * bits / 8;
	uint8_t *p = malloc((size_t)pack_bytes(&s, M, K) + 1);
	int32_t *row = malloc((size_t)Kp * sizeof *row);
	int32_t *u = malloc((size_t)(M * K + 1) * sizeof *u);
	if (!p || !row || !u) {
		free(p);
		free(row);
		free(u);
		return NULL;
	}
	pack_rows(&s, w, M, K, p);
	for (int64_t m = 0; m < M; m++) {
		pack_subbyte_read(p + m * row_bytes, Kp, bits, 1, row);
		memcpy(u + m * K, row, (size_t)K * sizeof *u);
	}
	free(p);
	free(row);
	/* group-wise scales: the accumulator is the plain one on w * wgmult */
	int32_t *g = q_group_weights(n, u, M, K);
	if (g) {
		free(u);
		u = g;
	}
	return *tmp = u;
}

/* ---- binary x binary: XNOR-popcount ---- */

static int32_t xnor_requant(const Node *n, int64_t m, int64_t acc)
{
	int64_t mult, shift;
	channel_requant(n, m, &mult, &shift);
	return requant((int32_t)acc, mult, shift, zp_of(n->out),
		attr_int(n, "act_min"), attr_int(n, "act_max"));
}

int wpack_xnor_conv(const Node *n, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	WinGeom g;
	geom_conv(n, &g);
	int64_t ICW = xnor_words(g.ICG), KHW = g.KH * g.KW, HW = g.H * g.W;
	uint32_t *wb = malloc((size_t)(g.OC * KHW * ICW + 1) * sizeof *wb);
	uint32_t *xb = malloc((size_t)(HW * ICW + 1) * sizeof *xb);
	if (!wb || !xb) {
		free(wb);
		free(xb);
		return -1;
	}
	xnor_pack_conv(&g, w, wb);
	for (int64_t b = 0; b < g.N; b++)
	for (int64_t gi = 0; gi < g.groups; gi++) {
		/* the group's input, each pixel's channels as bits */
		memset(xb, 0, (size_t)(HW * ICW) * sizeof *xb);
		const int32_t *xg = x + (b * g.C + gi * g.ICG) * HW;
		for (int64_t p = 0; p < HW; p++)
			xnor_pack(xg + p, g.ICG, HW, xb + p * ICW);
		for (int64_t oc = gi * g.OCG; oc < (gi + 1) * g.OCG; oc++)
		for (int64_t oh = 0; oh < g.OH; oh++)
		for (int64_t ow = 0; ow < g.OW; ow++) {
			/* padded taps are not in the sum: count holds the others */
			int64_t count = 0, pop = 0;
			for (int64_t kh = 0; kh < g.KH; kh++) {
				int64_t ih = oh * g.sh - g.pt + kh * g.dh;
				for (int64_t kw = 0; kw < g.KW && ih >= 0 && ih < g.H;
				     kw++) {
					int64_t iw = ow * g.sw - g.pl + kw * g.dw;
					if (iw < 0 || iw >= g.W)
						continue;
					const uint32_t *xp = xb + (ih * g.W + iw) * ICW;
					const uint32_t *wp = wb + (oc * KHW + kh * g.KW + kw) *
						ICW;
					for (int64_t j = 0; j < ICW; j++)
						pop += wpack_popcount(xp[j] ^ wp[j]);
					count += g.ICG;
				}
			}
			int64_t acc = (bias ? bias[oc] : 0) + count - 2 * pop;
			y[((b * g.OC + oc) * g.OH + oh) * g.OW + ow] =
				xnor_requant(n, oc, acc);
		}
	}
	free(wb);
	free(xb);
	return 0;
}

int wpack_xnor_dense(const Node *n, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y)
{
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0], KW = xnor_words(K);
	uint32_t *wb = calloc((size_t)(M * KW + 1), sizeof *wb);
	uint32_t *xb = calloc((size_t)(N * KW + 1), sizeof *xb);
	if (!wb || !xb) {
		free(wb);
		free(xb);
		return -1;
	}
	for (int64_t m = 0; m < M; m++)
		xnor_pack(w + m * K, K, 1, wb + m * KW);
	for (int64_t b = 0; b < N; b++)
		xnor_pack(x + b * K, K, 1, xb + b * KW);
	for (int64_t m = 0; m < M; m++)
		for (int64_t b = 0; b < N; b++) {
			int64_t pop = 0;
			for (int64_t j = 0; j < KW; j++)
				pop += wpack_popcount(xb[b * KW + j] ^ wb[m * KW + j]);
			y[b * M + m] = xnor_requant(n, m, (bias ? bias[m] : 0) + K -
				2 * pop);
		}
	free(wb);
	free(xb);
	return 0;
}
