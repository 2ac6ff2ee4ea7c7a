/* wpack.h - the weights of qconv2d and qdense as the simulator reads them
 * (exec/wpack.c). */
#ifndef QCC_WPACK_H
#define QCC_WPACK_H

#include "ir.h"

/* The weights [M][K] of node n (input 1, data w) as its kernel reads
 * them: w itself when they are stored a byte or more per value; else
 * packed in the sub-byte layout of every target (pack_sub_spec) and read
 * back from it a row at a time, times the group multipliers if n has
 * group-wise scales, into *tmp (malloc'd; the caller frees it). NULL when
 * out of memory. */
const int32_t *wpack_weights(const Node *n, const int32_t *w, int32_t **tmp);

/* The set bits of v (portable: no compiler builtin, so that the simulator
 * does not share the generated C's popcount). */
static inline int32_t wpack_popcount(uint32_t v)
{
	v = v - ((v >> 1) & 0x55555555u);
	v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
	v = (v + (v >> 4)) & 0x0f0f0f0fu;
	return (int32_t)((v * 0x01010101u) >> 24);
}

/* Binary x binary (xnor_applies): the contract's sum over the valid taps
 * as count - 2 * popcount(x XOR w), x and w as bits (ir/pack.c, XNOR
 * layout); then the bias and the node's requantization into y. -1 when
 * out of memory. */
int wpack_xnor_conv(const Node *n, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y);
int wpack_xnor_dense(const Node *n, const int32_t *x, const int32_t *w,
	const int32_t *bias, int32_t *y);

#endif
