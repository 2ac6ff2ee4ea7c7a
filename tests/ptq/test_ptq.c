/* test_ptq.c - numeric tests of cle, bias_correction and adaround.
 *
 *   test_ptq DIR      (DIR: a writable directory for calibration files)
 *
 * - cle leaves the float function unchanged (1e-5 relative to the output's
 *   largest magnitude) on a conv -> depthwise -> pointwise -> dense chain
 *   with imbalanced channels, and narrows the spread of per-channel weight
 *   ranges of every rescaled layer.
 * - bias_correction removes the measured mean output error of a layer:
 *   the per-channel mean of (quantized - float) output, recomputed here
 *   independently, drops from a clear error to rounding noise; the analytic
 *   form (BatchNorm statistics, no data) cuts it tenfold on inputs drawn
 *   from those statistics; a correction whose removal of a real mean error
 *   would move the network's output away from the float one is left out.
 * - adaround's weights lie on quantize's grid, never reconstruct the
 *   layer's float output worse than nearest rounding (measured here), and
 *   the same seed gives the same weights.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int failures;

#define CHECK(cond) do { \
	if (!(cond)) { \
		printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		failures++; \
	} \
} while (0)

static uint64_t rng = 12345;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (rng >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- building models as text ---- */

typedef struct {
	char *s;
	size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void put(Buf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		va_start(ap, fmt);
		int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (b->len + n < b->cap) {
			b->len += n;
			return;
		}
		b->cap = b->cap * 2 + n + 64;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			abort();
	}
}

/* const NAME : f32[dims] = [...]: values uniform in [-1, 1] times
 * chscale[c] for the channel c = i / inner (chscale NULL: 1). */
static void put_const(Buf *b, const char *name, const char *dims,
	int64_t n, int64_t inner, const double *chscale)
{
	put(b, "const %s : f32[%s] = [", name, dims);
	for (int64_t i = 0; i < n; i++) {
		double v = (2 * uniform() - 1) * (chscale ? chscale[i / inner] : 1);
		put(b, i ? ", %.9g" : "%.9g", v);
	}
	put(b, "]\n");
}

static Graph *parse_buf(Buf *b)
{
	Graph *g = parse_string("test.g", b->s, b->len);
	free(b->s);
	if (!g)
		abort();
	return g;
}

/* ---- running ---- */

static void run(Graph *g, const float *x, float *y)
{
	Exec *e = exec_new(g);
	memcpy(exec_buffer(e, g->inputs[0]), x,
		type_numel(&g->inputs[0]->type) * sizeof *x);
	exec_run(e);
	memcpy(y, exec_buffer(e, g->outputs[0]),
		type_numel(&g->outputs[0]->type) * sizeof *y);
	exec_free(e);
}

static Node *node_named(Graph *g, const char *name)
{
	Value *v = graph_find(g, name);
	return v && v->kind == VAL_NODE ? v->def : NULL;
}

/* max over channels / min over channels of max |w| per output channel. */
static double range_spread(const Node *n)
{
	const Value *w = n->in[1];
	int64_t oc = w->type.dims[0], inner = type_numel(&w->type) / oc;
	double lo = INFINITY, hi = 0;
	for (int64_t c = 0; c < oc; c++) {
		double r = 0;
		for (int64_t k = 0; k < inner; k++)
			r = fmax(r, fabs(((const float *)w->data)[c * inner + k]));
		lo = fmin(lo, r);
		hi = fmax(hi, r);
	}
	return hi / lo;
}

/* ---- cle ---- */

static void test_cle(void)
{
	double s1[8], s2[8], s3[16];
	for (int c = 0; c < 8; c++)
		s1[c] = pow(10, 3 * uniform() - 1.5), s2[c] = pow(10, 2 * uniform() - 1);
	for (int c = 0; c < 16; c++)
		s3[c] = pow(10, 2 * uniform() - 1);
	Buf b = {0};
	put(&b, "model cle\ninput x : f32[1,2,8,8]\n");
	put_const(&b, "w1", "8,2,3,3", 144, 18, s1);
	put_const(&b, "b1", "8", 8, 1, s1);
	put_const(&b, "w2", "8,1,3,3", 72, 9, s2);
	put_const(&b, "b2", "8", 8, 1, s2);
	put_const(&b, "w3", "16,8,1,1", 128, 8, s3);
	put_const(&b, "b3", "16", 16, 1, s3);
	put_const(&b, "w4", "10,256", 2560, 256, NULL);
	put(&b, "c1 = conv2d(x, w1, b1, pad=[1,1,1,1])\nr1 = relu(c1)\n"
		"c2 = conv2d(r1, w2, b2, pad=[1,1,1,1], groups=8)\nr2 = relu(c2)\n"
		"p2 = maxpool2d(r2, kernel=[2,2], stride=[2,2])\n"
		"c3 = conv2d(p2, w3, b3)\nr3 = relu(c3)\nf = flatten(r3)\n"
		"output y = dense(f, w4)\n");
	Graph *g = parse_buf(&b);
	Graph *h = graph_clone(g);
	Options o;
	options_default(&o);
	CHECK(pass_cle(h, &o) == 0);
	CHECK(graph_verify(h) == 0);

	const char *layers[] = {"c1", "c2", "c3"};
	for (int i = 0; i < 3; i++) {
		double before = range_spread(node_named(g, layers[i]));
		double after = range_spread(node_named(h, layers[i]));
		printf("cle: %s range spread %.3g -> %.3g\n", layers[i], before,
			after);
		CHECK(after < before);
	}
	CHECK(range_spread(node_named(h, "c2")) < 0.1 *
		range_spread(node_named(g, "c2")));

	float x[128], y0[10], y1[10];
	double worst = 0;
	for (int t = 0; t < 20; t++) {
		for (int i = 0; i < 128; i++)
			x[i] = (float)(4 * uniform() - 2);
		run(g, x, y0);
		run(h, x, y1);
		double mag = 0, diff = 0;
		for (int i = 0; i < 10; i++) {
			mag = fmax(mag, fabs(y0[i]));
			diff = fmax(diff, fabs(y0[i] - y1[i]));
		}
		worst = fmax(worst, diff / mag);
	}
	printf("cle: largest output change %.3g of the output's magnitude\n",
		worst);
	CHECK(worst < 1e-5);
	graph_free(g);
	graph_free(h);
}

/* ---- calibration data and the pipeline up to range ---- */

static const char *write_calib(const char *dir, const char *name,
	int64_t n, int64_t per, double lo, double hi)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	float *x = malloc(n * per * sizeof *x);
	for (int64_t i = 0; i < n * per; i++)
		x[i] = (float)(lo + (hi - lo) * uniform());
	int64_t dims[2] = {n, per};
	if (npy_write_f32(path, x, 2, dims) != 0)
		abort();
	free(x);
	return path;
}

static int prepare(Graph *g, const Options *o)
{
	return pass_observe(g, o) || pass_calibrate(g, o) || pass_range(g, o);
}

/* x rounded to the per-tensor q of v. */
static float fake(const Value *v, float x)
{
	const QParams *q = &v->type.q;
	double k = nearbyintf(x / q->scale[0]) + q->zp[0];
	k = fmin(fmax(k, type_qmin(&v->type)), type_qmax(&v->type));
	return (float)((k - q->zp[0]) * q->scale[0]);
}

/* Replaces w's data by its symmetric per-channel grid points (bits). */
static void quantize_nearest(Value *w, int bits)
{
	int64_t oc = w->type.dims[0], inner = type_numel(&w->type) / oc;
	float *d = w->data;
	double qw = (1 << (bits - 1)) - 1;
	for (int64_t c = 0; c < oc; c++) {
		double amax = 0;
		for (int64_t k = 0; k < inner; k++)
			amax = fmax(amax, fabs(d[c * inner + k]));
		float s = (float)(amax / qw);
		for (int64_t k = 0; k < inner; k++)
			d[c * inner + k] = (float)(fmin(fmax(nearbyint(d[c * inner + k] /
				(double)s), -qw), qw) * s);
	}
}

/* ---- bias correction ---- */

/* (quantized - float) output for each sample and output element: g is a
 * float model, q a model with quantized weights that sees the input rounded
 * to its q. n * (numel of the output) values, malloc'd. */
static double *output_errors(Graph *g, Graph *q, const float *x, int64_t n)
{
	int64_t per = type_numel(&g->inputs[0]->type);
	int64_t out = type_numel(&g->outputs[0]->type);
	float *xq = malloc(per * sizeof *xq), *y0 = malloc(out * sizeof *y0);
	float *y1 = malloc(out * sizeof *y1);
	double *e = malloc(n * out * sizeof *e);
	for (int64_t s = 0; s < n; s++) {
		for (int64_t i = 0; i < per; i++)
			xq[i] = fake(g->inputs[0], x[s * per + i]);
		run(g, x + s * per, y0);
		run(q, xq, y1);
		for (int64_t i = 0; i < out; i++)
			e[s * out + i] = (double)y1[i] - y0[i];
	}
	free(xq), free(y0), free(y1);
	return e;
}

/* Mean per channel of (quantized layer - float layer) over the samples:
 * g is the float model as it was before any correction; q a model whose
 * layer carries 4-bit nearest weights and sees the input rounded to its q. */
static void mean_error(Graph *g, Graph *q, const float *x, int64_t n,
	double *err)
{
	int64_t out = type_numel(&g->outputs[0]->type);
	int oc = (int)g->outputs[0]->type.dims[1];
	double *e = output_errors(g, q, x, n);
	memset(err, 0, oc * sizeof *err);
	for (int64_t k = 0; k < n * out; k++)
		err[k % out / (out / oc)] += e[k];
	for (int c = 0; c < oc; c++)
		err[c] /= (double)n * (out / oc);
	free(e);
}

static void test_bias_correction(const char *dir)
{
	Buf b = {0};
	put(&b, "model bc\ninput x : f32[1,4,6,6]\n");
	put_const(&b, "w", "8,4,3,3", 288, 36, NULL);
	put_const(&b, "b", "8", 8, 1, NULL);
	put(&b, "output y = conv2d(x, w, b, pad=[1,1,1,1])\n");
	Graph *g = parse_buf(&b);
	Options o;
	options_default(&o);
	o.weight_bits = 4;
	/* inputs with a nonzero mean, so that weight errors bias the output */
	o.calib_path = write_calib(dir, "bc_calib.npy", 64, 144, 0, 2);
	Npy cal;
	CHECK(npy_read(o.calib_path, &cal) == 0);
	CHECK(prepare(g, &o) == 0);

	double before[8], after[8];
	Graph *ref = graph_clone(g);
	Graph *q = graph_clone(g);
	quantize_nearest(node_named(q, "y")->in[1], 4);
	mean_error(ref, q, cal.f, 64, before);
	graph_free(q);

	CHECK(pass_bias_correction(g, &o) == 0);
	CHECK(graph_verify(g) == 0);
	q = graph_clone(g);
	quantize_nearest(node_named(q, "y")->in[1], 4);
	mean_error(ref, q, cal.f, 64, after);
	graph_free(q);
	graph_free(ref);
	double wb = 0, wa = 0;
	for (int c = 0; c < 8; c++) {
		wb = fmax(wb, fabs(before[c]));
		wa = fmax(wa, fabs(after[c]));
	}
	printf("bias_correction: largest mean error %.3g -> %.3g\n", wb, wa);
	CHECK(wb > 1e-3);
	CHECK(wa < 1e-3 * wb + 1e-6);
	npy_free(&cal);
	graph_free(g);
}

/* A correction that would hurt is left out. Layer a's channel has a
 * weight 0.21 whose 4-bit rounding error e (|e| about 0.06) meets the input
 * b = 10 only on samples where a's output is far below zero, which the
 * relu removes: the mean error 5e is real but harmless, and subtracting it
 * would move every other sample's output (1 or 2) by 5e. */
static void test_bias_correction_harm(const char *dir)
{
	Buf b = {0};
	put(&b, "model bch\ninput x : f32[1,2]\n"
		"const wa : f32[1,2] = [1, 0.21]\nconst wb : f32[1,1] = [1]\n"
		"h = dense(x, wa)\nr = relu(h)\noutput y = dense(r, wb)\n");
	Graph *g = parse_buf(&b);
	Options o;
	options_default(&o);
	o.weight_bits = 4;
	float x[64 * 2];
	for (int s = 0; s < 64; s++) {
		x[2 * s] = s % 2 ? -20.0f : s % 4 ? 2.0f : 1.0f;
		x[2 * s + 1] = s % 2 ? 10.0f : 0.0f;
	}
	static char path[4096];
	snprintf(path, sizeof path, "%s/bch_calib.npy", dir);
	int64_t dims[2] = {64, 2};
	CHECK(npy_write_f32(path, x, 2, dims) == 0);
	o.calib_path = path;
	CHECK(pass_fuse(g, &o) == 0);
	CHECK(prepare(g, &o) == 0);
	Node *a = NULL;
	for (int k = 0; k < g->nnodes; k++)
		if (g->nodes[k]->op == OP_DENSE && !a)
			a = g->nodes[k];
	/* the mean error an unguarded correction would remove */
	float wq[2] = {1, 0.21f};
	Value wv = {.type = {.elem = DT_F32, .rank = 2, .dims = {1, 2}},
		.data = wq};
	quantize_nearest(&wv, 4);
	double mean = 0.5 * 10 * ((double)wq[1] - 0.21f);
	CHECK(fabs(mean) > 0.2);

	Graph *ref = graph_clone(g);
	CHECK(pass_bias_correction(g, &o) == 0);
	CHECK(graph_verify(g) == 0);
	const Value *bias = a->nin > 2 ? a->in[2] : NULL;
	double worst = 0;
	for (int64_t c = 0; bias && c < type_numel(&bias->type); c++)
		worst = fmax(worst, fabs(((const float *)bias->data)[c]));
	printf("bias_correction: harmful mean error %.3g left, a's bias "
		"moved by at most %.3g\n", mean, worst);
	CHECK(worst == 0);
	graph_free(ref);
	graph_free(g);
}

/* Analytic correction: A is the identity carrying BatchNorm statistics
 * (beta, gamma) that describe its input exactly (Gaussian samples drawn
 * here), so (W_q - W) E[relu(x)] is B's true mean error. */
static double gauss(void)
{
	double u = uniform() + 1e-12, v = uniform();
	return sqrt(-2 * log(u)) * cos(2 * 3.14159265358979323846 * v);
}

static void test_bias_correction_analytic(void)
{
	double beta[4] = {0.5, -0.3, 1.2, 0.1}, gamma[4] = {1, 0.5, 0.8, 2};
	Buf b = {0};
	put(&b, "model bca\ninput x : f32[1,4]\n"
		"const wa : f32[4,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1]\n");
	put_const(&b, "wb", "6,4", 24, 4, NULL);
	put_const(&b, "bb", "6", 6, 1, NULL);
	put(&b, "a = dense(x, wa, bn_beta=[%g,%g,%g,%g], bn_gamma=[%g,%g,%g,%g])\n"
		"r = relu(a)\noutput y = dense(r, wb, bb)\n", beta[0], beta[1],
		beta[2], beta[3], gamma[0], gamma[1], gamma[2], gamma[3]);
	Graph *g = parse_buf(&b);
	Options o;
	options_default(&o);
	o.weight_bits = 3;
	Graph *ref = graph_clone(g);
	CHECK(pass_fuse(g, &o) == 0);
	CHECK(pass_bias_correction(g, &o) == 0);
	CHECK(graph_verify(g) == 0);
	Graph *q0 = graph_clone(ref), *q1 = graph_clone(g);
	quantize_nearest(node_named(q0, "y")->in[1], 3);
	quantize_nearest(node_named(q1, "y")->in[1], 3);
	double e0[6] = {0}, e1[6] = {0};
	int n = 20000;
	for (int s = 0; s < n; s++) {
		float x[4], y[6], y0[6], y1[6];
		for (int c = 0; c < 4; c++)
			x[c] = (float)(beta[c] + gamma[c] * gauss());
		run(ref, x, y);
		run(q0, x, y0);
		run(q1, x, y1);
		for (int c = 0; c < 6; c++) {
			e0[c] += ((double)y0[c] - y[c]) / n;
			e1[c] += ((double)y1[c] - y[c]) / n;
		}
	}
	double w0 = 0, w1 = 0;
	for (int c = 0; c < 6; c++)
		w0 = fmax(w0, fabs(e0[c])), w1 = fmax(w1, fabs(e1[c]));
	printf("bias_correction (analytic): largest mean error %.3g -> %.3g\n",
		w0, w1);
	CHECK(w0 > 0.02);
	CHECK(w1 < 0.1 * w0);
	graph_free(g), graph_free(ref), graph_free(q0), graph_free(q1);
}

/* ---- adaround ---- */

static double recon_loss(Graph *g, Graph *q, const float *x, int64_t n)
{
	int64_t out = type_numel(&g->outputs[0]->type);
	double *e = output_errors(g, q, x, n), sum = 0;
	for (int64_t k = 0; k < n * out; k++)
		sum += e[k] * e[k];
	free(e);
	return sum / n;
}

static Graph *adaround_model(void)
{
	rng = 777;
	Buf b = {0};
	put(&b, "model ada\ninput x : f32[1,8,6,6]\n");
	put_const(&b, "w", "16,8,3,3", 1152, 72, NULL);
	put_const(&b, "b", "16", 16, 1, NULL);
	put(&b, "c = conv2d(x, w, b, pad=[1,1,1,1])\noutput y = relu(c)\n");
	return parse_buf(&b);
}

static void test_adaround(const char *dir)
{
	Graph *g = adaround_model();
	Options o;
	options_default(&o);
	o.weight_bits = 4;
	o.adaround_iters = 300;
	o.calib_path = write_calib(dir, "ada_calib.npy", 32, 288, -1, 2);
	Npy cal;
	CHECK(npy_read(o.calib_path, &cal) == 0);
	CHECK(prepare(g, &o) == 0);
	Graph *ref = graph_clone(g);      /* float, before rounding */
	Graph *a = graph_clone(g);
	CHECK(pass_adaround(a, &o) == 0);
	CHECK(graph_verify(a) == 0);

	/* on the grid: quantizing the learnt weights changes nothing */
	Graph *aq = graph_clone(a);
	Value *wa = node_named(aq, "c")->in[1];
	int64_t nw = type_numel(&wa->type);
	float *copy = malloc(nw * sizeof *copy);
	memcpy(copy, wa->data, nw * sizeof *copy);
	quantize_nearest(wa, 4);
	CHECK(memcmp(copy, wa->data, nw * sizeof *copy) == 0);

	Graph *nq = graph_clone(g);
	quantize_nearest(node_named(nq, "c")->in[1], 4);
	int64_t flips = 0;
	const float *wn = node_named(nq, "c")->in[1]->data;
	for (int64_t i = 0; i < nw; i++)
		flips += wn[i] != copy[i];
	double ln = recon_loss(ref, nq, cal.f, 32);
	double la = recon_loss(ref, aq, cal.f, 32);
	printf("adaround: reconstruction loss nearest %.5g, adaround %.5g, "
		"%lld of %lld weights changed\n", ln, la, (long long)flips,
		(long long)nw);
	CHECK(la <= ln);
	CHECK(flips > 0);

	/* the same seed, the same weights */
	Graph *a2 = graph_clone(g);
	CHECK(pass_adaround(a2, &o) == 0);
	CHECK(memcmp(node_named(a2, "c")->in[1]->data,
		node_named(a, "c")->in[1]->data, nw * sizeof(float)) == 0);
	free(copy);
	npy_free(&cal);
	graph_free(g), graph_free(ref), graph_free(a), graph_free(aq);
	graph_free(nq), graph_free(a2);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_ptq DIR\n");
		return 2;
	}
	op_init();
	test_cle();
	test_bias_correction(argv[1]);
	test_bias_correction_harm(argv[1]);
	test_bias_correction_analytic();
	test_adaround(argv[1]);
	if (failures)
		printf("%d check%s failed\n", failures, failures == 1 ? "" : "s");
	return failures != 0;
}
