/* bitalloc.h - what the weight (bitalloc.c) and activation
 * (bitalloc_act.c) allocations share: the calibration samples, the float
 * network's outputs on them, and the integer simulator's score. */
#ifndef QCC_BITALLOC_H
#define QCC_BITALLOC_H

#include "ir.h"

#define NW 5                    /* weight widths: 1, 2, 3, 4, 8 */
/* The most front points re-measured and printed (plus the choice). */
#define FRONT_MAX 12

typedef struct {
	Node *n;                /* in g */
	int k;                  /* its index in g->nodes (and in the clones) */
	int64_t oc, inner;
	int fixed;              /* weight_bits given in the source: one choice */
	int64_t bytes[NW];      /* packed weight bytes at widths[j] */
	double mse[NW], top1[NW];  /* with this layer alone at widths[j] */
} Layer;

typedef struct {
	Graph *g;
	const Options *o;
	Layer *l;
	int nl;
	float *x;               /* ns samples of per floats */
	int64_t ns, per, nout;
	Npy data;               /* the same samples, for the integer simulator */
	const int64_t *label;   /* ns classes: --calib-labels, else the float
	                           network's top-1 */
	int64_t *float_top1;
	float *ref;             /* the float network's first output per sample */
	int scores;             /* the first output is [1, C] class scores */
	double base_mse, base_top1, float_top1_pct;
	int64_t consts;         /* per-channel constant bytes of all layers */
} Alloc;

/* Top-1 (%) and output mse of the lowered graph q over a's samples, run
 * by the integer simulator. */
void bitalloc_score_int(const Alloc *a, Graph *q, double *top1, double *mse);
/* Output mse and top-1 (%) of gq (a clone of a->g) with every value that
 * has a q(...) rounded to its grid (fq_new(gq, 1): r). */
void bitalloc_score_fq(const Alloc *a, Graph *gq, FqRun *r, double *mse,
	double *top1);
/* --ram-budget: each activation's width, 8 or 16, set on a->g. 0, or -1
 * after reporting. */
int bitalloc_acts(Alloc *a);

#endif
