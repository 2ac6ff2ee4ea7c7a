/* wpack.c - the simulator's side of the packed weight contract. Weights of
 * 4 bits or fewer are stored packed below a byte in the generated C
 * (ir/pack.c, pack_sub_spec); the integer kernels of qconv2d and qdense
 * read them through that same layout, so that a fault in the packing (an
 * order, a sign extension) changes the simulator's results against the
 * NumPy contract of tests/sim as well as the C's against the simulator.
 * Group-wise scales multiply each weight by its group's integer wgmult
 * (q_group_weights), after which the kernels are the plain ones.
 */
#include <stdlib.h>
#include <string.h>

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
