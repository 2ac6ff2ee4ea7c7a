/* eval.c - `qcc eval`: where does accuracy go?
 *
 * Compiles a quantized copy of the model with the pass pipeline (the same
 * passes and options as `qcc MODEL --calib ...`), runs the float model and
 * the quantized one (the integer simulator) on every sample of --data, and
 * prints float accuracy, quantized accuracy, their top-1 agreement, and one
 * row per quantized tensor: its op, bits, scale, the fraction of the float
 * values outside the quantized range (clipped) and the SQNR of the
 * dequantized tensor against the float one,
 *     SQNR = 10 log10(sum x^2 / sum (x - deq(q))^2)  dB, over all samples.
 * A quantized value maps to the float value of the same name (quantize
 * keeps the names of the values it lowers), or without its `_q` suffix
 * (inputs, outputs and weights). Accuracy is the given model's; the
 * per-tensor reference is the model after the passes that precede
 * `observe` (BatchNorm folding, fusion), whose values carry the names the
 * quantized model inherits.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

typedef struct {
	const Value *qv;        /* integer value of the quantized graph */
	const Value *fv;        /* its float counterpart */
	double signal, noise;   /* sums of x^2 and (x - deq(q))^2 */
	int64_t clipped, count;
} Row;

typedef struct {
	const float *f;         /* float data, or NULL for integer data */
	const int64_t *i;
	int64_t n, per;         /* samples, elements per sample */
} Samples;

/* ---- data ---- */

static int load_data(const char *path, const Value *in, Npy *x, Samples *s)
{
	if (npy_read(path, x) < 0)
		return -1;
	if (x->rank == 0 || x->dims[0] == 0 || x->numel == 0) {
		diag_fail("%s: no samples, expected samples along the first axis",
			path);
		return -1;
	}
	s->n = x->dims[0];
	s->per = x->numel / s->n;
	if (s->per != type_numel(&in->type)) {
		char ty[TYPE_STR_MAX];
		diag_fail("%s: each sample has %lld elements, input '%s' : %s has "
			"%lld", path, (long long)s->per, in->name,
			type_str(&in->type, ty, sizeof ty),
			(long long)type_numel(&in->type));
		return -1;
	}
	s->f = x->is_float ? x->f : NULL;
	s->i = x->is_float ? NULL : x->i;
	for (int64_t k = 0; s->f && k < x->numel; k++) {
		if (!isfinite(s->f[k])) {
			diag_fail("%s: sample %lld contains %s", path,
				(long long)(k / s->per), isnan(s->f[k]) ? "NaN" : "inf");
			return -1;
		}
	}
	return 0;
}

static int load_labels(const char *path, int64_t n, Npy *y)
{
	if (npy_read(path, y) < 0)
		return -1;
	if (y->numel != n || (y->rank > 1 && y->numel != y->dims[0])) {
		diag_fail("%s: expected %lld labels (one per sample), found shape "
			"with %lld elements", path, (long long)n, (long long)y->numel);
		return -1;
	}
	return 0;
}

static void fill_input(Exec *e, const Value *in, const Samples *s, int64_t i)
{
	float *buf = exec_buffer(e, in);
	for (int64_t k = 0; k < s->per; k++)
		buf[k] = s->f ? s->f[i * s->per + k] : (float)s->i[i * s->per + k];
}

/* ---- values ---- */

/* The real value of element k of v's buffer. */
static double real_at(const Value *v, const void *buf, int64_t k)
{
	if (v->type.elem == DT_F32)
		return ((const float *)buf)[k];
	const QParams *q = &v->type.q;
	int c = 0;
	if (q->axis >= 0) {
		int64_t inner = 1;
		for (int d = q->axis + 1; d < v->type.rank; d++)
			inner *= v->type.dims[d];
		c = (int)(k / inner % v->type.dims[q->axis]);
	}
	int32_t x = ((const int32_t *)buf)[k];
	return (double)q->scale[c] * ((double)x - q->zp[c]);
}

static int argmax(const Value *v, const void *buf)
{
	int64_t n = type_numel(&v->type), best = 0;
	for (int64_t k = 1; k < n; k++)
		if (real_at(v, buf, k) > real_at(v, buf, best))
			best = k;
	return (int)best;
}

static const Value *float_twin(const Graph *f, const Value *qv)
{
	const Value *fv = graph_find(f, qv->name);
	size_t len = strlen(qv->name);
	if (!fv && len > 2 && strcmp(qv->name + len - 2, "_q") == 0) {
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(len - 2), qv->name);
		fv = graph_find(f, name);
	}
	if (!fv || fv->type.elem != DT_F32 ||
	    !type_same_shape(&fv->type, &qv->type))
		return NULL;
	return fv;
}

/* Quantized tensors with a float twin: activations and weights (8 bits and
 * fewer: int32 biases lose nothing worth a row). */
static Row *collect_rows(const Graph *f, const Graph *q, int *nrows)
{
	Row *rows = calloc(q->nvalues ? q->nvalues : 1, sizeof *rows);
	if (!rows)
		abort();
	int n = 0;
	for (int i = 0; i < q->nvalues; i++) {
		const Value *v = q->values[i];
		if (!dtype_is_int(v->type.elem) || !v->type.q.present ||
		    v->type.elem == DT_I32)
			continue;
		const Value *fv = float_twin(f, v);
		if (!fv)
			continue;
		rows[n].qv = v;
		rows[n].fv = fv;
		n++;
	}
	*nrows = n;
	return rows;
}

static void accumulate(Row *r, const void *fbuf, const void *qbuf)
{
	const Type *t = &r->qv->type;
	int64_t n = type_numel(t);
	const QParams *q = &t->q;
	int32_t qmin = type_qmin(t), qmax = type_qmax(t);
	int64_t inner = n;
	if (q->axis >= 0) {
		inner = 1;
		for (int d = q->axis + 1; d < t->rank; d++)
			inner *= t->dims[d];
	}
	for (int64_t k = 0; k < n; k++) {
		double x = ((const float *)fbuf)[k];
		double y = real_at(r->qv, qbuf, k);
		int c = q->axis >= 0 ? (int)(k / inner % t->dims[q->axis]) : 0;
		/* clipped: quantizing x saturates (it lies beyond the grid's
		 * ends by more than half a step) */
		double s = q->scale[c];
		double lo = s * ((double)qmin - q->zp[c] - 0.5);
		double hi = s * ((double)qmax - q->zp[c] + 0.5);
		r->signal += x * x;
		r->noise += (x - y) * (x - y);
		r->clipped += x < lo || x > hi;
	}
	r->count += n;
}

/* ---- report ---- */

static const char *op_of(const Value *v)
{
	if (v->kind == VAL_CONST)
		return "weight";
	return v->kind == VAL_NODE ? op_info(v->def->op)->name : "input";
}

static void print_rows(const Row *rows, int n)
{
	int w = 6;
	for (int i = 0; i < n; i++)
		if ((int)strlen(rows[i].qv->name) > w)
			w = (int)strlen(rows[i].qv->name);
	printf("%-*s  %-16s %4s  %-13s %8s %9s\n", w, "tensor", "op", "bits",
		"scale", "clipped", "SQNR dB");
	for (int i = 0; i < n; i++) {
		const Row *r = &rows[i];
		const Type *t = &r->qv->type;
		int bits = t->q.bits ? t->q.bits : dtype_bits(t->elem);
		char scale[32];
		if (t->q.n == 1)
			snprintf(scale, sizeof scale, "%.6g", t->q.scale[0]);
		else
			snprintf(scale, sizeof scale, "per-channel");
		double sqnr = r->noise > 0 ? 10 * log10(r->signal / r->noise) :
			INFINITY;
		printf("%-*s  %-16s %4d  %-13s %7.3f%% %9.2f\n", w, r->qv->name,
			op_of(r->qv), bits, scale,
			r->count ? 100.0 * r->clipped / r->count : 0.0, sqnr);
	}
}

static void print_summary(const Graph *g, const Options *o, int64_t n,
	int64_t ok_f, int64_t ok_q, int64_t agree)
{
	printf("model %s: %lld test samples, calibration %s\n", g->name,
		(long long)n, o->calib_path);
	printf("range %s, %d-bit %s activations, %d-bit %s weights%s\n",
		o->range_method ? o->range_method : "minmax", o->act_bits,
		o->symmetric_acts || o->act_bits > 8 ? "symmetric" : "asymmetric",
		o->weight_bits,
		o->granularity == GRAN_PER_CHANNEL ? "per-channel" : "per-tensor",
		o->pow2_scales ? ", power-of-two scales" : "");
	for (int i = 0; i < o->nrange_for; i++)
		printf("range for %s\n", o->range_for[i]);
	printf("float accuracy:     %6.2f%% (%lld/%lld)\n", 100.0 * ok_f / n,
		(long long)ok_f, (long long)n);
	printf("quantized accuracy: %6.2f%% (%lld/%lld)\n", 100.0 * ok_q / n,
		(long long)ok_q, (long long)n);
	printf("top-1 agreement:    %6.2f%% (%lld/%lld)\n\n", 100.0 * agree / n,
		(long long)agree, (long long)n);
}

/* ---- the run ---- */

/* The float reference: the default passes before observe (or, with
 * --passes, the listed ones before observe). */
static int float_prefix(Graph *f, const Options *o)
{
	Options fo = *o;
	char list[512] = "";
	size_t k = 0;
	if (o->passes) {
		const char *s = o->passes;
		while (*s) {
			size_t len = strcspn(s, ",");
			if (len == 7 && strncmp(s, "observe", 7) == 0)
				break;
			k += snprintf(list + k, sizeof list - k, "%s%.*s", k ? "," : "",
				(int)len, s);
			s += len + (s[len] == ',');
		}
	} else {
		for (int i = 0; i < pass_count(); i++) {
			const PassInfo *p = pass_at(i);
			if (strcmp(p->name, "observe") == 0)
				break;
			if (p->in_default)
				k += snprintf(list + k, sizeof list - k, "%s%s",
					k ? "," : "", p->name);
		}
	}
	if (!list[0] || k >= sizeof list)
		return 0;
	fo.passes = list;
	fo.print_after = NULL;
	fo.verbose = 0;
	return pipeline_run(f, &fo);
}

static int check_args(const Graph *g, const Options *o, const char *data,
	const char *labels)
{
	const char *missing = !o->calib_path ? "--calib FILE.npy" :
		!data ? "--data FILE.npy" : !labels ? "--labels FILE.npy" : NULL;
	if (missing) {
		diag_fail("qcc eval needs %s", missing);
		return -1;
	}
	if (g->ninputs != 1 || g->noutputs < 1 ||
	    g->inputs[0]->type.elem != DT_F32) {
		diag_fail("qcc eval needs a model with one f32 input and an output, "
			"'%s' has %d inputs and %d outputs", g->name, g->ninputs,
			g->noutputs);
		return -1;
	}
	return 0;
}

int eval_model(Graph *g, const Options *o, const char *data,
	const char *labels)
{
	if (check_args(g, o, data, labels) < 0)
		return -1;
	Npy x = {0}, y = {0};
	Samples s = {0};
	Graph *f = graph_clone(g), *q = graph_clone(g);
	Exec *eg = NULL, *ef = NULL, *eq = NULL;
	Row *rows = NULL;
	int nrows = 0, rc = -1;
	if (load_data(data, g->inputs[0], &x, &s) < 0 ||
	    load_labels(labels, s.n, &y) < 0 || float_prefix(f, o) < 0 ||
	    pipeline_run(q, o) < 0)
		goto done;

	rows = collect_rows(f, q, &nrows);
	eg = exec_new(g);
	ef = exec_new(f);
	eq = exec_new(q);
	int64_t ok_f = 0, ok_q = 0, agree = 0;
	for (int64_t i = 0; i < s.n; i++) {
		fill_input(eg, g->inputs[0], &s, i);
		fill_input(ef, f->inputs[0], &s, i);
		fill_input(eq, q->inputs[0], &s, i);
		exec_run(eg);
		exec_run(ef);
		exec_run(eq);
		int64_t label = y.is_float ? (int64_t)y.f[i] : y.i[i];
		int cf = argmax(g->outputs[0], exec_buffer(eg, g->outputs[0]));
		int cq = argmax(q->outputs[0], exec_buffer(eq, q->outputs[0]));
		ok_f += cf == label;
		ok_q += cq == label;
		agree += cf == cq;
		for (int r = 0; r < nrows; r++)
			if (rows[r].qv->kind != VAL_CONST || i == 0)
				accumulate(&rows[r], exec_buffer(ef, rows[r].fv),
					exec_buffer(eq, rows[r].qv));
	}
	print_summary(g, o, s.n, ok_f, ok_q, agree);
	print_rows(rows, nrows);
	rc = 0;
done:
	exec_free(eg);
	exec_free(ef);
	exec_free(eq);
	free(rows);
	graph_free(f);
	graph_free(q);
	npy_free(&x);
	npy_free(&y);
	return rc;
}
