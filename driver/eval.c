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
 * `observe` (BatchNorm folding, fusion, --cle), whose values carry the
 * names and the channel scales the quantized model inherits.
 *
 * "local dB" is the SQNR of a node's output when its integer activation
 * inputs are the float network's values rounded to their grids (weights
 * and other constants as quantized): the error the node
 * adds itself, where SQNR is the error accumulated from the input on.
 * After the table come findings: the node where the SQNR falls the most
 * (below 20 dB) or, when no node is to blame alone, the layers that add
 * the most error on their own; the per-tensor activations on which whole channels
 * quantize to zero (their float range stays within half a step of it
 * while other channels need the range), and the tensors whose range clips
 * more than 1% of the values.
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
	/* the node alone on the float network's values (VAL_NODE rows) */
	void **lin;             /* an activation input's twin, rounded */
	const Value **ltwin;    /* that twin (NULL: the quantized run's input) */
	const void **lcall;     /* the inputs handed to the kernel */
	void *lout;
	double lnoise;
	/* per-tensor activations with channels (axis 1): max |x| of each */
	double *chmax;
	int64_t nch;
	/* a dense's weights kept [K, M] in float (trans_w=0) are [M, K] once
	 * quantized: K, else 0 */
	int64_t tr_k;
} Row;


/* ---- data ---- */

static int load_data(const char *path, const Value *in, Npy *x)
{
	if (npy_read(path, x) < 0)
		return -1;
	if (x->rank == 0 || x->dims[0] == 0 || x->numel == 0) {
		diag_fail("%s: no samples, expected samples along the first axis",
			path);
		return -1;
	}
	int64_t per = x->numel / x->dims[0];
	if (per != type_numel(&in->type)) {
		char ty[TYPE_STR_MAX];
		diag_fail("%s: each sample has %lld elements, input '%s' : %s has "
			"%lld", path, (long long)per, in->name,
			type_str(&in->type, ty, sizeof ty),
			(long long)type_numel(&in->type));
		return -1;
	}
	if (x->is_float && in->type.elem != DT_F32) {
		diag_fail("%s: input '%s' is %s and needs integer data, got "
			"floats", path, in->name, dtype_name(in->type.elem));
		return -1;
	}
	for (int64_t k = 0; x->is_float && k < x->numel; k++) {
		if (!isfinite(x->f[k])) {
			diag_fail("%s: sample %lld contains %s", path,
				(long long)(k / per), isnan(x->f[k]) ? "NaN" : "inf");
			return -1;
		}
	}
	return 0;
}

/* Every graph input's samples, as many in each file; 0 or -1. */
static int load_all(const Graph *g, const char **data, Npy *x)
{
	for (int i = 0; i < g->ninputs; i++) {
		if (load_data(data[i], g->inputs[i], &x[i]) < 0)
			return -1;
		if (x[i].dims[0] != x[0].dims[0]) {
			diag_fail("%s has %lld samples but %s has %lld", data[i],
				(long long)x[i].dims[0], data[0], (long long)x[0].dims[0]);
			return -1;
		}
	}
	return 0;
}

/* One label per sample, each a class index of the output: an integer in
 * [0, classes). */
static int load_labels(const char *path, int64_t n, int64_t classes, Npy *y)
{
	if (npy_read(path, y) < 0)
		return -1;
	if (y->numel != n || (y->rank > 1 && y->numel != y->dims[0])) {
		diag_fail("%s: expected %lld labels (one per sample), found shape "
			"with %lld elements", path, (long long)n, (long long)y->numel);
		return -1;
	}
	for (int64_t i = 0; i < n; i++) {
		double v = y->is_float ? (double)y->f[i] : (double)y->i[i];
		if (v >= 0 && v < (double)classes && v == floor(v))
			continue;
		if (y->is_float)
			diag_fail("%s: label %lld is %g; labels are class indices, "
				"integers from 0 to %lld", path, (long long)i, v,
				(long long)classes - 1);
		else
			diag_fail("%s: label %lld is %lld; labels are class indices, "
				"integers from 0 to %lld", path, (long long)i,
				(long long)y->i[i], (long long)classes - 1);
		return -1;
	}
	return 0;
}

static void fill_inputs(Exec *e, const Graph *g, const Npy *x, int64_t i)
{
	for (int k = 0; k < g->ninputs; k++)
		exec_fill(e, g->inputs[k], &x[k], i);
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

/* ---- one node on the float network's values ---- */

static void *alloc_like(const Value *v)
{
	void *p = malloc(type_numel(&v->type) * 4 + 4);
	if (!p)
		abort();
	return p;
}

/* What running r's node alone needs: each integer activation input's float
 * twin and a buffer for it rounded (filled by local_run; constants such as
 * weights stay the quantized ones), and a buffer for the output. */
static void local_setup(Row *r, const Graph *f)
{
	if (r->qv->kind != VAL_NODE)
		return;
	const Node *d = r->qv->def;
	r->lin = calloc(d->nin + 1, sizeof *r->lin);
	r->ltwin = calloc(d->nin + 1, sizeof *r->ltwin);
	r->lcall = calloc(d->nin + 1, sizeof *r->lcall);
	if (!r->lin || !r->ltwin || !r->lcall)
		abort();
	for (int k = 0; k < d->nin; k++) {
		const Value *u = d->in[k];
		if (u && u->kind != VAL_CONST && u->type.q.present &&
		    dtype_is_int(u->type.elem) && (r->ltwin[k] = float_twin(f, u)))
			r->lin[k] = alloc_like(u);
	}
	r->lout = alloc_like(r->qv);
}

/* x rounded to v's grid (per tensor or per axis), as `quantize` does. */
static void round_to(const Value *v, const float *x, int32_t *q)
{
	const Type *t = &v->type;
	const QParams *p = &t->q;
	int64_t n = type_numel(t), inner = n;
	if (p->axis >= 0) {
		inner = 1;
		for (int d = p->axis + 1; d < t->rank; d++)
			inner *= t->dims[d];
	}
	double lo = type_qmin(t), hi = type_qmax(t);
	for (int64_t k = 0; k < n; k++) {
		int c = p->axis >= 0 ? (int)(k / inner % t->dims[p->axis]) : 0;
		double y = nearbyint(x[k] / p->scale[c]) + p->zp[c];
		q[k] = (int32_t)(y < lo ? lo : y > hi ? hi : y);
	}
}

/* Runs r's node with each integer input that has a float twin replaced by
 * the twin's values rounded to the input's grid (other inputs as the
 * quantized run left them), and adds the output's error to r->lnoise. */
static void local_run(Row *r, Exec *ef, Exec *eq)
{
	const Node *d = r->qv->def;
	const void **in = r->lcall;
	for (int k = 0; k < d->nin; k++) {
		const Value *u = d->in[k];
		if (r->ltwin[k]) {
			round_to(u, exec_buffer(ef, r->ltwin[k]), r->lin[k]);
			in[k] = r->lin[k];
		} else {
			in[k] = u ? exec_buffer(eq, u) : NULL;
		}
	}
	op_info(d->op)->eval(d, in, r->lout);
	const float *x = exec_buffer(ef, r->fv);
	int64_t n = type_numel(&r->qv->type);
	for (int64_t k = 0; k < n; k++) {
		double e = x[k] - real_at(r->qv, r->lout, k);
		r->lnoise += e * e;
	}
}

/* Per value of f (by id): K when it is the [K, M] weight matrix of a
 * dense with trans_w=0 (quantize stores it [M, K]), else 0. One walk. */
static int64_t *transposed_ks(const Graph *f)
{
	int64_t *k = calloc(f->nvalues + 1, sizeof *k);
	if (!k)
		abort();
	for (int i = 0; i < f->nnodes; i++) {
		const Node *n = f->nodes[i];
		const Value *w = n->nin > 1 ? n->in[1] : NULL;
		if (!n->dead && n->op == OP_DENSE && w && w->kind == VAL_CONST &&
		    w->type.rank == 2 && w->id < f->nvalues &&
		    attr_int(n, "trans_w") == 0)
			k[w->id] = w->type.dims[0];
	}
	return k;
}

/* Quantized tensors with a float twin: activations and weights (8 bits and
 * fewer: int32 biases lose nothing worth a row). */
static Row *collect_rows(const Graph *f, const Graph *q, int *nrows)
{
	Row *rows = calloc(q->nvalues ? q->nvalues : 1, sizeof *rows);
	if (!rows)
		abort();
	int n = 0;
	int64_t *tr_k = transposed_ks(f);
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
		rows[n].tr_k = fv->id < f->nvalues ? tr_k[fv->id] : 0;
		local_setup(&rows[n], f);
		if (v->kind != VAL_CONST && v->type.q.n == 1 && v->type.rank >= 2 &&
		    v->type.dims[1] > 1) {
			rows[n].nch = v->type.dims[1];
			rows[n].chmax = calloc(rows[n].nch, sizeof *rows[n].chmax);
			if (!rows[n].chmax)
				abort();
		}
		n++;
	}
	free(tr_k);
	*nrows = n;
	return rows;
}

static void free_rows(Row *rows, int n)
{
	for (int i = 0; rows && i < n; i++) {
		const Node *d = rows[i].qv->kind == VAL_NODE ? rows[i].qv->def : NULL;
		for (int k = 0; d && k < d->nin; k++)
			free(rows[i].lin[k]);
		free(rows[i].lin);
		free(rows[i].ltwin);
		free(rows[i].lcall);
		free(rows[i].lout);
		free(rows[i].chmax);
	}
	free(rows);
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
	/* element k's float index fk = k % tr_k * (n / tr_k) + k / tr_k, its
	 * scale's channel c = k / inner % (its axis' size) and its reported
	 * channel ch = k / run % nch, kept by counters (a division per
	 * element was a fifth of `qcc eval`) */
	int64_t axis_len = q->axis >= 0 ? t->dims[q->axis] : 1;
	int64_t run = r->chmax ? n / t->dims[0] / r->nch : 1;
	int64_t fa = 0, fb = 0, ci = 0, chi = 0, ch = 0;
	int c = 0;
	for (int64_t k = 0; k < n; k++) {
		int64_t fk = r->tr_k ? fa * (n / r->tr_k) + fb : k;
		double x = ((const float *)fbuf)[fk];
		double y = real_at(r->qv, qbuf, k);
		/* clipped: quantizing x saturates (it lies beyond the grid's
		 * ends by more than half a step) */
		double s = q->scale[c];
		double lo = s * ((double)qmin - q->zp[c] - 0.5);
		double hi = s * ((double)qmax - q->zp[c] + 0.5);
		r->signal += x * x;
		r->noise += (x - y) * (x - y);
		r->clipped += x < lo || x > hi;
		if (r->chmax)
			r->chmax[ch] = fmax(r->chmax[ch], fabs(x));
		if (r->tr_k && ++fa == r->tr_k) {
			fa = 0;
			fb++;
		}
		if (++ci == inner) {
			ci = 0;
			c = c + 1 == axis_len ? 0 : c + 1;
		}
		if (r->chmax && ++chi == run) {
			chi = 0;
			ch = ch + 1 == r->nch ? 0 : ch + 1;
		}
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

static double sqnr_db(double signal, double noise)
{
	return noise > 0 ? 10 * log10(signal / noise) : INFINITY;
}

static void print_rows(const Row *rows, int n)
{
	int w = 6;
	for (int i = 0; i < n; i++)
		if ((int)strlen(rows[i].qv->name) > w)
			w = (int)strlen(rows[i].qv->name);
	printf("%-*s  %-16s %4s  %-13s %8s %9s %9s\n", w, "tensor", "op",
		"bits", "scale", "clipped", "SQNR dB", "local dB");
	for (int i = 0; i < n; i++) {
		const Row *r = &rows[i];
		const Type *t = &r->qv->type;
		int bits = t->q.bits ? t->q.bits : dtype_bits(t->elem);
		char scale[32];
		if (t->q.n == 1)
			snprintf(scale, sizeof scale, "%.6g", t->q.scale[0]);
		else
			snprintf(scale, sizeof scale, "per-channel");
		char local[32] = "";
		if (r->lin)
			snprintf(local, sizeof local, "%9.2f", sqnr_db(r->signal,
				r->lnoise));
		printf("%-*s  %-16s %4d  %-13s %7.3f%% %9.2f %s\n", w, r->qv->name,
			op_of(r->qv), bits, scale,
			r->count ? 100.0 * r->clipped / r->count : 0.0,
			sqnr_db(r->signal, r->noise), local);
	}
}

static const Row *row_of(const Row *rows, int n, const Value *v)
{
	for (int i = 0; i < n; i++)
		if (rows[i].qv == v)
			return &rows[i];
	return NULL;
}

/* Channels of a per-tensor activation that quantize to zero although the
 * float network gives them values (0 < max |x| < half a step). */
static int64_t lost_channels(const Row *r)
{
	double s = r->qv->type.q.scale[0];
	int64_t lost = 0;
	for (int64_t c = 0; r->chmax && c < r->nch; c++)
		lost += r->chmax[c] > 0 && r->chmax[c] < s / 2;
	return lost;
}

static void print_lost(const Row *r, int index)
{
	double lo = INFINITY, hi = 0;
	for (int64_t c = 0; c < r->nch; c++) {
		if (r->chmax[c] > 0)
			lo = fmin(lo, r->chmax[c]);
		hi = fmax(hi, r->chmax[c]);
	}
	printf("  %d. %s: %lld of %lld channels stay within half a step (%.3g) "
		"of zero and quantize to zero; the channels' largest |x| range "
		"from %.3g to %.3g, more than one per-tensor scale can hold. "
		"--cle equalizes the channels of the layers around it\n", index,
		r->qv->name, (long long)lost_channels(r), (long long)r->nch,
		r->qv->type.q.scale[0] / 2, lo, hi);
}

/* Where the signal is lost: among the nodes whose output SQNR is below
 * 20 dB (an error over a tenth of the signal) and 6 dB or more below
 * their lowest input's, the one with the largest fall, or NULL; *from is
 * that input's SQNR, *input its row. */
static const Row *largest_drop(const Row *rows, int n, double *from,
	const Row **input)
{
	const Row *worst = NULL;
	double drop = 6;
	for (int i = 0; i < n; i++) {
		const Row *r = &rows[i], *lowest = NULL;
		if (r->qv->kind != VAL_NODE)
			continue;
		double in = INFINITY;
		for (int k = 0; k < r->qv->def->nin; k++) {
			const Row *u = r->qv->def->in[k] ? row_of(rows, n,
				r->qv->def->in[k]) : NULL;
			if (u && u->qv->kind != VAL_CONST &&
			    sqnr_db(u->signal, u->noise) < in) {
				in = sqnr_db(u->signal, u->noise);
				lowest = u;
			}
		}
		double out = sqnr_db(r->signal, r->noise);
		if (lowest && out < 20 && in - out >= drop) {
			drop = in - out;
			*from = in;
			*input = lowest;
			worst = r;
		}
	}
	return worst;
}

/* The weights of r's node (its constant integer input with a row). */
static const Row *weights_of(const Row *rows, int n, const Row *r)
{
	for (int k = 0; k < r->qv->def->nin; k++) {
		const Value *u = r->qv->def->in[k];
		if (u && u->kind == VAL_CONST && row_of(rows, n, u))
			return row_of(rows, n, u);
	}
	return NULL;
}

/* When r's weights have an SQNR within 3 dB of r's own (local) one,
 * their rounding is most of r's error: says so. */
static void weights_hint(const Row *rows, int n, const Row *r)
{
	const Row *w = weights_of(rows, n, r);
	if (!w || sqnr_db(w->signal, w->noise) >=
	    sqnr_db(r->signal, r->lnoise) + 3)
		return;
	const Type *t = &w->qv->type;
	printf("; the rounding of %s's %d-bit weights (SQNR %.2f dB) is most "
		"of its error: --adaround, or more --weight-bits", r->qv->name,
		t->q.bits ? t->q.bits : dtype_bits(t->elem),
		sqnr_db(w->signal, w->noise));
}

/* When the output ends below 20 dB without one node to blame: the three
 * nodes that add the most error on their own. 1 if reported. */
static int weakest(const Row *rows, int n, int index)
{
	const Row *out = NULL;
	for (int i = 0; i < n; i++)
		if (rows[i].qv->kind == VAL_NODE)
			out = &rows[i];
	if (!out || sqnr_db(out->signal, out->noise) >= 20)
		return 0;
	const Row *pick[3] = {NULL, NULL, NULL};
	for (int i = 0; i < n; i++) {
		const Row *r = &rows[i];
		if (!r->lin || !weights_of(rows, n, r))
			continue;
		double l = sqnr_db(r->signal, r->lnoise);
		for (int j = 0; j < 3; j++) {
			if (!pick[j] || l < sqnr_db(pick[j]->signal, pick[j]->lnoise)) {
				for (int m = 2; m > j; m--)
					pick[m] = pick[m - 1];
				pick[j] = r;
				break;
			}
		}
	}
	if (!pick[0])
		return 0;
	printf("  %d. the error builds up: the output's SQNR is %.2f dB; the "
		"layers that add the most on their own:", index,
		sqnr_db(out->signal, out->noise));
	for (int j = 0; j < 3 && pick[j]; j++) {
		const Row *w = weights_of(rows, n, pick[j]);
		printf("%s %s %.2f dB (its weights %.2f dB)", j ? "," : "",
			pick[j]->qv->name, sqnr_db(pick[j]->signal, pick[j]->lnoise),
			sqnr_db(w->signal, w->noise));
	}
	weights_hint(rows, n, pick[0]);
	printf("\n");
	return 1;
}

static void print_findings(const Row *rows, int n)
{
	int k = 0;
	printf("\nfindings:\n");
	double from = 0;
	const Row *input = NULL, *worst = largest_drop(rows, n, &from, &input);
	if (worst) {
		k++;
		printf("  %d. the largest loss: %s (%s) has SQNR %.2f dB against "
			"%.2f dB at its input %s (%.2f dB alone on the float "
			"network's values rounded to their grids)", k,
			worst->qv->name, op_of(worst->qv),
			sqnr_db(worst->signal, worst->noise), from, input->qv->name,
			sqnr_db(worst->signal, worst->lnoise));
		if (lost_channels(input))
			printf("; %lld channels of %s quantize to zero (below)",
				(long long)lost_channels(input), input->qv->name);
		weights_hint(rows, n, worst);
		printf("\n");
	} else {
		k += weakest(rows, n, k + 1);
	}
	for (int i = 0; i < n; i++)
		if (lost_channels(&rows[i]))
			print_lost(&rows[i], ++k);
	for (int i = 0; i < n; i++) {
		const Row *r = &rows[i];
		if (r->count && r->clipped * 100 > r->count) {
			k++;
			printf("  %d. %s: %.2f%% of the values lie beyond the "
				"quantized range and saturate; a range estimator that "
				"clips less (--range-for %s=minmax) keeps them\n", k,
				r->qv->name, 100.0 * r->clipped / r->count, r->fv->name);
		}
	}
	if (!k)
		printf("  none: no node falls below 20 dB SQNR, no channel "
			"quantizes to zero, no tensor clips more than 1%% of its "
			"values\n");
}

static void print_summary(const Graph *g, const Options *o, int64_t n,
	const Value *scored, int64_t ok_f, int64_t ok_q, int64_t agree)
{
	printf("model %s: %lld test samples, calibration %s", g->name,
		(long long)n, o->calib_path);
	for (int i = 1; i < o->ncalib; i++)
		printf(", %s", o->calib_paths[i]);
	printf("\n");
	if (g->noutputs > 1)
		printf("scored output: '%s' (of %d outputs; --score NAME picks "
			"another)\n", scored->name, g->noutputs);
	printf("range %s, %d-bit %s activations, %d-bit %s weights%s\n",
		o->range_method ? o->range_method : "minmax", o->act_bits,
		o->symmetric_acts || o->act_bits > 8 ? "symmetric" : "asymmetric",
		o->weight_bits,
		o->granularity == GRAN_PER_CHANNEL ? "per-channel" : "per-tensor",
		o->pow2_scales ? ", power-of-two scales" : "");
	for (int i = 0; i < o->nrange_for; i++)
		printf("range for %s\n", o->range_for[i]);
	for (int i = 0; i < o->nact_bits_for; i++)
		printf("activation bits %s\n", o->act_bits_for[i]);
	printf("float accuracy:     %6.2f%% (%lld/%lld)\n", 100.0 * ok_f / n,
		(long long)ok_f, (long long)n);
	printf("quantized accuracy: %6.2f%% (%lld/%lld)\n", 100.0 * ok_q / n,
		(long long)ok_q, (long long)n);
	printf("top-1 agreement:    %6.2f%% (%lld/%lld)\n\n", 100.0 * agree / n,
		(long long)agree, (long long)n);
}

/* ---- the run ---- */

/* The float reference: the passes of the pipeline before observe (BatchNorm
 * folding, fusion, and --cle, whose float function is the model's), or
 * with --passes the listed ones before observe. */
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
			if (pass_in_pipeline(p, o))
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

/* The index of the scored output, or -1 after reporting. */
static int check_args(const Graph *g, const Options *o, int ndata,
	const char *labels, const char *score)
{
	const char *missing = !o->calib_path && !o->data_free ?
		"--calib FILE.npy (or --range bn, data-free)" :
		!ndata ? "--data FILE.npy" : !labels ? "--labels FILE.npy" : NULL;
	if (missing) {
		diag_fail("qcc eval needs %s", missing);
		return -1;
	}
	if (g->ninputs < 1 || g->noutputs < 1) {
		diag_fail("qcc eval needs a model with inputs and an output, "
			"'%s' has %d inputs and %d outputs", g->name, g->ninputs,
			g->noutputs);
		return -1;
	}
	if (ndata != g->ninputs) {
		diag_fail("the model has %d input%s but %d --data file%s given; "
			"give one --data FILE.npy per input, in graph order",
			g->ninputs, g->ninputs == 1 ? "" : "s", ndata,
			ndata == 1 ? " was" : "s were");
		return -1;
	}
	for (int i = 0; i < g->noutputs; i++)
		if (!score || strcmp(score, g->outputs[i]->name) == 0)
			return i;
	diag_fail("--score %s: the model has no output of that name", score);
	return -1;
}

int eval_model(Graph *g, const Options *o, const char **data, int ndata,
	const char *labels, const char *score)
{
	int out = check_args(g, o, ndata, labels, score);
	if (out < 0)
		return -1;
	Npy *x = calloc(g->ninputs, sizeof *x), y = {0};
	if (!x)
		abort();
	Graph *f = graph_clone(g), *q = graph_clone(g);
	Exec *eg = NULL, *ef = NULL, *eq = NULL;
	Row *rows = NULL;
	int nrows = 0, rc = -1;
	if (load_all(g, data, x) < 0 ||
	    load_labels(labels, x[0].dims[0],
	    type_numel(&g->outputs[out]->type), &y) < 0 ||
	    float_prefix(f, o) < 0 ||
	    pipeline_run(q, o) < 0)
		goto done;

	rows = collect_rows(f, q, &nrows);
	eg = exec_new(g);
	ef = exec_new(f);
	eq = exec_new(q);
	int64_t ok_f = 0, ok_q = 0, agree = 0;
	int64_t n = x[0].dims[0];
	for (int64_t i = 0; i < n; i++) {
		fill_inputs(eg, g, x, i);
		fill_inputs(ef, f, x, i);
		fill_inputs(eq, q, x, i);
		exec_run(eg);
		exec_run(ef);
		exec_run(eq);
		int64_t label = y.is_float ? (int64_t)y.f[i] : y.i[i];
		int cf = argmax(g->outputs[out], exec_buffer(eg, g->outputs[out]));
		int cq = argmax(q->outputs[out], exec_buffer(eq, q->outputs[out]));
		ok_f += cf == label;
		ok_q += cq == label;
		agree += cf == cq;
		for (int r = 0; r < nrows; r++)
			if (rows[r].qv->kind != VAL_CONST || i == 0)
				accumulate(&rows[r], exec_buffer(ef, rows[r].fv),
					exec_buffer(eq, rows[r].qv));
		for (int r = 0; r < nrows; r++)
			if (rows[r].lin)
				local_run(&rows[r], ef, eq);
	}
	print_summary(g, o, n, g->outputs[out], ok_f, ok_q, agree);
	print_rows(rows, nrows);
	print_findings(rows, nrows);
	rc = 0;
done:
	exec_free(eg);
	exec_free(ef);
	exec_free(eq);
	free_rows(rows, nrows);
	graph_free(f);
	graph_free(q);
	for (int i = 0; i < g->ninputs; i++)
		npy_free(&x[i]);
	free(x);
	npy_free(&y);
	return rc;
}
