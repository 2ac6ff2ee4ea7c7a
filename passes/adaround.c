/* adaround.c - learns whether each weight rounds up or down (AdaRound,
 * Nagel et al. 2020), layer by layer; docs/ptq.md has the details.
 *
 * requires: --calib; f32 weights; pass range has run (activation q(...)).
 * guarantees: each conv2d/dense gets weights `W_ada` exactly on quantize's
 *   grid (docs/arith.md section 7), so quantize reproduces the learnt
 *   integers; each channel's largest |w| keeps nearest rounding (scales stay);
 *   a layer that reconstructs worse than with nearest rounding keeps nearest.
 *   Reproducible: the PRNG is seeded by --seed.
 * maths: w = s (floor(w / s) + h(V)), h = clip(sigmoid(V)(zeta - gamma) +
 *   gamma, 0, 1); per sample loss sum (act(W x_q + b) - y_float)^2 with x_q
 *   the simulated quantized network's input, plus lambda sum(1 - |2h-1|^beta),
 *   beta 20 -> 2 after a 20% warm-up; Adam on V over random batches of output
 *   positions; at the end h >= 0.5 rounds up.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ir.h"

#define DEFAULT_ITERS 1000
#define ZETA 1.1
#define GAMMA -0.1
#define LAMBDA 0.01
#define WARMUP 0.2
#define BETA_START 20.0
#define BETA_END 2.0
#define LR 1e-2
#define ADAM_B1 0.9
#define ADAM_B2 0.999
#define ADAM_EPS 1e-8
#define BATCH_MACS (1 << 19)   /* multiply-adds per forward pass */
#define EVAL_ROWS 4096         /* rows of the final comparison */

/* One conv2d or dense as a matrix: output channel o of row r is
 * act(sum_j w[o][j] * patch(r)[group(o)][j] + b[o]). */
typedef struct {
	Node *n;
	int is_conv;
	int64_t oc, kdim;            /* weights [oc][kdim] */
	int64_t groups, icg, cin;    /* conv: cin = groups * icg */
	int64_t kh, kw, ih, iw, oh, ow;
	int64_t sh, sw, pt, pl, dh, dw;
	int64_t rows_per;            /* output rows per sample */
	int64_t in_per, out_per;     /* elements per sample */
	double lo, hi;               /* the fused clamp */
	float *w, *b;                /* float weights [oc][kdim], bias or NULL */
	WeightGrid wg;
	float *scale;                /* per output channel */
	float *base;                 /* floor(w / s) */
	signed char *fixed;          /* 1: keeps its nearest rounding */
	const float *x, *t;          /* inputs [N][in_per], targets [N][out_per] */
	int64_t nsamples;
} Layer;

typedef struct {
	uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* ---- the layer as a matrix ---- */

static int64_t widx(const Layer *l, int64_t o, int64_t j)
{
	/* position of w[o][j] in the graph's weight tensor */
	return l->wg.trans ? j * l->oc + o : o * l->kdim + j;
}

static int layer_init(Layer *l, Node *n, const Options *o)
{
	memset(l, 0, sizeof *l);
	l->n = n;
	const Type *wt = &n->in[1]->type, *xt = &n->in[0]->type;
	const Type *yt = &n->out->type;
	if (wgrid_init(&l->wg, n, n->in[1]->data, o) < 0)
		return -1;
	l->oc = l->wg.oc;
	l->kdim = type_numel(wt) / l->oc;
	l->in_per = type_numel(xt);
	l->out_per = type_numel(yt);
	if (n->op == OP_CONV2D) {
		if (xt->rank != 4 || xt->dims[0] != 1 || wt->rank != 4)
			return -1;
		const int64_t *st = attr_ints(n, "stride", NULL);
		const int64_t *pd = attr_ints(n, "pad", NULL);
		const int64_t *dl = attr_ints(n, "dilation", NULL);
		l->is_conv = 1;
		l->groups = attr_int(n, "groups");
		l->icg = wt->dims[1];
		l->kh = wt->dims[2], l->kw = wt->dims[3];
		l->cin = xt->dims[1], l->ih = xt->dims[2], l->iw = xt->dims[3];
		l->oh = yt->dims[2], l->ow = yt->dims[3];
		l->sh = st[0], l->sw = st[1], l->pt = pd[0], l->pl = pd[1];
		l->dh = dl[0], l->dw = dl[1];
		l->rows_per = l->oh * l->ow;
	} else {
		l->groups = 1;
		l->rows_per = l->out_per / l->oc;
		if (l->in_per != l->rows_per * l->kdim)
			return -1;
	}
	l->lo = attr_float(n, "act_min");
	l->hi = attr_float(n, "act_max");
	return 0;
}

/* The inputs of row r (sample, position) into p: [groups][kdim]. */
static void gather(const Layer *l, int64_t r, float *p)
{
	int64_t s = r / l->rows_per, pos = r % l->rows_per;
	const float *x = l->x + s * l->in_per;
	if (!l->is_conv) {
		memcpy(p, x + pos * l->kdim, l->kdim * sizeof *p);
		return;
	}
	int64_t oy = pos / l->ow, ox = pos % l->ow;
	int64_t y0 = oy * l->sh - l->pt, x0 = ox * l->sw - l->pl;
	if (y0 >= 0 && x0 >= 0 && y0 + (l->kh - 1) * l->dh < l->ih &&
	    x0 + (l->kw - 1) * l->dw < l->iw) {
		/* inside: no bounds to check */
		for (int64_t c = 0; c < l->cin; c++) {
			const float *xc = x + (c * l->ih + y0) * l->iw + x0;
			for (int64_t i = 0; i < l->kh; i++)
				for (int64_t j = 0; j < l->kw; j++)
					*p++ = xc[i * l->dh * l->iw + j * l->dw];
		}
		return;
	}
	for (int64_t c = 0; c < l->cin; c++)
		for (int64_t i = 0; i < l->kh; i++) {
			int64_t y = oy * l->sh - l->pt + i * l->dh;
			for (int64_t j = 0; j < l->kw; j++) {
				int64_t xx = ox * l->sw - l->pl + j * l->dw;
				int in = y >= 0 && y < l->ih && xx >= 0 && xx < l->iw;
				*p++ = in ? x[(c * l->ih + y) * l->iw + xx] : 0;
			}
		}
}

/* Row r's targets: channel o at t[o * *step]. */
static const float *targets(const Layer *l, int64_t r, int64_t *step)
{
	int64_t s = r / l->rows_per, pos = r % l->rows_per;
	const float *t = l->t + s * l->out_per;
	*step = l->is_conv ? l->rows_per : 1;
	return l->is_conv ? t + pos : t + pos * l->oc;
}

/* Pre-activations of the rows' patches p [nb][cin*kh*kw] under w. */
static void forward(const Layer *l, const float *w, const float *p, int nb,
	float *pre)
{
	int64_t ocg = l->oc / l->groups, stride = l->groups * l->kdim;
	for (int b = 0; b < nb; b++)
		for (int64_t o = 0; o < l->oc; o++) {
			const float *pp = p + b * stride + (o / ocg) * l->kdim;
			const float *ww = w + o * l->kdim;
			float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
			int64_t j = 0;
			for (; j + 4 <= l->kdim; j += 4) {
				a0 += ww[j] * pp[j];
				a1 += ww[j + 1] * pp[j + 1];
				a2 += ww[j + 2] * pp[j + 2];
				a3 += ww[j + 3] * pp[j + 3];
			}
			for (; j < l->kdim; j++)
				a0 += ww[j] * pp[j];
			pre[b * l->oc + o] = (l->b ? l->b[o] : 0) + (a0 + a1) + (a2 + a3);
		}
}

static double act(const Layer *l, double v)
{
	return fmin(fmax(v, l->lo), l->hi);
}

/* Per-sample reconstruction loss of weights w over the given rows. */
static double recon_loss(const Layer *l, const float *w, const int64_t *rows,
	int nrows, float *p, float *pre)
{
	double sum = 0;
	int64_t stride = l->groups * l->kdim;
	for (int b0 = 0; b0 < nrows; b0 += 64) {
		int nb = nrows - b0 < 64 ? nrows - b0 : 64;
		for (int b = 0; b < nb; b++)
			gather(l, rows[b0 + b], p + b * stride);
		forward(l, w, p, nb, pre);
		for (int b = 0; b < nb; b++) {
			int64_t step;
			const float *t = targets(l, rows[b0 + b], &step);
			for (int64_t o = 0; o < l->oc; o++) {
				double e = act(l, pre[b * l->oc + o]) - t[o * step];
				sum += e * e;
			}
		}
	}
	return sum / nrows * l->rows_per;
}

/* ---- optimisation ---- */

static double rect_sigmoid(double v, double *dh)
{
	double sg = 1 / (1 + exp(-v));
	double h = sg * (ZETA - GAMMA) + GAMMA;
	*dh = h > 0 && h < 1 ? (ZETA - GAMMA) * sg * (1 - sg) : 0;
	return fmin(fmax(h, 0), 1);
}

static void progress(const Options *o, const char *name, int li, int nl,
	int it, int iters)
{
	if (!o->progress || !isatty(2) || (it % 50 && it != iters))
		return;
	char bar[31];
	int fill = (int)(30LL * it / iters);
	for (int i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = 0;
	fprintf(stderr, "\radaround %d/%d [%s] %3d%% %s", li, nl, bar,
		(int)(100LL * it / iters), name);
	if (it == iters)
		fprintf(stderr, "\n");
}

/* Learns h for every weight; q holds the nearest integers on entry (kept
 * where fixed) and the learnt ones on return. */
static void optimise(Layer *l, const Options *o, Rng *rng, int li, int nl,
	int32_t *q)
{
	int64_t nw = l->oc * l->kdim, ocg = l->oc / l->groups;
	int64_t stride = l->groups * l->kdim;
	int iters = o->adaround_iters > 0 ? o->adaround_iters : DEFAULT_ITERS;
	int64_t per_row = l->oc * l->kdim;
	int nb = (int)(BATCH_MACS / (per_row > 0 ? per_row : 1));
	nb = nb < 32 ? 32 : nb > 1024 ? 1024 : nb;
	int64_t nrows = l->nsamples * l->rows_per;
	/* Adam's moments in double: in float they go subnormal (and slow) */
	double *m = calloc(nw, sizeof *m), *v2 = calloc(nw, sizeof *v2);
	float *V = malloc(nw * sizeof *V), *ws = malloc(nw * sizeof *ws);
	float *dh = malloc(nw * sizeof *dh), *hv = malloc(nw * sizeof *hv);
	float *grad = malloc(nw * sizeof *grad);
	float *p = malloc(nb * stride * sizeof *p);
	float *pre = malloc(nb * l->oc * sizeof *pre);
	int64_t *rows = malloc(nb * sizeof *rows);
	if (!V || !m || !v2 || !ws || !dh || !hv || !grad || !p || !pre || !rows)
		abort();
	for (int64_t i = 0; i < nw; i++) {
		double r = l->w[i] / l->scale[i / l->kdim] - l->base[i];
		double sg = (r - GAMMA) / (ZETA - GAMMA);
		sg = fmin(fmax(sg, 1e-6), 1 - 1e-6);
		V[i] = (float)log(sg / (1 - sg));
	}
	double b1t = 1, b2t = 1, t0 = WARMUP * iters;
	for (int it = 0; it < iters; it++) {
		double beta = it < t0 ? 0 : BETA_END + (BETA_START - BETA_END) *
			(1 - (it - t0) / (iters - t0));
		/* 1. soft weights */
		for (int64_t i = 0; i < nw; i++) {
			double d, h = rect_sigmoid(V[i], &d);
			double k = l->base[i] + h;
			if (l->fixed[i] || k < l->wg.qmin || k > l->wg.qmax) {
				k = l->fixed[i] ? q[i] : fmin(fmax(k, l->wg.qmin), l->wg.qmax);
				d = 0;
			}
			hv[i] = (float)h;
			dh[i] = (float)d;
			ws[i] = (float)(k * l->scale[i / l->kdim]);
			grad[i] = 0;
		}
		/* 2. a batch: forward, error through the clamp, weight gradient */
		for (int b = 0; b < nb; b++) {
			rows[b] = (int64_t)(rng_next(rng) % (uint64_t)nrows);
			gather(l, rows[b], p + b * stride);
		}
		forward(l, ws, p, nb, pre);
		double gscale = 2.0 * l->rows_per / nb;
		for (int b = 0; b < nb; b++) {
			int64_t step;
			const float *t = targets(l, rows[b], &step);
			for (int64_t c = 0; c < l->oc; c++) {
				double y = pre[b * l->oc + c];
				if (y <= l->lo || y >= l->hi)
					continue;
				float e = (float)(gscale * (y - t[c * step]));
				const float *pp = p + b * stride + (c / ocg) * l->kdim;
				float *gg = grad + c * l->kdim;
				for (int64_t j = 0; j < l->kdim; j++)
					gg[j] += e * pp[j];
			}
		}
		/* 3. chain to V, regulariser, Adam */
		b1t *= ADAM_B1;
		b2t *= ADAM_B2;
		for (int64_t i = 0; i < nw; i++) {
			if (dh[i] == 0)
				continue;
			double g = grad[i] * l->scale[i / l->kdim];
			if (beta > 0) {
				double u = 2 * hv[i] - 1;
				double du = u == 0 ? 0 : beta * pow(fabs(u), beta - 1) *
					(u > 0 ? 1 : -1);
				g += LAMBDA * -2 * du;
			}
			g *= dh[i];
			m[i] = ADAM_B1 * m[i] + (1 - ADAM_B1) * g;
			v2[i] = ADAM_B2 * v2[i] + (1 - ADAM_B2) * g * g;
			double mh = m[i] / (1 - b1t), vh = v2[i] / (1 - b2t);
			V[i] -= (float)(LR * mh / (sqrt(vh) + ADAM_EPS));
		}
		progress(o, l->n->out->name, li, nl, it + 1, iters);
	}
	for (int64_t i = 0; i < nw; i++) {
		double d, h = rect_sigmoid(V[i], &d);
		if (!l->fixed[i])
			q[i] = (int32_t)fmin(fmax(l->base[i] + (h >= 0.5), l->wg.qmin),
				l->wg.qmax);
	}
	free(V), free(m), free(v2), free(ws), free(dh), free(hv), free(grad);
	free(p), free(pre), free(rows);
}

/* Fills the grid of l: scales per row, floors, nearest integers in q, and
 * the weights that keep nearest rounding (each channel's largest). */
static void setup_grid(Layer *l, const float *w0, int32_t *q)
{
	int64_t nw = l->oc * l->kdim;
	l->w = malloc(nw * sizeof *l->w);
	l->scale = malloc(l->oc * sizeof *l->scale);
	l->base = malloc(nw * sizeof *l->base);
	l->fixed = calloc(nw, 1);
	if (!l->w || !l->scale || !l->base || !l->fixed)
		abort();
	for (int64_t c = 0; c < l->oc; c++) {
		l->scale[c] = l->wg.scale[c];
		double amax = 0;
		for (int64_t j = 0; j < l->kdim; j++)
			amax = fmax(amax, fabs(w0[widx(l, c, j)]));
		for (int64_t j = 0; j < l->kdim; j++) {
			int64_t i = c * l->kdim + j, gi = widx(l, c, j);
			l->w[i] = w0[gi];
			l->base[i] = (float)floor(w0[gi] / (double)l->scale[c]);
			q[i] = wgrid_nearest(&l->wg, gi, w0[gi]);
			l->fixed[i] = fabs(w0[gi]) == amax;
		}
	}
}

/* The layer's float weights as [oc][kdim] for the forward pass. */
static void weights_of(const Layer *l, const int32_t *q, float *w)
{
	for (int64_t i = 0; i < l->oc * l->kdim; i++)
		w[i] = (float)(q[i] * (double)l->scale[i / l->kdim]);
}

/* Rounds one layer; returns the integers [oc][kdim] chosen. */
static int32_t *round_layer(Layer *l, const Options *o, int li, int nl)
{
	int64_t nw = l->oc * l->kdim;
	int32_t *near = malloc(nw * sizeof *near), *q = malloc(nw * sizeof *q);
	if (!near || !q)
		abort();
	setup_grid(l, l->n->in[1]->data, near);
	memcpy(q, near, nw * sizeof *q);
	Rng rng = {o->seed * 0x100000001b3ULL + (uint64_t)li};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	optimise(l, o, &rng, li, nl, q);
	clock_gettime(CLOCK_MONOTONIC, &t1);

	/* never worse than nearest on the layer's own reconstruction */
	int64_t nrows = l->nsamples * l->rows_per;
	int ne = nrows < EVAL_ROWS ? (int)nrows : EVAL_ROWS;
	int64_t *rows = malloc(ne * sizeof *rows);
	float *w = malloc(nw * sizeof *w);
	float *p = malloc(64 * l->groups * l->kdim * sizeof *p);
	float *pre = malloc(64 * l->oc * sizeof *pre);
	if (!rows || !w || !p || !pre)
		abort();
	for (int i = 0; i < ne; i++)
		rows[i] = (int64_t)((double)i * nrows / ne);
	weights_of(l, near, w);
	double ln = recon_loss(l, w, rows, ne, p, pre);
	weights_of(l, q, w);
	double la = recon_loss(l, w, rows, ne, p, pre);
	int64_t flips = 0;
	for (int64_t i = 0; i < nw; i++)
		flips += q[i] != near[i];
	if (o->verbose)
		fprintf(stderr, "adaround: %s: loss %g -> %g, %lld of %lld weights "
			"round the other way%s (%.1f s)\n", l->n->out->name, ln, la,
			(long long)flips, (long long)nw, la > ln ? "; kept nearest" : "",
			(double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec));
	if (la > ln)
		memcpy(q, near, nw * sizeof *q);
	free(rows), free(w), free(p), free(pre), free(near);
	return q;
}

static void layer_free(Layer *l)
{
	free(l->w), free(l->scale), free(l->base), free(l->fixed);
	wgrid_free(&l->wg);
}

/* The layer's inputs in the simulated quantized network and its outputs in
 * the float network, for every calibration sample. */
static void collect(Layer *l, FqRun *rq, Graph *gq, FqRun *rf, Graph *gf,
	int k, const float *x, int64_t per, float *xs, float *ts)
{
	for (int64_t s = 0; s < l->nsamples; s++) {
		fq_run(rq, x + s * per, k - 1, 0);
		const Value *in = gq->nodes[k]->in[0];
		memcpy(xs + s * l->in_per, fq_buffer(rq, in),
			l->in_per * sizeof *xs);
		fq_run(rf, x + s * per, k, 0);
		memcpy(ts + s * l->out_per, fq_buffer(rf, gf->nodes[k]->out),
			l->out_per * sizeof *ts);
	}
}

/* g's weights of l become the constant `W_ada` holding q on the grid; the
 * simulated network's weights follow. */
static void commit(Graph *g, Layer *l, const int32_t *q, Graph *gq, int k)
{
	Node *n = l->n;
	Value *w = n->in[1];
	char base[256];
	snprintf(base, sizeof base, "%s_ada", w->name);
	Value *nw = graph_add_const(g, graph_fresh_name(g, base), &w->type,
		graph_alloc_data(g, &w->type), n->loc);
	float *d = nw->data, *dq = gq->nodes[k]->in[1]->data;
	for (int64_t c = 0; c < l->oc; c++)
		for (int64_t j = 0; j < l->kdim; j++) {
			int64_t i = widx(l, c, j);
			d[i] = dq[i] = (float)(q[c * l->kdim + j] * (double)l->scale[c]);
		}
	node_set_input(n, 1, nw);
}

int pass_adaround(Graph *g, const Options *o)
{
	if (!o->calib_path) {
		diag_fail("adaround needs calibration data (--calib)");
		return -1;
	}
	graph_compact(g);  /* clones keep g->nodes' order */
	float *x;
	int64_t ns;
	if (fq_load_samples(g, o->calib_path, &x, &ns) < 0)
		return -1;
	int64_t per = type_numel(&g->inputs[0]->type);
	Graph *gf = graph_clone(g), *gq = graph_clone(g);
	FqRun *rf = fq_new(gf, 0), *rq = fq_new(gq, 1);
	int nl = 0, li = 0;
	for (int k = 0; k < g->nnodes; k++)
		nl += fq_is_layer(g->nodes[k]);
	/* the simulated network starts with nearest rounding everywhere */
	for (int k = 0; k < gq->nnodes; k++) {
		Layer l;
		if (!fq_is_layer(gq->nodes[k]) || layer_init(&l, gq->nodes[k], o) < 0)
			continue;
		float *w = gq->nodes[k]->in[1]->data;
		for (int64_t i = 0; i < type_numel(&gq->nodes[k]->in[1]->type); i++)
			w[i] = wgrid_nearest(&l.wg, i, w[i]) *
				l.wg.scale[wgrid_channel(&l.wg, i)];
		wgrid_free(&l.wg);
	}
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		Layer l;
		if (!fq_is_layer(n))
			continue;
		li++;
		if (layer_init(&l, n, o) < 0 || l.wg.binary) {
			/* binary: no rounding to choose, the sign is the value */
			if (o->verbose)
				fprintf(stderr, "adaround: %s: %s, nearest rounding\n",
					n->out->name, l.wg.binary ? "binary weights" :
					"layout not supported");
			wgrid_free(&l.wg);
			continue;
		}
		l.b = n->nin > 2 && n->in[2] ? n->in[2]->data : NULL;
		l.nsamples = ns;
		float *xs = malloc(ns * l.in_per * sizeof *xs);
		float *ts = malloc(ns * l.out_per * sizeof *ts);
		if (!xs || !ts)
			abort();
		collect(&l, rq, gq, rf, gf, k, x, per, xs, ts);
		l.x = xs, l.t = ts;
		int32_t *q = round_layer(&l, o, li, nl);
		commit(g, &l, q, gq, k);
		free(q), free(xs), free(ts);
		layer_free(&l);
	}
	fq_free(rf), fq_free(rq);
	graph_free(gf), graph_free(gq);
	free(x);
	graph_compact(g);
	return 0;
}
