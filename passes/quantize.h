/* quantize.h - what pass quantize (quantize.c) shares with the files that
 * hold more of its lowering rules (quantize_geo.c). Private to passes/. */
#ifndef QCC_QUANTIZE_H
#define QCC_QUANTIZE_H

#include "ir.h"

typedef struct {
	Graph *g;
	const Options *o;
	int pos;          /* new nodes go before g->nodes[pos] (deferred) */
} QuantCtx;

/* quantize.c: the integer version of an activation or constant (NULL if it
 * has none); n's integer node (its qop) with n's attributes copied; n's
 * output now qn's (0, or -1 when qn's shape check fails). */
Value *quant_int_of(QuantCtx *c, Value *v);
Node *quant_emit_qop(QuantCtx *c, Node *n, Value **xq, int nin,
	const Type *yt);
int quant_lowered(QuantCtx *c, Node *n, Node *qn);

/* quantize_geo.c: lowering rules; 0 lowered, 1 left float, -1 error */
int quant_lower_gather(QuantCtx *c, Node *n);

#endif
