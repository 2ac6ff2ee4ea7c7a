/* bitalloc_act.c - chooses each activation's width, 8 or 16 bits, within
 * --ram-budget: the bytes of the generated C's arena (docs/quantization.md,
 * "Mixed-precision activations").
 *
 * requires: range has run (every activation with its own range has a
 *   per-tensor q(...) of 8 or 16 bits); bitalloc.c's samples (setup).
 * guarantees: every such activation gets bits 8 or 16 (the views and max
 *   pooling after it its q); the graph lowered by quantize has an arena,
 *   for o->target, within the budget; the same input gives the same widths.
 * maths: a tensor's width gives it the clipping range its estimator chose for
 *   that width's grid (range keeps both, g->alt): 8 bits asymmetric, 16
 *   symmetric. Gain of tensor t: the output mse with every activation at 8
 *   bits (weights float) minus that with t alone at 16; the predicted loss of
 *   a set S of 16-bit tensors is the all-8 loss minus the sum of their gains.
 *   The arena is not additive (the peak of the buffers live at one step, then
 *   memplan's placement), so the search is exact instead: depth first over
 *   the tensors in falling gain, 16 bits tried first, each set evaluated by
 *   lowering a copy and planning its memory as the C does. Two cuts keep it
 *   small: a set whose tensors' peak (no scratch) is over the budget is
 *   dropped with every set that widens more (the peak never falls when a
 *   tensor widens), and a branch whose gain, with every remaining positive
 *   gain added, cannot beat the best found. Up to 12 tensors no cut is made:
 *   all 2^n sets are evaluated, and the front printed whole.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "bitalloc.h"

/* The most sets the search evaluates before it stops (with a warning). */
#define ACT_MAX_EVALS 20000
/* Up to this many tensors neither cut is made: every set is evaluated, so
 * the printed front is the whole front, beyond the budget too. */
#define ACT_FULL_FRONT 12

typedef struct {
	const char *name;       /* the tensor (a name in g and in its clones) */
	float scale[2];         /* [0]: 8 bits, [1]: 16 bits */
	int32_t zp[2];
	double gain;            /* output mse saved at 16 bits (alone) */
} Act;

typedef struct {
	Alloc *a;
	Act *t;
	int nt;
	char *wide, *best;      /* nt flags: the set being tried, the best */
	double best_gain;
	int64_t best_arena;
	int found, evals;
	int full;               /* no gain cut (ACT_FULL_FRONT) */
	int64_t all8, all16;    /* arenas, for the report */
	/* every evaluated set within the budget, for the front */
	double *pt_gain;
	int64_t *pt_arena;
	char *pt_wide;          /* npt * nt flags */
	int npt, cap;
} Search;

/* Whether v is an activation with its own range: an input or a node
 * output with q(...), not a view or max pooling of another. */
static int own_range(const Value *v)
{
	if (v->type.elem != DT_F32 || !v->type.q.present || v->type.q.n != 1)
		return 0;
	if (v->kind == VAL_INPUT)
		return 1;
	return v->kind == VAL_NODE && !op_has(v->def->op, OPF_SAME_Q);
}

/* The grids of both widths of v: its own, and the other one range kept
 * (g->alt: the estimator on that width's grid); a range written in the
 * source, with no observations, keeps its ends on the other grid. */
static void both_grids(const Graph *g, const Options *o, const Value *v,
	Act *t)
{
	const QParams *q = &v->type.q;
	double s = q->scale[0];
	double lo = s * (type_qmin(&v->type) - q->zp[0]);
	double hi = s * (type_qmax(&v->type) - q->zp[0]);
	const AltGrid *alt = NULL;
	for (int i = 0; i < g->nalt && !alt; i++)
		if (strcmp(g->alt[i].name, v->name) == 0)
			alt = &g->alt[i];
	for (int w = 0; w < 2; w++) {
		int bits = w ? 16 : 8;
		QGrid grid = {-(1 << (bits - 1)), (1 << (bits - 1)) - 1,
			o->symmetric_acts || bits > 8, o->pow2_scales};
		if (q->bits == bits) {
			t->scale[w] = q->scale[0];
			t->zp[w] = q->zp[0];
		} else if (alt && alt->bits == bits) {
			t->scale[w] = alt->scale;
			t->zp[w] = alt->zp;
		} else {
			range_qparams(lo, hi, &grid, &t->scale[w], &t->zp[w]);
		}
	}
}

/* Sets g's activations to the widths wide[] (NULL: all 8 bits), the
 * views and max pooling after them following. */
static void set_acts(Graph *g, const Search *s, const char *wide)
{
	for (int i = 0; i < s->nt; i++) {
		Value *v = graph_find(g, s->t[i].name);
		int w = wide && wide[i];
		v->type.q.scale[0] = s->t[i].scale[w];
		v->type.q.zp[0] = s->t[i].zp[w];
		v->type.q.bits = w ? 16 : 8;
	}
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		Value *in = n->nin ? n->in[0] : NULL;
		if (n->dead || !op_has(n->op, OPF_SAME_Q) || !in ||
		    !in->type.q.present || !n->out->type.q.present ||
		    n->out->type.elem != DT_F32)
			continue;
		n->out->type.q.scale[0] = in->type.q.scale[0];
		n->out->type.q.zp[0] = in->type.q.zp[0];
		n->out->type.q.bits = in->type.q.bits;
	}
}

/* The arena of the C for a->g at widths wide[], and the tensors' peak;
 * -1 after reporting. */
static int64_t arena_of(Search *s, const char *wide, int64_t *peak)
{
	Graph *q = graph_clone(s->a->g);
	set_acts(q, s, wide);
	int64_t size = -1;
	if (pass_quantize(q, s->a->o) == 0) {
		graph_compact(q);
		size = emit_arena_bytes(q, s->a->o->target, peak);
	}
	graph_free(q);
	s->evals++;
	return size;
}

static void gains(Search *s)
{
	Alloc *a = s->a;
	Graph *gq = graph_clone(a->g);
	FqRun *r = fq_new(gq, 1);
	char *wide = calloc(s->nt + 1, 1);
	double base, top1;
	set_acts(gq, s, NULL);
	bitalloc_score_fq(a, gq, r, &base, &top1);
	for (int i = 0; i < s->nt; i++) {
		double mse;
		wide[i] = 1;
		set_acts(gq, s, wide);
		bitalloc_score_fq(a, gq, r, &mse, &top1);
		s->t[i].gain = base - mse;
		wide[i] = 0;
	}
	free(wide);
	fq_free(r);
	graph_free(gq);
}

static int by_gain(const void *x, const void *y)
{
	const Act *p = x, *q = y;
	if (p->gain != q->gain)
		return p->gain < q->gain ? 1 : -1;
	return strcmp(p->name, q->name);
}

static void keep_point(Search *s, double gain, int64_t arena)
{
	if (s->npt == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->pt_gain = realloc(s->pt_gain, s->cap * sizeof *s->pt_gain);
		s->pt_arena = realloc(s->pt_arena, s->cap * sizeof *s->pt_arena);
		s->pt_wide = realloc(s->pt_wide, (size_t)s->cap * s->nt);
		if (!s->pt_gain || !s->pt_arena || !s->pt_wide)
			abort();
	}
	s->pt_gain[s->npt] = gain;
	s->pt_arena[s->npt] = arena;
	memcpy(s->pt_wide + (size_t)s->npt * s->nt, s->wide, s->nt);
	s->npt++;
}

/* Decides tensors i.. given the set s->wide (within the peak) so far. */
static int search(Search *s, int i, double gain, const double *rest)
{
	if (!s->full && s->found && gain + rest[i] <= s->best_gain)
		return 0;
	if (s->evals >= ACT_MAX_EVALS)
		return 0;
	if (i == s->nt) {
		int64_t arena = arena_of(s, s->wide, NULL);
		if (arena < 0)
			return -1;
		if (s->full || arena <= s->a->o->ram_budget)
			keep_point(s, gain, arena);
		if (arena > s->a->o->ram_budget)
			return 0;
		if (!s->found || gain > s->best_gain ||
		    (gain == s->best_gain && arena < s->best_arena)) {
			s->found = 1;
			s->best_gain = gain;
			s->best_arena = arena;
			memcpy(s->best, s->wide, s->nt);
		}
		return 0;
	}
	s->wide[i] = 1;
	int64_t peak;
	if (arena_of(s, s->wide, &peak) < 0)
		return -1;
	if ((s->full || peak <= s->a->o->ram_budget) &&
	    search(s, i + 1, gain + s->t[i].gain, rest) < 0)
		return -1;
	s->wide[i] = 0;
	return search(s, i + 1, gain, rest);
}

/* The measured points of the front: the evaluated sets (all of them up
 * to ACT_FULL_FRONT tensors, else those within the budget) by arena, each
 * predicting less loss than every smaller one; FRONT_MAX spread over it,
 * and the choice. */
static void print_front(Search *s, double base)
{
	Alloc *a = s->a;
	int *order = malloc((s->npt + 1) * sizeof *order);
	if (!order)
		abort();
	int nf = 0;
	double top = -INFINITY;
	for (;;) {  /* selection by (arena, -gain): npt is small */
		int k = -1;
		for (int i = 0; i < s->npt; i++)
			if (s->pt_gain[i] > top && (k < 0 ||
			    s->pt_arena[i] < s->pt_arena[k] ||
			    (s->pt_arena[i] == s->pt_arena[k] &&
			     s->pt_gain[i] > s->pt_gain[k])))
				k = i;
		if (k < 0)
			break;
		order[nf++] = k;
		top = s->pt_gain[k];
	}
	fprintf(stderr, "bitalloc: activations: arena %lld bytes all 8-bit, "
		"%lld all 16-bit, budget %lld; %d tensors, %d sets evaluated; top-1 "
		"measured by the integer simulator\n", (long long)s->all8,
		(long long)s->all16, (long long)a->o->ram_budget, s->nt, s->evals);
	fprintf(stderr, "bitalloc:   %10s %10s %10s %7s %7s  %s\n", "arena",
		"pred-mse", "mse", "top-1", "drop", "16-bit");
	int want = nf < FRONT_MAX ? nf : FRONT_MAX, next = 0;
	for (int f = 0; f < nf; f++) {
		const char *w = s->pt_wide + (size_t)order[f] * s->nt;
		int spread = want > 1 ? f == (int)((int64_t)next * (nf - 1) /
			(want - 1)) : f == 0;
		next += spread;
		if (!spread && memcmp(w, s->best, s->nt))
			continue;
		Graph *q = graph_clone(a->g);
		set_acts(q, s, w);
		double top1 = NAN, mse = NAN;
		if (pass_quantize(q, a->o) == 0)
			bitalloc_score_int(a, q, &top1, &mse);
		graph_free(q);
		fprintf(stderr, "bitalloc: %1s %10lld %10.4g %10.4g %7.2f %7.2f  ",
			memcmp(w, s->best, s->nt) ? "" : "*",
			(long long)s->pt_arena[order[f]], base - s->pt_gain[order[f]],
			mse, top1, a->float_top1_pct - top1);
		int any = 0;
		for (int i = 0; i < s->nt; i++)
			if (w[i])
				fprintf(stderr, "%s%s", any++ ? "," : "", s->t[i].name);
		fprintf(stderr, "%s\n", any ? "" : "-");
	}
	free(order);
}

int bitalloc_acts(Alloc *a)
{
	Graph *g = a->g;
	Search s = {.a = a};
	s.t = calloc(g->nvalues + 1, sizeof *s.t);
	if (!s.t)
		abort();
	for (int i = 0; i < g->nvalues; i++)
		if (own_range(g->values[i])) {
			s.t[s.nt].name = g->values[i]->name;
			both_grids(g, a->o, g->values[i], &s.t[s.nt++]);
		}
	s.wide = calloc(s.nt + 1, 1);
	s.best = calloc(s.nt + 1, 1);
	double *rest = calloc(s.nt + 1, sizeof *rest);
	if (!s.wide || !s.best || !rest)
		abort();
	int r = -1;
	if ((s.all8 = arena_of(&s, NULL, NULL)) < 0)
		goto out;
	memset(s.wide, 1, s.nt);
	if ((s.all16 = arena_of(&s, s.wide, NULL)) < 0)
		goto out;
	memset(s.wide, 0, s.nt);
	if (a->o->ram_budget < s.all8) {
		diag_fail("--ram-budget %lld is below the smallest arena: %lld "
			"bytes, every activation at 8 bits", (long long)a->o->ram_budget,
			(long long)s.all8);
		goto out;
	}
	gains(&s);
	qsort(s.t, s.nt, sizeof *s.t, by_gain);
	for (int i = s.nt - 1; i >= 0; i--)
		rest[i] = rest[i + 1] + fmax(s.t[i].gain, 0);
	s.evals = 0;
	s.full = s.nt <= ACT_FULL_FRONT;
	if (search(&s, 0, 0, rest) < 0)
		goto out;
	if (s.evals >= ACT_MAX_EVALS)
		diag_warning((Loc){0}, "bitalloc: the activation search stopped "
			"after %d sets; the widths are the best found, not proven best",
			s.evals);
	double base, top1;
	Graph *gq = graph_clone(g);
	FqRun *fr = fq_new(gq, 1);
	set_acts(gq, &s, NULL);
	bitalloc_score_fq(a, gq, fr, &base, &top1);
	fq_free(fr);
	graph_free(gq);
	set_acts(g, &s, s.best);
	print_front(&s, base);
	r = 0;
out:
	free(rest);
	free(s.t);
	free(s.wide);
	free(s.best);
	free(s.pt_gain);
	free(s.pt_arena);
	free(s.pt_wide);
	return r;
}
