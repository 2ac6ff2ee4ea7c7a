/* fakequant.c - quantization simulated in float, for the passes that tune
 * a model before it is lowered (bias_correction, adaround).
 *
 * The weight grid is the one of docs/arith.md section 7: symmetric, per
 * output channel or per tensor, s = max|w| / qw (restricted range) or
 * max|w| / (qw + 0.5), rounded up to a power of two with --pow2-scales,
 * stored as float; w_q = clamp(round_half_even(w / s)). The runner executes
 * a float graph node by node like exec_run, and with `quant` set rounds
 * every f32 value that carries a q(...) (graph inputs and node outputs) to
 * its grid: (clamp(round_half_even(x / s) + zp) - zp) * s.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int wgrid_init(WeightGrid *wg, const Node *n, const float *w,
	const Options *o)
{
	const Type *t = &n->in[1]->type;
	memset(wg, 0, sizeof *wg);
	int64_t numel = type_numel(t);
	if (n->op == OP_DENSE) {
		wg->trans = attr_int(n, "trans_w") == 0;
		wg->oc = t->dims[wg->trans ? 1 : 0];
	} else {
		wg->oc = t->dims[0];
	}
	if (wg->oc <= 0 || numel % wg->oc)
		return -1;
	wg->inner = numel / wg->oc;
	int64_t bits = layer_weight_bits(n, o->weight_bits);  /* as quantize */
	if (bits < 1 || bits > 8)
		bits = 8;
	int32_t qw = (1 << (int)(bits - 1)) - 1;
	wg->binary = bits == 1;
	wg->qmax = wg->binary ? 1 : qw;
	wg->qmin = o->restricted_range || wg->binary ? -wg->qmax : -qw - 1;
	double denom = o->restricted_range ? (double)qw : qw + 0.5;
	wg->scale = malloc(wg->oc * sizeof *wg->scale);
	double *amax = calloc(wg->oc, sizeof *amax);
	if (!wg->scale || !amax)
		abort();
	/* binary: the mean |w| (quantize's binary_scales) */
	for (int64_t i = 0; i < numel; i++) {
		int64_t c = wgrid_channel(wg, i);
		amax[c] = wg->binary ? amax[c] + fabs(w[i]) / (double)wg->inner :
			fmax(amax[c], fabs(w[i]));
	}
	double all = 0;
	for (int64_t c = 0; c < wg->oc; c++)
		all = wg->binary ? all + amax[c] / (double)wg->oc :
			fmax(all, amax[c]);
	if (wg->binary)
		denom = 1;
	for (int64_t c = 0; c < wg->oc; c++) {
		double m = o->granularity == GRAN_PER_TENSOR ? all : amax[c];
		double s = m > 0 ? m / denom : 1.0;
		if (o->pow2_scales) {
			int e;
			if (frexp(s, &e) != 0.5)
				s = ldexp(1.0, e);
		}
		wg->scale[c] = (float)s;
	}
	free(amax);
	return 0;
}

void wgrid_free(WeightGrid *wg)
{
	free(wg->scale);
	wg->scale = NULL;
}

int64_t wgrid_channel(const WeightGrid *wg, int64_t i)
{
	return wg->trans ? i % wg->oc : i / wg->inner;
}

int32_t wgrid_nearest(const WeightGrid *wg, int64_t i, float w)
{
	if (wg->binary)
		return w < 0 ? -1 : 1;
	double q = nearbyint(w / (double)wg->scale[wgrid_channel(wg, i)]);
	return (int32_t)fmin(fmax(q, wg->qmin), wg->qmax);
}

/* ---- the runner ---- */

struct FqRun {
	Graph *g;
	Exec *e;
	const void **in;
	int quant;
};

FqRun *fq_new(Graph *g, int quant)
{
	FqRun *r = calloc(1, sizeof *r);
	int max_in = 1;
	for (int k = 0; k < g->nnodes; k++)
		if (g->nodes[k]->nin > max_in)
			max_in = g->nodes[k]->nin;
	if (!r || !(r->in = malloc(max_in * sizeof *r->in)))
		abort();
	r->g = g;
	r->e = exec_new(g);
	r->quant = quant;
	return r;
}

void fq_free(FqRun *r)
{
	if (!r)
		return;
	exec_free(r->e);
	free(r->in);
	free(r);
}

float *fq_buffer(FqRun *r, const Value *v)
{
	return exec_buffer(r->e, v);
}

static void round_to_grid(const Value *v, float *x)
{
	const QParams *q = &v->type.q;
	if (v->type.elem != DT_F32 || !q->present || q->n < 1)
		return;
	int32_t qmin = type_qmin(&v->type), qmax = type_qmax(&v->type);
	float s = q->scale[0];
	int32_t zp = q->zp[0];
	int64_t n = type_numel(&v->type);
	double lo = qmin, hi = qmax;
	for (int64_t i = 0; i < n; i++) {
		double k = nearbyintf(x[i] / s) + (double)zp;
		/* fmin(fmax(k, lo), hi) without the libm calls (NaN -> lo) */
		k = !(k >= lo) ? lo : k > hi ? hi : k;
		x[i] = (float)(k - zp) * s;
	}
}

void fq_run(FqRun *r, const float *input, int upto, int skip_last_q)
{
	Graph *g = r->g;
	float *x = exec_buffer(r->e, g->inputs[0]);
	memcpy(x, input, type_numel(&g->inputs[0]->type) * sizeof *x);
	if (r->quant)
		round_to_grid(g->inputs[0], x);
	for (int k = 0; k <= upto && k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < n->nin; i++)
			r->in[i] = n->in[i] ? exec_buffer(r->e, n->in[i]) : NULL;
		float *out = exec_buffer(r->e, n->out);
		op_info(n->op)->eval(n, r->in, out);
		if (r->quant && !(skip_last_q && k == upto))
			round_to_grid(n->out, out);
	}
}

int fq_load_samples(const Graph *g, const char *path, float **x, int64_t *n)
{
	Npy a;
	if (g->ninputs != 1 || g->inputs[0]->type.elem != DT_F32) {
		diag_fail("simulated quantization needs a model with one f32 "
			"input, got %d input%s", g->ninputs, g->ninputs == 1 ? "" : "s");
		return -1;
	}
	if (npy_read(path, &a) < 0)
		return -1;
	int64_t per = type_numel(&g->inputs[0]->type);
	if (a.rank < 1 || a.dims[0] < 1 || a.numel != a.dims[0] * per) {
		diag_fail("%s: expected samples of %lld elements along the first "
			"axis", path, (long long)per);
		npy_free(&a);
		return -1;
	}
	*n = a.dims[0];
	*x = malloc(a.numel * sizeof **x);
	if (!*x)
		abort();
	for (int64_t i = 0; i < a.numel; i++)
		(*x)[i] = a.is_float ? a.f[i] : (float)a.i[i];
	npy_free(&a);
	return 0;
}

/* A float conv2d/dense with constant float weights (and bias): a layer the
 * weight-tuning passes may change. */
int fq_is_layer(const Node *n)
{
	if (n->dead || !op_has(n->op, OPF_LAYER))
		return 0;
	const Value *w = n->in[1], *b = n->nin > 2 ? n->in[2] : NULL;
	return w->kind == VAL_CONST && w->type.elem == DT_F32 &&
		!w->type.q.present && (!b || (b->kind == VAL_CONST &&
		b->type.elem == DT_F32)) && n->out->type.elem == DT_F32;
}
