/* bias_correction.c - removes each quantized layer's mean output error
 * through its bias (Nagel et al. 2019); docs/ptq.md has the details.
 *
 * requires: f32 weights; empirical form: --calib (and the activation q(...)
 *   of pass range, to include activation rounding); analytic form: BatchNorm
 *   statistics (bn_beta/bn_gamma left by fold_bn).
 * guarantees: each conv2d/dense it corrects gets a new bias `B_bc` (a zero
 *   bias first if it had none); nothing else changes. With data, the
 *   corrected network's output is never further from the float one on the
 *   calibration samples than the uncorrected one's (same measure).
 * maths: empirical: layer by layer, E[y_q - y] per channel of the
 *   pre-activation output over the samples, y_q from the simulated quantized
 *   network with earlier layers corrected, y from the float one; a
 *   correction is kept only if it brings the network's final output closer
 *   to the float one on the same samples (fewer top-1 changes for class
 *   scores, else a smaller squared error). Analytic:
 *   E[y_q - y] = (W_q - W) E[x], E[x_c] the mean of clamp(N(beta_c,
 *   gamma_c^2), act_min, act_max) of the producer; else the layer is left.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int64_t out_channels(const Node *n)
{
	const Type *t = &n->out->type;
	return n->op == OP_CONV2D ? t->dims[1] : t->dims[t->rank - 1];
}

/* Gives a layer without a bias a zero one, so that it can be corrected. */
static void add_bias(Graph *g, Node *n)
{
	char base[256];
	snprintf(base, sizeof base, "%s_b", n->in[1]->name);
	Type t = {.elem = DT_F32, .rank = 1, .dims = {out_channels(n)}};
	Value *b = graph_add_const(g, graph_fresh_name(g, base), &t,
		graph_alloc_data(g, &t), n->loc);
	Value **in = arena_alloc(&g->arena, 3 * sizeof *in);
	memcpy(in, n->in, n->nin * sizeof *in);
	in[2] = b;
	b->nuse++;
	n->in = in;
	n->nin = 3;
}

/* n's bias becomes a new constant `B_bc` holding b - delta. */
static void correct(Graph *g, Node *n, const double *delta)
{
	Value *b = n->in[2];
	char base[256];
	snprintf(base, sizeof base, "%s_bc", b->name);
	Value *nb = graph_add_const(g, graph_fresh_name(g, base), &b->type,
		graph_alloc_data(g, &b->type), n->loc);
	int64_t oc = type_numel(&b->type);
	for (int64_t c = 0; c < oc; c++)
		((float *)nb->data)[c] = (float)(((const float *)b->data)[c] -
			delta[c]);
	node_set_input(n, 2, nb);
}

/* Puts the weights of every layer of g on their quantization grid. */
static void quantize_weights(Graph *g, const Options *o)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		WeightGrid wg;
		if (!fq_is_layer(n) || wgrid_init(&wg, n, n->in[1]->data, o) < 0)
			continue;
		float *w = n->in[1]->data;
		int64_t numel = type_numel(&n->in[1]->type);
		for (int64_t i = 0; i < numel; i++)
			w[i] = wgrid_nearest(&wg, i, w[i]) *
				wg.scale[wgrid_channel(&wg, i)];
		wgrid_free(&wg);
	}
}

/* ---- empirical ---- */

/* Sums y per output channel into acc (conv NCHW: axis 1; dense: last). */
static void channel_sums(const Node *n, const float *y, double *acc, int sign)
{
	const Type *t = &n->out->type;
	int64_t numel = type_numel(t), oc = out_channels(n);
	int64_t inner = n->op == OP_CONV2D ? numel / t->dims[0] / oc : 1;
	for (int64_t i = 0; i < numel; i++)
		acc[(i / inner) % oc] += sign * (double)y[i];
}

static void set_clamp(Node *n, double lo, double hi, Attr *save)
{
	Attr *a = node_attr(n, "act_min"), *b = node_attr(n, "act_max");
	save[0] = *a;
	save[1] = *b;
	a->f = lo;
	b->f = hi;
}

static void restore_clamp(Node *n, const Attr *save)
{
	*node_attr(n, "act_min") = save[0];
	*node_attr(n, "act_max") = save[1];
}

/* How far the simulated quantized network's final output is from the
 * float network's `ref` over the samples: for class scores ([1, C], C > 1)
 * first the number of samples whose top-1 differs, then, for every output,
 * the squared error. */
typedef struct {
	int64_t differ;
	double sse;
} OutErr;

static OutErr output_error(FqRun *rq, const Graph *gq, const float *x,
	int64_t ns, int64_t per, const float *ref, int64_t nout)
{
	OutErr e = {0, 0};
	const Type *t = &gq->outputs[0]->type;
	int scores = t->rank == 2 && t->dims[0] == 1 && t->dims[1] > 1;
	for (int64_t s = 0; s < ns; s++) {
		fq_run(rq, x + s * per, gq->nnodes - 1, 0);
		const float *y = fq_buffer(rq, gq->outputs[0]);
		const float *r = ref + s * nout;
		int64_t ay = 0, ar = 0;
		for (int64_t i = 0; i < nout; i++) {
			double d = (double)y[i] - r[i];
			e.sse += d * d;
			ay = y[i] > y[ay] ? i : ay;
			ar = r[i] > r[ar] ? i : ar;
		}
		e.differ += scores && ay != ar;
	}
	return e;
}

static int better(OutErr a, OutErr b)
{
	return a.differ < b.differ || (a.differ == b.differ && a.sse < b.sse);
}

static int empirical(Graph *g, const Options *o)
{
	float *x;
	int64_t ns;
	if (fq_load_samples(g, o->calib_path, &x, &ns) < 0)
		return -1;
	int64_t per = type_numel(&g->inputs[0]->type);
	Graph *gf = graph_clone(g), *gq = graph_clone(g);
	quantize_weights(gq, o);
	FqRun *rf = fq_new(gf, 0), *rq = fq_new(gq, 1);
	/* the float network's outputs, against which a correction is judged */
	int64_t nout = type_numel(&g->outputs[0]->type);
	float *ref = malloc(ns * nout * sizeof *ref);
	if (!ref)
		abort();
	for (int64_t s = 0; s < ns; s++) {
		fq_run(rf, x + s * per, gf->nnodes - 1, 0);
		memcpy(ref + s * nout, fq_buffer(rf, gf->outputs[0]),
			nout * sizeof *ref);
	}
	OutErr err = output_error(rq, gq, x, ns, per, ref, nout);
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k], *nf = gf->nodes[k], *nq = gq->nodes[k];
		if (!fq_is_layer(n))
			continue;
		/* 1. the mean pre-activation error per channel */
		int64_t oc = out_channels(n);
		double *delta = calloc(oc, sizeof *delta);
		Attr sf[2], sq[2];
		set_clamp(nf, -INFINITY, INFINITY, sf);
		set_clamp(nq, -INFINITY, INFINITY, sq);
		for (int64_t s = 0; s < ns; s++) {
			fq_run(rf, x + s * per, k, 1);
			fq_run(rq, x + s * per, k, 1);
			channel_sums(n, fq_buffer(rq, nq->out), delta, 1);
			channel_sums(n, fq_buffer(rf, nf->out), delta, -1);
		}
		restore_clamp(nf, sf);
		restore_clamp(nq, sq);
		double count = (double)ns * (type_numel(&n->out->type) / oc);
		/* 2. out of the bias in the simulated network; kept only if the
		 * network's output comes closer to the float one */
		float *bq = nq->in[2]->data;
		float *old = malloc(oc * sizeof *old);
		if (!old)
			abort();
		memcpy(old, bq, oc * sizeof *old);
		double worst = 0;
		for (int64_t c = 0; c < oc; c++) {
			delta[c] /= count;
			bq[c] = (float)(bq[c] - delta[c]);
			worst = fmax(worst, fabs(delta[c]));
		}
		OutErr before = err;
		OutErr trial = output_error(rq, gq, x, ns, per, ref, nout);
		int keep = better(trial, err);
		if (keep) {
			correct(g, n, delta);
			err = trial;
		} else {
			memcpy(bq, old, oc * sizeof *old);
		}
		if (o->verbose)
			fprintf(stderr, "bias_correction: %s: largest mean error %g, "
				"top-1 changed %lld -> %lld of %lld, output error %g -> %g per "
				"sample, %s\n", n->out->name, worst, (long long)before.differ,
				(long long)trial.differ, (long long)ns, before.sse / ns,
				trial.sse / ns,
				keep ? "corrected" : "left");
		free(old);
		free(delta);
	}
	free(ref);
	fq_free(rf);
	fq_free(rq);
	graph_free(gf);
	graph_free(gq);
	free(x);
	return 0;
}

/* ---- analytic ---- */

/* E[clamp(X, lo, hi)] for X ~ N(mu, sigma^2). */
static double clamped_normal_mean(double mu, double sigma, double lo,
	double hi)
{
	if (sigma <= 0)
		return fmin(fmax(mu, lo), hi);
	double a = (lo - mu) / sigma, b = (hi - mu) / sigma;
	double Pa = isinf(a) ? (a < 0 ? 0 : 1) : 0.5 * erfc(-a / sqrt(2));
	double Pb = isinf(b) ? (b < 0 ? 0 : 1) : 0.5 * erfc(-b / sqrt(2));
	double pa = isinf(a) ? 0 : exp(-0.5 * a * a) / sqrt(2 * 3.14159265358979323846);
	double pb = isinf(b) ? 0 : exp(-0.5 * b * b) / sqrt(2 * 3.14159265358979323846);
	double m = mu * (Pb - Pa) + sigma * (pa - pb);
	if (!isinf(lo))
		m += lo * Pa;
	if (!isinf(hi))
		m += hi * (1 - Pb);
	return m;
}

/* The expected value of each input channel of n, from the BatchNorm
 * statistics of the layer producing it through mean-preserving views;
 * NULL if unknown. */
static double *input_means(const Node *n, int64_t *nc)
{
	const Value *v = n->in[0];
	while (v->kind == VAL_NODE && op_has(v->def->op, OPF_KEEPS_MEAN))
		v = v->def->in[0];
	if (v->kind != VAL_NODE || !op_has(v->def->op, OPF_LAYER))
		return NULL;
	const Node *p = v->def;
	int nb, ng;
	const double *beta = attr_floats(p, "bn_beta", &nb);
	const double *gamma = attr_floats(p, "bn_gamma", &ng);
	if (nb == 0 || nb != ng)
		return NULL;
	double lo = attr_float(p, "act_min"), hi = attr_float(p, "act_max");
	double *m = malloc(nb * sizeof *m);
	if (!m)
		abort();
	for (int c = 0; c < nb; c++)
		m[c] = clamped_normal_mean(beta[c], gamma[c], lo, hi);
	*nc = nb;
	return m;
}

static int analytic(Graph *g, const Options *o)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		int64_t nc;
		double *mean;
		WeightGrid wg;
		if (!fq_is_layer(n) || !(mean = input_means(n, &nc)))
			continue;
		const float *w = n->in[1]->data;
		int64_t numel = type_numel(&n->in[1]->type);
		if (wgrid_init(&wg, n, w, o) < 0 || numel % wg.oc) {
			free(mean);
			continue;
		}
		/* input index j of a channel's weights -> input channel */
		int64_t k_per = numel / wg.oc;
		int64_t ksz = n->op == OP_CONV2D ? k_per / n->in[1]->type.dims[1] : 1;
		int64_t icg = k_per / ksz, groups = n->op == OP_CONV2D ?
			attr_int(n, "groups") : 1;
		int64_t flat = icg * groups / nc;
		double *delta = calloc(wg.oc, sizeof *delta);
		if (flat >= 1 && icg * groups == nc * flat) {
			for (int64_t i = 0; i < numel; i++) {
				int64_t c = wgrid_channel(&wg, i);
				int64_t j = wg.trans ? i / wg.oc : i % wg.inner;
				int64_t ch = (c / (wg.oc / groups)) * icg + j / ksz;
				double err = wgrid_nearest(&wg, i, w[i]) * wg.scale[c] - w[i];
				delta[c] += err * mean[ch / flat];
			}
			if (n->nin < 3 || !n->in[2])
				add_bias(g, n);
			correct(g, n, delta);
			if (o->verbose)
				fprintf(stderr, "bias_correction: %s corrected from "
					"BatchNorm statistics\n", n->out->name);
		}
		free(delta);
		free(mean);
		wgrid_free(&wg);
	}
	return 0;
}

int pass_bias_correction(Graph *g, const Options *o)
{
	graph_compact(g);  /* clones keep g->nodes' order */
	if (!o->calib_path)
		return analytic(g, o);
	for (int k = 0; k < g->nnodes; k++)
		if (fq_is_layer(g->nodes[k]) &&
		    (g->nodes[k]->nin < 3 || !g->nodes[k]->in[2]))
			add_bias(g, g->nodes[k]);
	return empirical(g, o);
}
