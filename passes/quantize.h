/* quantize.h - what pass quantize (quantize.c) shares with the files that
 * hold more of its lowering rules (quantize_geo.c, quantize_pad.c,
 * quantize_reduce.c). Private to passes/. */
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
/* m ~= mult / 2^shift, mult in [2^30, 2^31), shift in [0, 62]
 * (docs/arith.md, section 3); -1 if m >= 2^31. */
int quant_mult(double m, int64_t *mult, int64_t *shift);
/* x rounded half away from zero. */
int64_t quant_round_away(double x);
/* The code of the real value v on t's per-tensor grid: zp + v / s
 * rounded half to even, clamped to t's range. */
int64_t quant_code(const Type *t, double v);
/* The integer node of a one-input op n (its qop, attributes copied,
 * input and output types from calibration); NULL with *r 1 to leave n
 * float, -1 on error. */
Node *quant_unary_qop(QuantCtx *c, Node *n, int *r);
/* The lowering of an op whose output keeps its input's q (views, max
 * pooling); 0 lowered, 1 left float, -1 error. */
int quant_same_q(QuantCtx *c, Node *n);

/* The other files' lowering rules; 0 lowered, 1 left float, -1 error */
int quant_lower_gather(QuantCtx *c, Node *n);         /* quantize_geo.c */
int quant_lower_pad(QuantCtx *c, Node *n);            /* quantize_pad.c */
int quant_lower_affine(QuantCtx *c, Node *n);
int quant_lower_reduce(QuantCtx *c, Node *n);         /* quantize_reduce.c */

#endif
