/* calibrate.c - runs the float graph over calibration data and records, on
 * each observe node, what its tensor held.
 *
 * --calib FILE.npy holds samples along its first axis; sample i is one run
 * of the graph (its element count must equal the input's). Two sweeps: the
 * first records extremes, element and exact-zero counts, and for observers
 * with method=ce feeding a softmax a reservoir sample of rows along the
 * softmax axis; the second fills a 2048-bin histogram over the span the
 * extremes give (range_hist_span: 0 is a bin edge).
 *
 * Samples are independent: --jobs N (Options.jobs; 0: QCC_JOBS, else the
 * online CPUs) runs them on N threads, each with its own interpreter over a
 * contiguous run of samples and its own extremes, counts and histograms,
 * merged in sample order. Every statistic merged is exact whatever the
 * split (min and max of values with -0 read as +0, integer counts), so the
 * observations are bit-identical to one thread's. Each thread runs
 * --batch samples in step (exec_run_batch: the same values as one at a
 * time), so that a layer's weights are read once for them. The reservoir of softmax
 * rows draws one random stream in sample order: a sweep that keeps rows
 * runs on one thread.
 *
 * requires: observe nodes (pass observe); --calib unless there are none.
 * guarantees: every observe node carries min, max, count, zeros, hist_lo,
 *   hist_hi, hist (and row_len, rows); the graph is otherwise unchanged.
 *   Earlier observations are replaced.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"

#define MAX_ROWS 512          /* reservoir of softmax rows per observer */
#define MAX_ROW_VALUES 65536  /* ... and of values */

typedef struct {
	Node *node;
	double min, max;
	int64_t count, zeros;
	int64_t bad_sample;     /* first sample giving NaN or inf, or -1 */
	double hist_lo, hist_hi;
	int64_t *hist;
	/* rows along a softmax axis: row_len values inner apart */
	int row_len, cap, nrows;
	int64_t inner, seen_rows;
	double *rows;
} Stat;

/* One thread's share of a Stat over its samples. */
typedef struct {
	double min, max;
	int64_t count, zeros;
	int64_t bad_sample;
	int64_t *hist;          /* RANGE_HIST_BINS; sweep 2 */
} Part;

typedef struct {
	Stat *stat;
	int nstat;
	int *by_node;           /* node id -> index in stat, or -1 */
	int sweep;              /* 1: extremes and rows, 2: histograms */
	uint64_t rng;
	/* the samples (one array per graph input), and the progress of all
	 * threads */
	const Graph *g;
	const Npy *x;
	const Options *o;
	int64_t done, total;
	pthread_mutex_t lock;
} Calib;

typedef struct Worker Worker;

/* One interpreter of a thread, and the sample it holds. */
typedef struct {
	Worker *w;
	int64_t sample;
} Lane;

/* One thread: its interpreters (nb samples in step, exec_run_batch), its
 * samples [lo, hi) and its Parts. */
struct Worker {
	Calib *c;
	Exec *e[EXEC_MAX_BATCH];
	Lane lane[EXEC_MAX_BATCH];
	int nb;
	int64_t lo, hi;
	int keep_rows;          /* the only thread: it fills the reservoirs */
	Part *part;             /* nstat */
};

static uint64_t next_random(Calib *c)
{
	c->rng ^= c->rng << 13;
	c->rng ^= c->rng >> 7;
	c->rng ^= c->rng << 17;
	return c->rng;
}

static void keep_rows(Calib *c, Stat *s, const float *x, int64_t numel)
{
	int64_t outer = numel / ((int64_t)s->row_len * s->inner);
	for (int64_t o = 0; o < outer; o++) {
		for (int64_t i = 0; i < s->inner; i++) {
			int64_t slot = s->nrows < s->cap ? s->nrows :
				(int64_t)(next_random(c) % (uint64_t)(s->seen_rows + 1));
			s->seen_rows++;
			if (slot >= s->cap)
				continue;
			if (s->nrows < s->cap)
				s->nrows++;
			const float *src = x + o * s->row_len * s->inner + i;
			double *dst = s->rows + slot * s->row_len;
			for (int k = 0; k < s->row_len; k++)
				dst[k] = src[k * s->inner];
		}
	}
}

static void hook(void *user, const Node *n, const Value *v, const void *out)
{
	const Lane *l = user;
	Worker *w = l->w;
	Calib *c = w->c;
	if (!n || n->op != OP_OBSERVE)
		return;
	Stat *s = &c->stat[c->by_node[n->id]];
	Part *p = &w->part[c->by_node[n->id]];
	const float *x = out;
	int64_t numel = type_numel(&v->type);
	if (c->sweep == 2) {
		range_hist_add(p->hist, RANGE_HIST_BINS, s->hist_lo, s->hist_hi, x,
			numel);
		return;
	}
	for (int64_t k = 0; k < numel; k++) {
		if (!isfinite(x[k])) {
			if (p->bad_sample < 0)
				p->bad_sample = l->sample;
			return;
		}
		double xv = (double)x[k] + 0.0;   /* -0 is +0: order-free */
		p->min = fmin(p->min, xv);
		p->max = fmax(p->max, xv);
		p->zeros += x[k] == 0;
	}
	p->count += numel;
	if (s->cap > 0 && w->keep_rows)
		keep_rows(c, s, x, numel);
}

/* softmax[v->id]: the first live softmax reading v (NULL: none), for
 * observers estimated by ce; one walk. NULL if out of memory. */
static const Node **softmax_readers(const Graph *g)
{
	const Node **sm = calloc(g->nvalues + 1, sizeof *sm);
	for (int k = g->nnodes - 1; sm && k >= 0; k--) {
		const Node *u = g->nodes[k];
		if (!u->dead && u->op == OP_SOFTMAX && u->in[0])
			sm[u->in[0]->id] = u;
	}
	return sm;
}

/* The softmax reading n's output, if n's method is ce. */
static const Node *softmax_after(const Node **softmax, const Node *n)
{
	RangeMethod m;
	if (range_method_parse(attr_str(n, "method"), &m) < 0 || m.kind != RM_CE)
		return NULL;
	return softmax[n->out->id];
}

static void init_stat(Graph *g, const Node **softmax, Stat *s, Node *n)
{
	memset(s, 0, sizeof *s);
	s->node = n;
	s->min = INFINITY;
	s->max = -INFINITY;
	s->bad_sample = -1;
	/* in the arena, where write_back leaves it as n's hist */
	s->hist = arena_alloc(&g->arena, (RANGE_HIST_BINS + 1) * sizeof *s->hist);
	const Node *sm = softmax_after(softmax, n);
	const Type *t = &n->out->type;
	if (!sm || t->rank == 0)
		return;
	int axis = (int)attr_int(sm, "axis");
	if (axis < 0)
		axis += t->rank;
	if (axis < 0 || axis >= t->rank || t->dims[axis] > MAX_ROW_VALUES ||
	    t->dims[axis] == 0)
		return;
	s->row_len = (int)t->dims[axis];
	s->inner = 1;
	for (int i = axis + 1; i < t->rank; i++)
		s->inner *= t->dims[i];
	s->cap = MAX_ROW_VALUES / s->row_len;
	if (s->cap > MAX_ROWS)
		s->cap = MAX_ROWS;
	s->rows = malloc((size_t)s->cap * s->row_len * sizeof *s->rows);
	if (!s->rows)
		abort();
}

static void write_back(Graph *g, const Stat *s)
{
	Node *n = s->node;
	attr_set_int(g, n, "count", s->count);
	attr_set_int(g, n, "zeros", s->zeros);
	if (s->count > 0) {
		attr_set_float(g, n, "min", s->min);
		attr_set_float(g, n, "max", s->max);
	}
	attr_set_float(g, n, "hist_lo", s->hist_lo);
	attr_set_float(g, n, "hist_hi", s->hist_hi);
	Attr *hist = node_attr(n, "hist");  /* attr_set_ints, without a copy */
	hist->ints = s->hist;
	hist->n = RANGE_HIST_BINS;
	hist->set = 1;
	if (s->row_len > 0) {
		attr_set_int(g, n, "row_len", s->row_len);
		attr_set_floats(g, n, "rows", s->rows, s->nrows * s->row_len);
	}
}

/* ---- data ---- */

static void shape_str(int rank, const int64_t *dims, char *buf, size_t size)
{
	size_t k = snprintf(buf, size, "[");
	for (int i = 0; i < rank && k < size; i++)
		k += snprintf(buf + k, size - k, i ? ",%lld" : "%lld",
			(long long)dims[i]);
	if (k < size)
		snprintf(buf + k, size - k, "]");
}

/* npy_read, with a plain word for an empty file. */
static int read_samples(const char *path, Npy *x)
{
	struct stat st;
	if (stat(path, &st) == 0 && st.st_size == 0) {
		diag_fail("%s: empty file, expected a .npy array of samples", path);
		return -1;
	}
	return npy_read(path, x);
}

/* Samples for an integer input (embedding ids): integers in its range. */
static int check_ids(const char *path, const Npy *x, const Value *in)
{
	if (x->is_float) {
		diag_fail("%s: input '%s' is %s and needs integer data, got floats",
			path, in->name, dtype_name(in->type.elem));
		return -1;
	}
	int32_t lo = type_qmin(&in->type), hi = type_qmax(&in->type);
	for (int64_t k = 0; k < x->numel; k++)
		if (x->i[k] < lo || x->i[k] > hi) {
			diag_fail("%s: element %lld is %lld, out of range [%d, %d] for "
				"input '%s'", path, (long long)k, (long long)x->i[k],
				(int)lo, (int)hi, in->name);
			return -1;
		}
	return 0;
}

/* Checks the samples against the model's input; 0, or -1 after reporting. */
static int check_data(const char *path, const Npy *x, const Value *in)
{
	char shape[128], ty[TYPE_STR_MAX];
	shape_str(x->rank, x->dims, shape, sizeof shape);
	if (x->rank == 0 || x->dims[0] == 0 || x->numel == 0) {
		diag_fail("%s: no samples (shape %s), expected samples along the "
			"first axis", path, shape);
		return -1;
	}
	int64_t per = x->numel / x->dims[0];
	if (per != type_numel(&in->type)) {
		char sample[128];
		shape_str(x->rank - 1, x->dims + 1, sample, sizeof sample);
		diag_fail("%s: samples of shape %s (%lld elements) do not match "
			"input '%s' : %s (%lld elements)", path, sample,
			(long long)per, in->name, type_str(&in->type, ty, sizeof ty),
			(long long)type_numel(&in->type));
		return -1;
	}
	if (in->type.elem != DT_F32)
		return check_ids(path, x, in);
	if (!x->is_float)
		return 0;
	for (int64_t k = 0; k < x->numel; k++) {
		if (isfinite(x->f[k]))
			continue;
		diag_fail("%s: sample %lld contains %s", path, (long long)(k / per),
			isnan(x->f[k]) ? "NaN" : "inf");
		return -1;
	}
	return 0;
}

static void progress(const Options *o, int64_t done, int64_t total)
{
	static int last = -1;
	if (!o->progress || !isatty(2))
		return;
	int pct = (int)(100 * done / total);
	if (pct == last && done != total)
		return;
	last = pct;
	char bar[41];
	int fill = (int)(40 * done / total);
	for (int i = 0; i < 40; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[40] = 0;
	fprintf(stderr, "\rcalibrate [%s] %3d%% %lld/%lld", bar, pct,
		(long long)done, (long long)total);
	if (done == total) {
		fprintf(stderr, "\n");
		last = -1;
	}
}

/* A thread's samples through its interpreters, nb at a time (one when
 * it keeps rows: the reservoirs draw one random stream in sample order,
 * observer by observer). Each interpreter's hook sees its sample's values
 * in graph order, and each observer its samples in ascending order. */
static void *run_samples(void *arg)
{
	Worker *w = arg;
	Calib *c = w->c;
	int nb = w->keep_rows ? 1 : w->nb;
	for (int64_t i = w->lo; i < w->hi; i += nb) {
		int m = w->hi - i < nb ? (int)(w->hi - i) : nb;
		for (int j = 0; j < m; j++) {
			for (int k = 0; k < c->g->ninputs; k++)
				exec_fill(w->e[j], c->g->inputs[k], &c->x[k], i + j);
			w->lane[j].sample = i + j;
		}
		exec_run_batch(w->e, m);
		pthread_mutex_lock(&c->lock);
		c->done += m;
		progress(c->o, c->done, c->total);
		pthread_mutex_unlock(&c->lock);
	}
	return NULL;
}

static void reset_parts(const Calib *c, Worker *w)
{
	for (int i = 0; i < c->nstat; i++) {
		Part *p = &w->part[i];
		p->min = INFINITY;
		p->max = -INFINITY;
		p->count = p->zeros = 0;
		p->bad_sample = -1;
		if (p->hist)
			memset(p->hist, 0, (RANGE_HIST_BINS + 1) * sizeof *p->hist);
	}
}

/* One sweep over all samples on nw threads (one if rows are kept), then
 * the threads' Parts merged into the Stats in sample order. */
static void run_sweep(Calib *c, Worker *w, int nw)
{
	int64_t n = c->x[0].dims[0];
	int rows = 0;
	for (int i = 0; i < c->nstat && c->sweep == 1; i++)
		rows |= c->stat[i].cap > 0;
	if (rows || nw > n)
		nw = rows ? 1 : (int)n;
	pthread_t *tid = malloc(nw * sizeof *tid);
	char *started = calloc(nw, 1);
	if (!tid || !started)
		abort();
	for (int t = 0; t < nw; t++) {
		w[t].lo = n * t / nw;
		w[t].hi = n * (t + 1) / nw;
		w[t].keep_rows = nw == 1;
		reset_parts(c, &w[t]);
	}
	/* thread 0's share runs here; a thread that cannot start leaves its
	 * share to this one, after the others */
	for (int t = 1; t < nw; t++)
		started[t] = pthread_create(&tid[t], NULL, run_samples, &w[t]) == 0;
	run_samples(&w[0]);
	for (int t = 1; t < nw; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else
			run_samples(&w[t]);
	}
	free(tid);
	free(started);
	for (int t = 0; t < nw; t++)
	for (int i = 0; i < c->nstat; i++) {
		Stat *s = &c->stat[i];
		const Part *p = &w[t].part[i];
		if (c->sweep == 2) {
			for (int b = 0; b <= RANGE_HIST_BINS; b++)
				s->hist[b] += p->hist[b];
			continue;
		}
		s->min = fmin(s->min, p->min);
		s->max = fmax(s->max, p->max);
		s->count += p->count;
		s->zeros += p->zeros;
		if (s->bad_sample < 0)
			s->bad_sample = p->bad_sample;
	}
}

int calibrate_jobs(const Options *o)
{
	if (o->jobs > 0)
		return o->jobs;
	const char *env = getenv("QCC_JOBS");
	if (env && *env) {
		char *end;
		errno = 0;
		long v = strtol(env, &end, 10);
		if (!*end && errno == 0 && v >= 1 && v <= QCC_MAX_JOBS)
			return (int)v;
	}
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > QCC_MAX_JOBS ? QCC_MAX_JOBS : (int)n;
}

/* The i-th calibration file (one per graph input). */
static const char *calib_file(const Options *o, int i)
{
	return o->ncalib ? o->calib_paths[i] : o->calib_path;
}

/* One array of samples per graph input, all with as many samples; 0, or
 * -1 after reporting (x[] freed). */
static int load_calib(const Graph *g, const Options *o, Npy *x)
{
	int nfiles = o->ncalib ? o->ncalib : 1;
	if (nfiles != g->ninputs) {
		char names[256] = "";
		size_t k = 0;
		for (int i = 0; i < g->ninputs && k < sizeof names; i++)
			k += snprintf(names + k, sizeof names - k, "%s'%s'",
				i ? ", " : "", g->inputs[i]->name);
		diag_fail("the model has %d input%s (%s) but %d --calib file%s "
			"given; give one --calib FILE.npy per input, in graph order",
			g->ninputs, g->ninputs == 1 ? "" : "s", names, nfiles,
			nfiles == 1 ? " was" : "s were");
		return -1;
	}
	for (int i = 0; i < g->ninputs; i++) {
		const char *path = calib_file(o, i);
		if (g->inputs[i]->type.elem != DT_F32 &&
		    g->inputs[i]->type.q.present) {
			diag_fail("calibrate needs f32 or integer (ids) inputs; input "
				"'%s' is quantized already", g->inputs[i]->name);
			goto fail;
		}
		if (read_samples(path, &x[i]) < 0)
			goto fail;
		if (check_data(path, &x[i], g->inputs[i]) < 0) {
			npy_free(&x[i]);
			goto fail;
		}
		if (i > 0 && x[i].dims[0] != x[0].dims[0]) {
			diag_fail("%s has %lld samples but %s has %lld; the --calib "
				"files hold one sample per run each", path,
				(long long)x[i].dims[0], calib_file(o, 0),
				(long long)x[0].dims[0]);
			npy_free(&x[i]);
		fail:
			while (i-- > 0)
				npy_free(&x[i]);
			return -1;
		}
	}
	return 0;
}

/* Reports the first observer that saw NaN or inf; 0 if none did. */
static int check_finite(const Calib *c, const char *path)
{
	for (int i = 0; i < c->nstat; i++) {
		const Stat *s = &c->stat[i];
		if (s->bad_sample < 0)
			continue;
		diag_error(s->node->loc, "'%s' is NaN or inf on sample %lld of %s",
			s->node->in[0]->name, (long long)s->bad_sample, path);
		return -1;
	}
	return 0;
}

int pass_calibrate(Graph *g, const Options *o)
{
	Calib c = {0};
	c.rng = 0x2545f4914f6cdd1du;
	for (int k = 0; k < g->nnodes; k++)
		c.nstat += !g->nodes[k]->dead && g->nodes[k]->op == OP_OBSERVE;
	if (c.nstat == 0)
		return 0;
	if (!o->calib_path && o->data_free)
		return 0;   /* range bounds the values without observations */
	if (!o->calib_path) {
		diag_fail("calibrate needs calibration data: --calib FILE.npy");
		return -1;
	}
	Npy *x = calloc(g->ninputs + 1, sizeof *x);
	if (!x)
		abort();
	if (load_calib(g, o, x) < 0) {
		free(x);
		return -1;
	}

	c.stat = calloc(c.nstat, sizeof *c.stat);
	c.by_node = malloc(g->nnodes * sizeof *c.by_node);
	const Node **softmax = softmax_readers(g);
	if (!c.stat || !c.by_node || !softmax)
		abort();
	for (int k = 0, i = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		c.by_node[k] = -1;
		if (n->dead || n->op != OP_OBSERVE)
			continue;
		init_stat(g, softmax, &c.stat[i], n);
		c.by_node[k] = i++;
	}
	free(softmax);
	if (o->verbose)
		fprintf(stderr, "calibrate: %lld samples, %d observers\n",
			(long long)x[0].dims[0], c.nstat);

	int nw = calibrate_jobs(o);
	if (nw > x[0].dims[0])
		nw = (int)x[0].dims[0];
	Worker *w = calloc(nw, sizeof *w);
	if (!w)
		abort();
	int nb = o->batch > 0 ? o->batch : EXEC_DEFAULT_BATCH;
	if (nb > (x[0].dims[0] + nw - 1) / nw)
		nb = (int)((x[0].dims[0] + nw - 1) / nw);
	for (int t = 0; t < nw; t++) {
		w[t].c = &c;
		w[t].nb = nb;
		for (int j = 0; j < nb; j++) {
			w[t].e[j] = exec_new(g);
			w[t].lane[j].w = &w[t];
			exec_set_hook(w[t].e[j], hook, &w[t].lane[j]);
		}
		w[t].part = calloc(c.nstat, sizeof *w[t].part);
		if (!w[t].part)
			abort();
		for (int i = 0; i < c.nstat; i++)
			if (!(w[t].part[i].hist = malloc((RANGE_HIST_BINS + 1) *
			    sizeof *w[t].part[i].hist)))
				abort();
	}
	c.g = g;
	c.x = x;
	c.o = o;
	c.total = 2 * x[0].dims[0];
	pthread_mutex_init(&c.lock, NULL);
	c.sweep = 1;
	run_sweep(&c, w, nw);
	int rc = check_finite(&c, o->ncalib > 1 ? "the --calib files" :
		o->calib_path);
	if (rc < 0 && o->progress && isatty(2))
		fputc('\n', stderr);
	if (rc == 0) {
		for (int i = 0; i < c.nstat; i++)
			range_hist_span(c.stat[i].min, c.stat[i].max,
				&c.stat[i].hist_lo, &c.stat[i].hist_hi);
		c.sweep = 2;
		run_sweep(&c, w, nw);
		for (int i = 0; i < c.nstat; i++)
			write_back(g, &c.stat[i]);
	}
	pthread_mutex_destroy(&c.lock);
	for (int t = 0; t < nw; t++) {
		for (int j = 0; j < w[t].nb; j++)
			exec_free(w[t].e[j]);
		for (int i = 0; i < c.nstat; i++)
			free(w[t].part[i].hist);
		free(w[t].part);
	}
	free(w);
	for (int i = 0; i < c.nstat; i++)
		free(c.stat[i].rows);
	free(c.stat);
	free(c.by_node);
	for (int i = 0; i < g->ninputs; i++)
		npy_free(&x[i]);
	free(x);
	return rc;
}
