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

#endif
