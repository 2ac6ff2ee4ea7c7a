/* onnx_eval - runs a one-input, one-output classifier (.onnx through the
 * ONNX reader, or .g) over a batch of images with the float interpreter,
 * one image at a time, and checks its top-1 classes.
 *
 *   onnx_eval MODEL X.npy [--limit N] [--out LOGITS.npy]
 *             [--labels Y.npy --acc-min P --acc-max P]
 *             [--agree REF_TOP1.npy]... [--agree-min P]
 *
 * --labels: top-1 accuracy in percent must lie in [acc-min, acc-max].
 * --agree: REF_TOP1.npy holds another runtime's top-1 class per image
 *   (ort_reference.js writes ONNX Runtime's); the share of images where qcc
 *   picks the same class must be at least agree-min percent; up to four
 *   references (e.g. PyTorch's and ONNX Runtime's), each checked.
 * Only the first N images (all by default) are used, and the first N entries
 * of the label files. Exit 0 iff every check holds; prints the figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int has_ext(const char *p, const char *ext)
{
	size_t n = strlen(p), e = strlen(ext);
	return n >= e && strcmp(p + n - e, ext) == 0;
}

static int argmax(const float *v, int64_t n)
{
	int best = 0;
	for (int64_t k = 1; k < n; k++)
		if (v[k] > v[best])
			best = (int)k;
	return best;
}

static int64_t label(const Npy *a, int64_t i)
{
	return a->is_float ? (int64_t)a->f[i] : a->i[i];
}

static int check(const char *what, int64_t hits, int64_t n, double lo,
	double hi)
{
	double pct = 100.0 * hits / n;
	printf("%s: %.2f%% (%lld/%lld)\n", what, pct, (long long)hits,
		(long long)n);
	if (pct < lo - 1e-9 || pct > hi + 1e-9) {
		fprintf(stderr, "onnx_eval: %s %.2f%% is outside [%.2f, %.2f]\n",
			what, pct, lo, hi);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	enum { MAX_AGREE = 4 };
	const char *labels = NULL, *agree[MAX_AGREE] = {0}, *out = NULL;
	int nagree = 0;
	double acc_min = 0, acc_max = 100, agree_min = 0;
	int64_t limit = -1;
	if (argc < 3) {
		fprintf(stderr, "usage: onnx_eval MODEL X.npy [options]\n");
		return 2;
	}
	for (int i = 3; i + 1 < argc; i += 2) {
		const char *o = argv[i], *v = argv[i + 1];
		if (!strcmp(o, "--limit")) limit = atoll(v);
		else if (!strcmp(o, "--out")) out = v;
		else if (!strcmp(o, "--labels")) labels = v;
		else if (!strcmp(o, "--acc-min")) acc_min = atof(v);
		else if (!strcmp(o, "--acc-max")) acc_max = atof(v);
		else if (!strcmp(o, "--agree") && nagree < MAX_AGREE)
			agree[nagree++] = v;
		else if (!strcmp(o, "--agree-min")) agree_min = atof(v);
		else {
			fprintf(stderr, "onnx_eval: unknown option %s\n", o);
			return 2;
		}
	}
	Graph *g = NULL;
	if (has_ext(argv[1], ".g"))
		g = parse_file(argv[1]);
#ifdef QCC_WITH_ONNX
	else
		g = onnx_load(argv[1]);
#endif
	Npy x = {0}, y = {0}, r[MAX_AGREE] = {{0}};
	if (!g || npy_read(argv[2], &x) || (labels && npy_read(labels, &y)))
		return 2;
	for (int k = 0; k < nagree; k++)
		if (npy_read(agree[k], &r[k]))
			return 2;
	if (g->ninputs != 1 || g->noutputs != 1) {
		fprintf(stderr, "onnx_eval: expected one input and one output\n");
		return 2;
	}
	Value *in = g->inputs[0], *lo = g->outputs[0];
	int64_t per = type_numel(&in->type), ncls = type_numel(&lo->type);
	int64_t n = x.rank ? x.dims[0] : 0;
	if (!x.is_float || x.numel != n * per) {
		fprintf(stderr, "onnx_eval: %s is not float [N, %lld...]\n", argv[2],
			(long long)per);
		return 2;
	}
	if (limit >= 0 && limit < n)
		n = limit;
	int few = labels && y.numel < n;
	for (int k = 0; k < nagree; k++)
		few |= r[k].numel < n;
	if (few) {
		fprintf(stderr, "onnx_eval: fewer labels than images\n");
		return 2;
	}
	float *logits = malloc((size_t)(n * ncls) * sizeof *logits);
	Exec *e = exec_new(g);
	int64_t hits = 0, same[MAX_AGREE] = {0};
	for (int64_t i = 0; i < n; i++) {
		memcpy(exec_buffer(e, in), x.f + i * per, per * sizeof(float));
		exec_run(e);
		const float *o = exec_buffer(e, lo);
		memcpy(logits + i * ncls, o, ncls * sizeof *o);
		int top = argmax(o, ncls);
		hits += labels && top == label(&y, i);
		for (int k = 0; k < nagree; k++)
			same[k] += top == label(&r[k], i);
	}
	int rc = 0;
	if (labels)
		rc |= check("accuracy", hits, n, acc_min, acc_max);
	for (int k = 0; k < nagree; k++) {
		char what[300];
		snprintf(what, sizeof what, "agreement with %s", agree[k]);
		rc |= check(what, same[k], n, agree_min, 100);
	}
	if (out) {
		int64_t dims[2] = {n, ncls};
		rc |= npy_write_f32(out, logits, 2, dims);
	}
	exec_free(e);
	free(logits);
	graph_free(g);
	npy_free(&x);
	npy_free(&y);
	for (int k = 0; k < nagree; k++)
		npy_free(&r[k]);
	return rc ? 1 : 0;
}
