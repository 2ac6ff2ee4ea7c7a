/* dense.c - matrix products, float and integer: dense, matmul, qdense and
 * qmatmul. Float sums are accumulated in double and rounded once; the
 * integer kernels follow docs/arith.md (int32 accumulator, one
 * requantization per output).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "fgemm.h"
#include "ir.h"
#include "qarith.h"
#include "wpack.h"

/* y[N,M] = x[N,K] w + b, with w [M,K] (trans_w=1) or [K,M]. */
void eval_dense(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const float *x = in[0], *w = in[1];
	const float *bias = n->nin > 2 ? in[2] : NULL;
	float *y = out;
	int trans_w = attr_int(n, "trans_w") != 0;
	int64_t N = xt->dims[0], K = xt->dims[1], M = yt->dims[1];
	fgemm(trans_w, N, M, K, x, w, trans_w ? K : M, y, NULL, bias);
}

/* nb images of one row each through a dense layer with w [M,K]: alone,
 * each output is (0 + bias[j]) + dot(x, w row j) (fgemm's columns path);
 * here the weight rows meet the nb rows of x together, each output the
 * same dot product (its products commute exactly) plus the same bias. */
int eval_dense_batch(const Node *n, const void *const *const *in,
	void *const *out, int nb)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	int64_t K = xt->dims[1], M = yt->dims[1];
	if (attr_int(n, "trans_w") == 0 || xt->dims[0] != 1 || M <= 0)
		return -1;
	float *x = malloc((size_t)(nb * K > 0 ? nb * K : 1) * sizeof *x);
	float *c = malloc((size_t)(M * nb) * sizeof *c);
	if (!x || !c)
		abort();
	for (int i = 0; i < nb; i++)
		memcpy(x + i * K, in[i][0], (size_t)K * sizeof *x);
	fgemm_dots(M, nb, K, in[0][1], x, c, n->nin > 2 ? in[0][2] : NULL);
	for (int i = 0; i < nb; i++)
		for (int64_t j = 0; j < M; j++)
			((float *)out[i])[j] = c[j * nb + i];
	free(x);
	free(c);
	return 0;
}

/* numpy matmul: a [..., M, K] times b [..., K, P]; a 1-D a is [1, K] and a
 * 1-D b is [K, 1]. Batch dims broadcast; matrices are walked by an index
 * over the output's batch dims. */
void eval_matmul(const Node *n, const void *const *in, void *out)
{
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const float *a = in[0], *b = in[1];
	float *y = out;
	int64_t M = at->rank > 1 ? at->dims[at->rank - 2] : 1;
	int64_t K = at->dims[at->rank - 1];
	int64_t P = bt->rank > 1 ? bt->dims[bt->rank - 1] : 1;
	int ra = at->rank > 2 ? at->rank - 2 : 0, rb = bt->rank > 2 ? bt->rank - 2 : 0;
	int rank = ra > rb ? ra : rb;
	int64_t dims[QCC_MAX_RANK], sa[QCC_MAX_RANK], sb[QCC_MAX_RANK];
	int64_t idx[QCC_MAX_RANK] = {0}, batches = 1;
	/* batch dims of the output and, per dim, the matrix stride of a and b */
	int64_t step_a = 1, step_b = 1;
	for (int i = rank - 1; i >= 0; i--) {
		int ia = i - (rank - ra), ib = i - (rank - rb);
		int64_t da = ia >= 0 ? at->dims[ia] : 1;
		int64_t db = ib >= 0 ? bt->dims[ib] : 1;
		dims[i] = da > db ? da : db;
		sa[i] = da == 1 ? 0 : step_a;
		sb[i] = db == 1 ? 0 : step_b;
		step_a *= da;
		step_b *= db;
		batches *= dims[i];
	}
	int64_t oa = 0, ob = 0;
	for (int64_t bi = 0; bi < batches; bi++) {
		const float *am = a + oa * M * K, *bm = b + ob * K * P;
		float *ym = y + bi * M * P;
		fgemm(0, M, P, K, am, bm, P, ym, NULL, NULL);
		for (int d = rank - 1; d >= 0; d--) {
			oa += sa[d];
			ob += sb[d];
			if (++idx[d] < dims[d])
				break;
			oa -= sa[d] * dims[d];
			ob -= sb[d] * dims[d];
			idx[d] = 0;
		}
	}
}

/* sum (x[k] - zx) * w[k] modulo 2^32 - which is what acc32() makes of the
 * exact sum - in eight lanes with a constant trip count (vectorizable). */
static uint32_t dot_zx(const int32_t *x, int32_t zx, const int32_t *w,
	int64_t n)
{
	uint32_t lane[8] = {0}, s = 0;
	int64_t k = 0;
	for (; k + 8 <= n; k += 8)
		for (int j = 0; j < 8; j++)
			lane[j] += ((uint32_t)x[k + j] - (uint32_t)zx) *
				(uint32_t)w[k + j];
	for (; k < n; k++)
		s += ((uint32_t)x[k] - (uint32_t)zx) * (uint32_t)w[k];
	for (int j = 0; j < 8; j++)
		s += lane[j];
	return s;
}

/* Weights of 4 bits or fewer arrive as read through their packed layout
 * (exec_run, exec/wpack.c). */
void eval_qdense(const Node *n, const void *const *in, void *out)
{
	const int32_t *x = in[0], *w = in[1];
	const int32_t *bias = n->nin > 2 && n->in[2] ? in[2] : NULL;
	int32_t *y = out;
	if (xnor_applies(n) && wpack_xnor_dense(n, x, w, bias, y) == 0)
		return;
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0];
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	int32_t zx = zp_of(n->in[0]), zy = zp_of(n->out);
	for (int64_t m = 0; m < M; m++) {
		int64_t mult, shift;
		channel_requant(n, m, &mult, &shift);
		for (int64_t b = 0; b < N; b++) {
			uint32_t acc = bias ? (uint32_t)bias[m] : 0;
			acc += dot_zx(x + b * K, zx, w + m * K, K);
			y[b * M + m] = requant((int32_t)acc, mult, shift, zy, lo, hi);
		}
	}
}

void eval_qmatmul(const Node *n, const void *const *in, void *out)
{
	const int32_t *a = in[0], *b = in[1];
	int32_t *y = out;
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	int64_t M = at->dims[at->rank - 2], K = at->dims[at->rank - 1];
	int64_t P = bt->dims[bt->rank - 1];
	int32_t za = zp_of(n->in[0]), zb = zp_of(n->in[1]), zy = zp_of(n->out);
	int64_t mult = attr_ints(n, "mult", NULL)[0];
	int64_t shift = attr_ints(n, "shift", NULL)[0];
	int64_t pre = attr_int(n, "pre");
	int64_t lo = attr_int(n, "act_min"), hi = attr_int(n, "act_max");
	/* batch shapes: the types with their two matrix dims dropped */
	Type ab = *at, bb = *bt, yb = *yt;
	ab.rank -= 2, bb.rank -= 2, yb.rank -= 2;
	int64_t batches = type_numel(&yb);
	for (int64_t bi = 0; bi < batches; bi++) {
		const int32_t *am = a + type_bcast_offset(&ab, &yb, bi) * M * K;
		const int32_t *bm = b + type_bcast_offset(&bb, &yb, bi) * K * P;
		int32_t *ym = y + bi * M * P;
		for (int64_t i = 0; i < M; i++)
			for (int64_t j = 0; j < P; j++) {
				int64_t acc = 0;
				for (int64_t k = 0; k < K; k++)
					acc += ((int64_t)am[i * K + k] - za) *
						((int64_t)bm[k * P + j] - zb);
				ym[i * P + j] = requant(rshift_round(acc, pre), mult,
					shift, zy, lo, hi);
			}
	}
}
