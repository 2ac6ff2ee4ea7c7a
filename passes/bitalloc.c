/* bitalloc.c - chooses each weighted layer's weight width against a byte
 * budget (--flash-budget) or an accuracy drop (--max-drop); docs/
 * quantization.md has the details and the figures.
 *
 * requires: f32 layers (conv2d, dense) with constant weights, the
 *   activation q(...) of pass range, --calib (one f32 input).
 * guarantees: every such layer gets weight_bits in {1, 2, 3, 4, 8} (a width
 *   given in the source is kept); the same input gives the same widths.
 * maths: sensitivity: per layer l and width b, the network with only l's
 *   weights on the b-bit grid (the others float, activations on their
 *   grids) against the float network on the calibration samples: the mean
 *   squared error of the first output and its top-1. The predicted loss of
 *   an allocation is the base error plus the sum of the layers' increases.
 *   Allocation: dynamic programming over layers and a 1-byte grid of the
 *   packed weight bytes as the generic target's C stores them (pack_bytes
 *   of pack_sub_spec: each row padded to whole bytes; 3 bits stored as 4;
 *   each array a whole number of 32-bit words): exact for the
 *   additive prediction. The Pareto front's points are re-measured by
 *   quantizing the whole network and running the integer simulator.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "bitalloc.h"

static const int widths[NW] = {1, 2, 3, 4, 8};
/* Constants of an output channel the widths do not change: the int32
 * bias, the int32 multiplier and the 8-bit shift. */
#define CHANNEL_CONST_BYTES 9
/* Above this many bytes the DP's grid is coarser than one byte. */
#define DP_MAX_UNITS ((int64_t)1 << 22)

static int64_t argmax(const float *y, int64_t n)
{
	int64_t a = 0;
	for (int64_t i = 1; i < n; i++)
		a = y[i] > y[a] ? i : a;
	return a;
}

/* ---- the network with some layers' weights on their grid ---- */

/* Puts layer k of gq on the b-bit grid of its float weights w (b = 0:
 * float). */
static void set_layer(Graph *gq, const Options *o, int k, const float *w,
	int b)
{
	Node *n = gq->nodes[k];
	float *dst = n->in[1]->data;
	int64_t numel = type_numel(&n->in[1]->type);
	memcpy(dst, w, numel * sizeof *dst);
	if (b == 0)
		return;
	int64_t saved = attr_int(n, "weight_bits");
	node_attr(n, "weight_bits")->i = b;
	WeightGrid wg;
	if (wgrid_init(&wg, n, w, o) == 0) {
		for (int64_t i = 0; i < numel; i++)
			dst[i] = wgrid_nearest(&wg, i, w[i]) *
				wg.scale[wgrid_channel(&wg, i)];
		wgrid_free(&wg);
	}
	node_attr(n, "weight_bits")->i = saved;
}

void bitalloc_score_fq(const Alloc *a, Graph *gq, FqRun *r, double *mse,
	double *top1)
{
	double sse = 0;
	int64_t right = 0;
	for (int64_t s = 0; s < a->ns; s++) {
		fq_run(r, a->x + s * a->per, gq->nnodes - 1, 0);
		const float *y = fq_buffer(r, gq->outputs[0]);
		const float *f = a->ref + s * a->nout;
		for (int64_t i = 0; i < a->nout; i++)
			sse += ((double)y[i] - f[i]) * ((double)y[i] - f[i]);
		right += a->scores && argmax(y, a->nout) == a->label[s];
	}
	*mse = sse / a->ns;
	*top1 = 100.0 * right / a->ns;
}

/* ---- sensitivity: one job per (layer, width), on --jobs threads ---- */

typedef struct {
	Alloc *a;
	int next;               /* the next job; under lock */
	pthread_mutex_t lock;
} Jobs;

static void *sense_worker(void *arg)
{
	Jobs *jb = arg;
	Alloc *a = jb->a;
	Graph *gq = graph_clone(a->g);
	FqRun *r = fq_new(gq, 1);
	for (;;) {
		pthread_mutex_lock(&jb->lock);
		int job = jb->next++;
		pthread_mutex_unlock(&jb->lock);
		if (job >= a->nl * NW)
			break;
		Layer *l = &a->l[job / NW];
		int j = job % NW;
		const float *w = l->n->in[1]->data;
		set_layer(gq, a->o, l->k, w, widths[j]);
		bitalloc_score_fq(a, gq, r, &l->mse[j], &l->top1[j]);
		set_layer(gq, a->o, l->k, w, 0);
	}
	fq_free(r);
	graph_free(gq);
	return NULL;
}

static void sensitivity(Alloc *a)
{
	Graph *gq = graph_clone(a->g);
	FqRun *r = fq_new(gq, 1);
	bitalloc_score_fq(a, gq, r, &a->base_mse, &a->base_top1);
	fq_free(r);
	graph_free(gq);
	Jobs jb = {a, 0, PTHREAD_MUTEX_INITIALIZER};
	int nw = calibrate_jobs(a->o);
	if (nw > a->nl * NW)
		nw = a->nl * NW;
	pthread_t *tid = malloc(nw * sizeof *tid);
	char *started = calloc(nw, 1);
	if (!tid || !started)
		abort();
	for (int t = 1; t < nw; t++)
		started[t] = pthread_create(&tid[t], NULL, sense_worker, &jb) == 0;
	sense_worker(&jb);
	for (int t = 1; t < nw; t++)
		if (started[t])
			pthread_join(tid[t], NULL);
	free(tid);
	free(started);
}

/* ---- the allocation ---- */

/* A predicted cost, compared lexicographically: (loss, 0) for a byte
 * budget, (top-1 drop, loss) for an accuracy bound. */
typedef struct {
	double a, b;
} Cost;

static int cheaper(Cost x, Cost y)
{
	return x.a < y.a || (x.a == y.a && x.b < y.b);
}

typedef struct {
	int64_t unit;           /* bytes per step of the grid */
	int64_t nu;             /* steps 0..nu-1 */
	Cost *best;             /* the least cost of exactly u steps */
	unsigned char *choice;  /* nl * nu: layer l's width index at u */
	int *ok;                /* best[u] reachable */
} Dp;

static int64_t steps(const Dp *d, int64_t bytes)
{
	return (bytes + d->unit - 1) / d->unit;
}

static Cost layer_cost(const Alloc *a, const Layer *l, int j, int by_drop)
{
	double loss = l->mse[j] - a->base_mse;
	double drop = a->base_top1 - l->top1[j];
	return by_drop ? (Cost){drop, loss} : (Cost){loss, 0};
}

static int allowed(const Layer *l, int j)
{
	return !l->fixed || widths[j] == l->fixed;
}

/* best[u] over all layers, keeping each layer's choice to walk back. */
static void dp_solve(const Alloc *a, Dp *d, int by_drop)
{
	int64_t max = 0;
	for (int i = 0; i < a->nl; i++)
		max += a->l[i].bytes[NW - 1];
	d->unit = max > DP_MAX_UNITS ? (max + DP_MAX_UNITS - 1) / DP_MAX_UNITS :
		1;
	d->nu = 0;
	for (int i = 0; i < a->nl; i++)
		d->nu += steps(d, a->l[i].bytes[NW - 1]);
	d->nu++;
	d->best = malloc(d->nu * sizeof *d->best);
	Cost *next = malloc(d->nu * sizeof *next);
	d->ok = calloc(d->nu, sizeof *d->ok);
	int *nok = malloc(d->nu * sizeof *nok);
	d->choice = calloc((size_t)(a->nl > 0 ? a->nl : 1) * d->nu, 1);
	if (!d->best || !next || !d->ok || !nok || !d->choice)
		abort();
	d->best[0] = (Cost){0, 0};
	d->ok[0] = 1;
	for (int i = 0; i < a->nl; i++) {
		const Layer *l = &a->l[i];
		memset(nok, 0, d->nu * sizeof *nok);
		for (int64_t u = 0; u < d->nu; u++) {
			if (!d->ok[u])
				continue;
			for (int j = 0; j < NW; j++) {
				int64_t v = u + steps(d, l->bytes[j]);
				Cost c = layer_cost(a, l, j, by_drop);
				c.a += d->best[u].a;
				c.b += d->best[u].b;
				if (!allowed(l, j) || v >= d->nu ||
				    (nok[v] && !cheaper(c, next[v])))
					continue;
				next[v] = c;
				nok[v] = 1;
				d->choice[(size_t)i * d->nu + v] = (unsigned char)j;
			}
		}
		memcpy(d->best, next, d->nu * sizeof *next);
		memcpy(d->ok, nok, d->nu * sizeof *nok);
	}
	free(next);
	free(nok);
}

/* The widths (indices into widths[]) of the allocation ending at step u. */
static void dp_walk(const Alloc *a, const Dp *d, int64_t u, int *pick)
{
	for (int i = a->nl - 1; i >= 0; i--) {
		int j = d->choice[(size_t)i * d->nu + u];
		pick[i] = j;
		u -= steps(d, a->l[i].bytes[j]);
	}
}

static void dp_free(Dp *d)
{
	free(d->best);
	free(d->choice);
	free(d->ok);
}

/* The steps of the Pareto front: each u whose cost is below every smaller
 * u's; returns their count. */
static int dp_front(const Dp *d, int64_t *front)
{
	int nf = 0;
	for (int64_t u = 0; u < d->nu; u++)
		if (d->ok[u] && (nf == 0 || cheaper(d->best[u],
		    d->best[front[nf - 1]])))
			front[nf++] = u;
	return nf;
}

/* ---- measuring an allocation: quantize, then the integer simulator ---- */

typedef struct {
	int64_t bytes;          /* packed weight bytes */
	double mse, drop;       /* predicted: output mse, top-1 drop (points) */
	double top1, top1_mse;  /* measured: top-1 %, output mse */
	int *pick;              /* nl width indices */
} Point;

static void set_widths(Graph *g, const Alloc *a, const int *pick)
{
	for (int i = 0; i < a->nl; i++)
		attr_set_int(g, g->nodes[a->l[i].k], "weight_bits",
			widths[pick[i]]);
}

void bitalloc_score_int(const Alloc *a, Graph *q, double *top1, double *mse)
{
	Exec *e = exec_new(q);
	int64_t right = 0;
	double sse = 0;
	for (int64_t s = 0; s < a->ns; s++) {
		exec_fill(e, q->inputs[0], &a->data, s);
		exec_run(e);
		const float *y = exec_buffer(e, q->outputs[0]);
		const float *f = a->ref + s * a->nout;
		for (int64_t i = 0; i < a->nout; i++)
			sse += ((double)y[i] - f[i]) * ((double)y[i] - f[i]);
		right += a->scores && argmax(y, a->nout) == a->label[s];
	}
	exec_free(e);
	*top1 = 100.0 * right / a->ns;
	*mse = sse / a->ns;
}

/* Top-1 (%) and output mse of the whole network quantized at p's widths. */
static int measure(const Alloc *a, Point *p)
{
	Graph *q = graph_clone(a->g);
	set_widths(q, a, p->pick);
	if (pass_quantize(q, a->o) < 0) {
		graph_free(q);
		return -1;
	}
	bitalloc_score_int(a, q, &p->top1, &p->top1_mse);
	graph_free(q);
	return 0;
}

static int64_t pick_bytes(const Alloc *a, const int *pick)
{
	int64_t b = 0;
	for (int i = 0; i < a->nl; i++)
		b += a->l[i].bytes[pick[i]];
	return b;
}

static Point point_at(const Alloc *a, const Dp *d, int64_t u)
{
	Point p = {0};
	p.pick = malloc((a->nl + 1) * sizeof *p.pick);
	if (!p.pick)
		abort();
	dp_walk(a, d, u, p.pick);
	p.bytes = pick_bytes(a, p.pick);
	p.mse = a->base_mse;
	p.drop = a->float_top1_pct - a->base_top1;
	for (int i = 0; i < a->nl; i++) {
		p.mse += a->l[i].mse[p.pick[i]] - a->base_mse;
		p.drop += a->base_top1 - a->l[i].top1[p.pick[i]];
	}
	p.top1 = p.top1_mse = NAN;
	return p;
}

/* ---- the report (stderr) ---- */

static void print_layers(const Alloc *a)
{
	fprintf(stderr, "bitalloc: %d layers, %lld samples; alone at a width "
		"(others float): output mse, top-1 %%\n", a->nl,
		(long long)a->ns);
	fprintf(stderr, "bitalloc: base (float weights): mse %.6g, top-1 %.2f; "
		"float network %.2f\n", a->base_mse, a->base_top1,
		a->float_top1_pct);
	for (int i = 0; i < a->nl; i++) {
		const Layer *l = &a->l[i];
		fprintf(stderr, "bitalloc: %-24s", l->n->out->name);
		for (int j = 0; j < NW; j++)
			fprintf(stderr, "  w%d %lldB %.4g %.2f", widths[j],
				(long long)l->bytes[j], l->mse[j], l->top1[j]);
		fprintf(stderr, "%s\n", l->fixed ? "  (fixed)" : "");
	}
}

static void print_point(const Alloc *a, const Point *p, const char *mark)
{
	fprintf(stderr, "bitalloc: %1s %10lld %10lld %10.4g %7.2f %10.4g %7.2f "
		"%7.2f  ", mark, (long long)p->bytes, (long long)(p->bytes +
		a->consts), p->mse, p->drop, p->top1_mse, p->top1,
		a->float_top1_pct - p->top1);
	for (int i = 0; i < a->nl; i++)
		fprintf(stderr, "%s%d", i ? "," : "", widths[p->pick[i]]);
	fprintf(stderr, "\n");
}

static void print_front_head(const Alloc *a)
{
	fprintf(stderr, "bitalloc: Pareto front (bytes: packed weights, then "
		"with %lld bytes of per-channel constants; top-1 measured by the "
		"integer simulator; drop from float)\n", (long long)a->consts);
	fprintf(stderr, "bitalloc:   %10s %10s %10s %7s %10s %7s %7s  %s\n",
		"weights", "total", "pred-mse", "pred-dr", "mse", "top-1", "drop",
		"bits");
}

/* ---- setup ---- */

static int64_t out_channels(const Node *n)
{
	const Type *t = &n->out->type;
	return n->op == OP_CONV2D ? t->dims[1] : t->dims[t->rank - 1];
}

/* The layers, their bytes per width, and the per-channel constants. */
static int find_layers(Alloc *a)
{
	Graph *g = a->g;
	a->l = calloc(g->nnodes + 1, sizeof *a->l);
	if (!a->l)
		abort();
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		WeightGrid wg;
		if (!fq_is_layer(n) || wgrid_init(&wg, n, n->in[1]->data, a->o) < 0)
			continue;
		Layer *l = &a->l[a->nl++];
		l->n = n;
		l->k = k;
		l->oc = wg.oc;
		l->inner = wg.inner;
		wgrid_free(&wg);
		if (node_attr(n, "weight_bits")->set)
			l->fixed = (int)attr_int(n, "weight_bits");
		for (int j = 0; j < NW; j++) {
			/* the generated C's layout: rows of 1-4 bits padded to
			 * whole bytes (pack_sub_spec), 3 bits stored as 4 */
			int b = widths[j] == 1 ? 1 : widths[j] <= 2 ? 2 :
				widths[j] <= 4 ? 4 : 8;
			PackSpec s = b < 8 ? pack_sub_spec(b) :
				(PackSpec){PACK_OIHW, 1, 0, 8};
			/* emitted as whole 32-bit words (emit_bytes) */
			l->bytes[j] = (pack_bytes(&s, l->oc, l->inner) + 3) / 4 * 4;
		}
		if (l->fixed) {
			int ok = 0;
			for (int j = 0; j < NW; j++)
				ok |= widths[j] == l->fixed;
			if (!ok) {
				diag_error(n->loc, "%s '%s': bitalloc chooses among widths "
					"1, 2, 3, 4 and 8; weight_bits=%d is not one of them",
					op_info(n->op)->name, n->out->name, l->fixed);
				return -1;
			}
		}
		a->consts += CHANNEL_CONST_BYTES * out_channels(n);
	}
	if (a->nl == 0) {
		diag_fail("bitalloc: '%s' has no conv2d or dense with constant "
			"weights to allocate bits to", g->name);
		return -1;
	}
	return 0;
}

/* The labels: --calib-labels, else the float network's top-1. */
static int load_labels(Alloc *a)
{
	const Options *o = a->o;
	int64_t *lab = malloc((a->ns + 1) * sizeof *lab);
	if (!lab)
		abort();
	a->label = lab;
	if (!o->calib_labels) {
		memcpy(lab, a->float_top1, a->ns * sizeof *lab);
		return 0;
	}
	Npy y;
	if (npy_read(o->calib_labels, &y) < 0)
		return -1;
	int bad = y.numel != a->ns;
	for (int64_t s = 0; s < y.numel && !bad; s++) {
		double v = y.is_float ? y.f[s] : (double)y.i[s];
		bad = !(v >= 0 && v < a->nout && v == floor(v));
		lab[s < a->ns ? s : 0] = (int64_t)v;
	}
	npy_free(&y);
	if (bad) {
		diag_fail("%s: expected %lld class labels in [0, %lld), one per "
			"calibration sample", o->calib_labels, (long long)a->ns,
			(long long)a->nout);
		return -1;
	}
	return 0;
}

/* The samples and the float network's outputs on them. */
static int setup(Alloc *a)
{
	Graph *g = a->g;
	if (fq_load_samples(g, a->o->calib_path, &a->x, &a->ns) < 0 ||
	    npy_read(a->o->calib_path, &a->data) < 0)
		return -1;
	a->per = type_numel(&g->inputs[0]->type);
	const Type *t = &g->outputs[0]->type;
	a->nout = type_numel(t);
	a->scores = t->rank == 2 && t->dims[0] == 1 && t->dims[1] > 1;
	a->ref = malloc(a->ns * a->nout * sizeof *a->ref);
	a->float_top1 = malloc((a->ns + 1) * sizeof *a->float_top1);
	if (!a->ref || !a->float_top1)
		abort();
	FqRun *r = fq_new(g, 0);
	for (int64_t s = 0; s < a->ns; s++) {
		fq_run(r, a->x + s * a->per, g->nnodes - 1, 0);
		memcpy(a->ref + s * a->nout, fq_buffer(r, g->outputs[0]),
			a->nout * sizeof *a->ref);
		a->float_top1[s] = argmax(a->ref + s * a->nout, a->nout);
	}
	fq_free(r);
	if (a->o->max_drop >= 0 && !a->scores) {
		char buf[256];
		diag_fail("--max-drop needs class scores [1, C] as the first output, "
			"got %s", type_str(t, buf, sizeof buf));
		return -1;
	}
	if (load_labels(a) < 0 || find_layers(a) < 0)
		return -1;
	int64_t right = 0;
	for (int64_t s = 0; s < a->ns; s++)
		right += a->float_top1[s] == a->label[s];
	a->float_top1_pct = 100.0 * right / a->ns;
	return 0;
}

static void alloc_free(Alloc *a)
{
	free(a->l);
	free(a->x);
	npy_free(&a->data);
	free((void *)a->label);
	free(a->float_top1);
	free(a->ref);
}

/* ---- the choice ---- */

/* The front point within --flash-budget: the last, since the front's
 * predicted loss falls as its bytes grow. -1 after reporting. */
static int within_budget(const Alloc *a, const Dp *d, const int64_t *front,
	int nf)
{
	int64_t wbudget = a->o->flash_budget - a->consts;
	int best = -1;
	for (int i = 0; i < nf; i++)
		if (wbudget >= 0 && front[i] <= wbudget / d->unit)
			best = i;
	if (best < 0) {
		Point p = point_at(a, d, front[0]);
		diag_fail("--flash-budget %lld is below the smallest allocation: "
			"%lld bytes (%lld of weights, %lld of per-channel constants)",
			(long long)a->o->flash_budget, (long long)(p.bytes + a->consts),
			(long long)p.bytes, (long long)a->consts);
		free(p.pick);
	}
	return best;
}

/* The smallest front point whose predicted and measured top-1 drops are
 * within --max-drop (measured points go to pts[*np]). -1 after
 * reporting. */
static int within_drop(const Alloc *a, const Dp *d, const int64_t *front,
	int nf, Point *pts, int *np)
{
	double max = a->o->max_drop;
	for (int i = 0; i < nf && *np < FRONT_MAX; i++) {
		Point p = point_at(a, d, front[i]);
		if (p.drop > max) {
			free(p.pick);
			continue;
		}
		if (measure(a, &p) < 0) {
			free(p.pick);
			return -1;
		}
		pts[(*np)++] = p;
		if (a->float_top1_pct - p.top1 <= max)
			return *np - 1;
	}
	diag_fail("no allocation of the %d measured keeps the top-1 drop within "
		"%g points", *np, max);
	return -1;
}

/* Up to FRONT_MAX points spread over the front, measured, into pts. */
static int spread(const Alloc *a, const Dp *d, const int64_t *front, int nf,
	Point *pts, int *np)
{
	int want = nf < FRONT_MAX ? nf : FRONT_MAX, last = -1;
	for (int i = 0; i < want; i++) {
		int f = want > 1 ? (int)((int64_t)i * (nf - 1) / (want - 1)) : 0;
		if (f == last)
			continue;
		last = f;
		Point p = point_at(a, d, front[f]);
		if (measure(a, &p) < 0) {
			free(p.pick);
			return -1;
		}
		pts[(*np)++] = p;
	}
	return 0;
}

static int by_bytes(const void *x, const void *y)
{
	const Point *p = x, *q = y;
	return (p->bytes > q->bytes) - (p->bytes < q->bytes);
}

int pass_bitalloc(Graph *g, const Options *o)
{
	if (o->flash_budget <= 0 && o->max_drop < 0 && o->ram_budget <= 0) {
		diag_fail("the bitalloc pass needs --flash-budget, --max-drop or "
			"--ram-budget");
		return -1;
	}
	graph_compact(g);  /* clones keep g->nodes' order */
	Alloc a = {.g = g, .o = o};
	Dp d = {0};
	int64_t *front = NULL;
	Point pts[2 * FRONT_MAX + 1];
	int np = 0, chosen = -1, r = -1;
	if (setup(&a) < 0)
		goto out;
	if (o->ram_budget > 0 && bitalloc_acts(&a) < 0)
		goto out;
	if (o->flash_budget <= 0 && o->max_drop < 0) {
		r = 0;
		goto out;
	}
	sensitivity(&a);
	if (o->verbose)
		print_layers(&a);
	dp_solve(&a, &d, o->max_drop >= 0);
	front = malloc(d.nu * sizeof *front);
	if (!front)
		abort();
	int nf = dp_front(&d, front);
	if (o->max_drop >= 0) {
		chosen = within_drop(&a, &d, front, nf, pts, &np);
		if (chosen < 0)
			goto out;
	} else {
		int f = within_budget(&a, &d, front, nf);
		if (f < 0)
			goto out;
		pts[np] = point_at(&a, &d, front[f]);
		if (measure(&a, &pts[np]) < 0)
			goto out;
		chosen = np++;
	}
	int64_t chosen_bytes = pts[chosen].bytes;
	set_widths(g, &a, pts[chosen].pick);
	if (spread(&a, &d, front, nf, pts, &np) < 0)
		goto out;
	qsort(pts, np, sizeof *pts, by_bytes);
	print_front_head(&a);
	int64_t shown = -1;
	for (int i = 0; i < np; i++) {
		if (pts[i].bytes == shown)
			continue;  /* the same point measured twice */
		shown = pts[i].bytes;
		print_point(&a, &pts[i], pts[i].bytes == chosen_bytes ? "*" : "");
	}
	r = 0;
out:
	for (int i = 0; i < np; i++)
		free(pts[i].pick);
	free(front);
	dp_free(&d);
	alloc_free(&a);
	return r;
}
