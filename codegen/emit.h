/* emit.h - what the files of codegen/ share: the state of one C emission and
 * the helpers that print C. Private to codegen/.
 *
 * Every kernel is one `static void` function per node whose parameters are
 * the node's data inputs (const pointers, in order), its output pointer, and
 * a `void *scratch` when emit_scratch() asks for arena scratch. Weights and
 * other per-node constants are `static const` arrays named after the
 * function (FN_w, FN_c, ...), written just before it.
 */
#ifndef QCC_EMIT_H
#define QCC_EMIT_H

#include "ir.h"

typedef struct {
	Graph *g;
	const EmitOptions *o;
	FILE *f;              /* the .c being written */
	const char *prefix;   /* NAME */
	MemPlan plan;
	const Value *in;      /* the integer tensor the caller passes */
	const Value *out;     /* the integer tensor written for the caller */
	char *const_done;     /* per value id: its array has been written */
} Emit;

/* emit_c.c */
const char *emit_ctype(DType t);      /* int8_t, int16_t, int32_t, uint8_t */
int32_t emit_zp(const Value *v);      /* per-tensor zero point, 0 if none */
/* " - z", " + -z" or "" for z == 0: the text subtracting z (one of a few
 * rotating static buffers, for use within one printf). */
const char *emit_sub(int32_t z);
/* A comment line naming the node, its shapes and quantization. */
void emit_comment(Emit *e, const Node *n);
/* static const int8_t/uint8_t data, printed densely in hex words. */
void emit_bytes(Emit *e, const char *name, const int32_t *v, int64_t n,
	int is_signed);
/* static const CTYPE NAME[n] = {...} in decimal, many per line. */
void emit_ints(Emit *e, const char *ctype, const char *name, const int64_t *v,
	int64_t n);
/* The element count and per-dimension strides of a type (row-major). */
void emit_strides(const Type *t, int64_t *stride);

/* emit_conv.c: qconv2d; the scratch of qconv2d, qdense and qmatmul, and
 * the per-channel constants shared with emit_dense.c */
/* The multipliers, shifts and accumulator pre-shifts of qcc_requant32
 * (one entry, or one per output channel, as the node's mult). */
typedef struct {
	const int64_t *m, *s, *a;   /* a: acc is multiplied by 2^a first */
	int any_a;
} EmitReq32;
int64_t emit_conv_scratch(const Node *n);
int emit_qconv2d(Emit *e, const Node *n, const char *fn);
/* The data of constant input i as int32; NULL (reported) if computed. */
const int32_t *emit_const_data(const Node *n, int i, const char *what);
/* bias - zx * sum w per row of w[M][K] (malloc'ed); *wide if an int32 dot
 * product could overflow for some row. */
int64_t *emit_fold_bias(const Node *n, const int32_t *w, int64_t M,
	int64_t K, int *wide);
/* FN_c (the folded constants), and FN_m, FN_s (FN_a) of a per-channel
 * requantization, from the node or from r32 when not NULL. */
void emit_channel_consts(Emit *e, const Node *n, const char *fn,
	const int64_t *c, int64_t M, int wide, const EmitReq32 *r32);
/* Weights [M][K] as FN_w [M][Kp], zero padded. */
void emit_packed_weights(Emit *e, const char *fn, const int32_t *w,
	int64_t M, int64_t K, int64_t Kp);

/* emit_dense.c: qdense, qmatmul */
int emit_qdense(Emit *e, const Node *n, const char *fn);
int emit_qmatmul(Emit *e, const Node *n, const char *fn);

/* emit_elem.c: elementwise, pooling, movement, tables */
int emit_requantize(Emit *e, const Node *n, const char *fn);
int emit_qbinary(Emit *e, const Node *n, const char *fn);  /* qadd, qmul */
int emit_qconcat(Emit *e, const Node *n, const char *fn);
int emit_qmaxpool2d(Emit *e, const Node *n, const char *fn);
int emit_qavgpool2d(Emit *e, const Node *n, const char *fn);
int emit_qglobal_avgpool(Emit *e, const Node *n, const char *fn);
int emit_qlut(Emit *e, const Node *n, const char *fn);
int emit_qsoftmax(Emit *e, const Node *n, const char *fn);
int emit_transpose(Emit *e, const Node *n, const char *fn);

#endif
