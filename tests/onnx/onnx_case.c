/* onnx_case - runs one ONNX backend node test (a directory holding
 * model.onnx and test_data_set_*\/{input,output}_*.pb) through qcc's ONNX
 * reader and float interpreter.
 *
 *   onnx_case DIR                  prints "NAME: STATUS (reason)"
 *   onnx_case --expect STATUS DIR  exit 0 iff the status is STATUS
 *
 * STATUS is one of
 *   pass         every output of every data set within rtol 1e-3, atol 1e-5
 *   fail         an output differs (the worst element is printed)
 *   rejected     every op is one qcc claims, and the reader refused the model
 *                with an error (an attribute combination it does not take)
 *   unsupported  the model uses an op qcc does not claim, and the reader
 *                refused it (an unclaimed op inside a pattern that fuses
 *                into one op, ReduceMean in a decomposed LayerNormalization,
 *                does not stop a model that imports)
 * Exit status without --expect: 0 pass, 1 fail, 3 rejected, 4 unsupported.
 *
 * Inputs that the test passes at run time but qcc needs at compile time
 * (Reshape's shape, Clip's bounds, Pad's pads) are bound as constants from
 * the data set (onnx_load_bound), as a user would make them initializers. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

#define RTOL 1e-3
#define ATOL 1e-5
#define MAX_IO 16

enum { ST_PASS, ST_FAIL, ST_REJECTED = 3, ST_UNSUPPORTED = 4 };
static const char *status_name[] = {"pass", "fail", "", "rejected",
	"unsupported"};

static char reason[512];

/* The first op of the model that the reader does not claim, or NULL. */
static const char *unclaimed_op(const char *model, char *buf, size_t size)
{
	FILE *f = fopen(model, "rb");
	if (!f)
		return NULL;
	static uint8_t data[1 << 24];
	size_t len = fread(data, 1, sizeof data, f);
	fclose(f);
	Onnx__ModelProto *m = onnx__model_proto__unpack(NULL, len, data);
	if (!m || !m->graph)
		return NULL;
	const char *found = NULL;
	for (size_t i = 0; i < m->graph->n_node && !found; i++) {
		const Onnx__NodeProto *p = m->graph->node[i];
		const char *d = p->domain ? p->domain : "";
		int std = !*d || strcmp(d, "ai.onnx") == 0;
		int is_function = 0;
		for (size_t k = 0; k < m->n_functions; k++)
			is_function |= strcmp(m->functions[k]->name, p->op_type) == 0;
		if (!is_function && (!std || !onnx_op_find(p->op_type))) {
			snprintf(buf, size, "%s%s%s", std ? "" : d, std ? "" : ".",
				p->op_type);
			found = buf;
		}
	}
	onnx__model_proto__free_unpacked(m, NULL);
	return found;
}

static int count_files(const char *dir, const char *prefix)
{
	int n = 0;
	char path[8192];
	for (;; n++) {
		snprintf(path, sizeof path, "%s/%s_%d.pb", dir, prefix, n);
		FILE *f = fopen(path, "rb");
		if (!f)
			return n;
		fclose(f);
	}
}

/* Integer outputs (int32_t elements, as the IR holds them) match exactly. */
static int compare_int(const void *got, const NamedTensor *want, int64_t n,
	int k)
{
	const int32_t *g = got, *w = want->data;
	for (int64_t i = 0; i < n; i++)
		if (g[i] != w[i]) {
			snprintf(reason, sizeof reason, "output %d element %lld: got %d, "
				"expected %d", k, (long long)i, g[i], w[i]);
			return -1;
		}
	return 0;
}

static int compare(const Value *v, const float *got, const NamedTensor *want,
	int k)
{
	int64_t n = 1;
	for (int i = 0; i < want->rank; i++)
		n *= want->dims[i];
	int same = v->type.rank == want->rank;
	for (int i = 0; same && i < want->rank; i++)
		same = v->type.dims[i] == want->dims[i];
	if (!same) {
		char buf[TYPE_STR_MAX];
		snprintf(reason, sizeof reason, "output %d: shape %s, expected rank "
			"%d with %lld elements", k, type_str(&v->type, buf, sizeof buf),
			want->rank, (long long)n);
		return -1;
	}
	if ((want->elem != DT_F32) != dtype_is_int(v->type.elem)) {
		snprintf(reason, sizeof reason, "output %d is %s, expected %s", k,
			dtype_name(v->type.elem), dtype_name(want->elem));
		return -1;
	}
	if (want->elem != DT_F32)
		return compare_int(got, want, n, k);
	const float *w = want->data;
	int64_t worst = -1;
	double worst_excess = 0;
	for (int64_t i = 0; i < n; i++) {
		if (isnan(w[i]) && isnan(got[i]))
			continue;
		double err = fabs((double)got[i] - w[i]);
		double excess = err - (ATOL + RTOL * fabs(w[i]));
		if (!(excess <= 0) && (worst < 0 || !(excess <= worst_excess))) {
			worst = i;
			worst_excess = excess;
		}
	}
	if (worst >= 0) {
		snprintf(reason, sizeof reason, "output %d element %lld: got %.9g, "
			"expected %.9g", k, (long long)worst, got[worst], w[worst]);
		return -1;
	}
	return 0;
}

/* Runs data set `set`: 0 if every output matches. The graph is loaded
 * with the first set's data bound; kept[i] (set then) says which of the
 * data set's inputs stay graph inputs, for every set. */
static int run_set(const char *set, const char *model, Graph **gp,
	int *kept)
{
	Arena a = {0};
	NamedTensor in[MAX_IO], out[MAX_IO];
	char path[8192];
	int nin = count_files(set, "input"), nout = count_files(set, "output");
	int rc = -1;
	if (nin > MAX_IO || nout > MAX_IO || nout == 0) {
		snprintf(reason, sizeof reason, "unexpected number of inputs/outputs");
		goto out;
	}
	for (int i = 0; i < nin + nout; i++) {
		int o = i >= nin;
		snprintf(path, sizeof path, "%s/%s_%d.pb", set, o ? "output" : "input",
			o ? i - nin : i);
		if (onnx_read_tensor_file(path, &a, o ? &out[i - nin] : &in[i])) {
			snprintf(reason, sizeof reason, "the test data holds tensors "
				"qcc cannot represent");
			rc = -3;
			goto out;
		}
	}
	if (!*gp && !(*gp = onnx_load_bound(model, in, nin, kept))) {
		rc = -2;
		goto out;
	}
	Graph *g = *gp;
	if (g->noutputs != nout) {
		snprintf(reason, sizeof reason, "%d outputs, expected %d",
			g->noutputs, nout);
		goto out;
	}
	Exec *e = exec_new(g);
	for (int i = 0, k = 0; i < nin; i++) {
		if (!kept[i])
			continue;
		Value *v = g->inputs[k++];
		int same = v->type.rank == in[i].rank &&
			(in[i].elem != DT_F32) == dtype_is_int(v->type.elem);
		for (int d = 0; same && d < v->type.rank; d++)
			same = v->type.dims[d] == in[i].dims[d];
		if (!same) {
			snprintf(reason, sizeof reason, "input %d does not match the "
				"graph input '%s'", i, v->name);
			exec_free(e);
			goto out;
		}
		memcpy(exec_buffer(e, v), in[i].data, type_numel(&v->type) * 4);
	}
	exec_run(e);
	rc = 0;
	for (int k = 0; k < nout && rc == 0; k++)
		rc = compare(g->outputs[k], exec_buffer(e, g->outputs[k]), &out[k], k);
	exec_free(e);
out:
	arena_free(&a);
	return rc;
}

static int run_case(const char *dir, const char **name)
{
	char model[4096], buf[256];
	const char *slash = strrchr(dir, '/');
	*name = slash && slash[1] ? slash + 1 : dir;
	snprintf(model, sizeof model, "%s/model.onnx", dir);
	/* an op qcc does not claim may still import, fused into a pattern of
	 * one op (frontend/onnx_pattern.c): unsupported only if it fails */
	const char *op = unclaimed_op(model, buf, sizeof buf);
	Graph *g = NULL;
	int status = ST_PASS, kept[MAX_IO] = {0};
	for (int s = 0; status == ST_PASS; s++) {
		char set[4096];
		snprintf(set, sizeof set, "%s/test_data_set_%d", dir, s);
		DIR *d = opendir(set);
		if (!d) {
			if (s == 0) {
				snprintf(reason, sizeof reason, "no test data");
				status = ST_FAIL;
			}
			break;
		}
		closedir(d);
		int rc = run_set(set, model, &g, kept);
		if ((rc == -2 || rc == -3) && op) {
			snprintf(reason, sizeof reason, "op %s", op);
			status = ST_UNSUPPORTED;
		} else if (rc == -2 || rc == -3) {
			if (rc == -2)
				snprintf(reason, sizeof reason, "the reader rejected the "
					"model");
			status = ST_REJECTED;
		} else if (rc != 0) {
			status = ST_FAIL;
		}
	}
	graph_free(g);
	return status;
}

int main(int argc, char **argv)
{
	const char *expect = NULL;
	if (argc == 4 && strcmp(argv[1], "--expect") == 0)
		expect = argv[2];
	if (argc != 2 && !expect) {
		fprintf(stderr, "usage: onnx_case [--expect STATUS] DIR\n");
		return 2;
	}
	const char *name;
	int st = run_case(argv[argc - 1], &name);
	if (st == ST_PASS)
		printf("%s: pass\n", name);
	else
		printf("%s: %s (%s)\n", name, status_name[st], reason);
	if (expect)
		return strcmp(expect, status_name[st]) == 0 ? 0 : 1;
	return st;
}
