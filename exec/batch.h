/* batch.h - kernels that run several images in one pass (exec_run_batch).
 * in[i] are image i's inputs, out[i] its output; 0 when done, -1 when the
 * node's shapes are not ones the batched kernel covers (exec_run_batch
 * then runs the images one by one). */
#ifndef QCC_BATCH_H
#define QCC_BATCH_H

#include "ir.h"

/* A float conv2d's weights packed once without its dead taps (exec/conv.c:
 * taps that read only the padding), or NULL when it has none to drop or
 * takes another path; pk may be NULL. The outputs are the same bits. */
typedef struct ConvPrep ConvPrep;
ConvPrep *conv2d_prepare(const Node *n, const float *w);
void conv2d_prep_free(ConvPrep *p);
int eval_conv2d_batch(const Node *n, const ConvPrep *pk,
	const void *const *const *in, void *const *out, int nb);
int eval_conv2d_act_batch(const Node *n, const ConvPrep *pk,
	const void *const *const *in, void *const *out, int nb);

int eval_dense_batch(const Node *n, const void *const *const *in,
	void *const *out, int nb);
int eval_dense_act_batch(const Node *n, const void *const *const *in,
	void *const *out, int nb);

#endif
