/* test_qconv_outside.c - qconv2d on weights outside int16.
 *
 * The simulator's fast conv paths hold x - zx and the weights in int16; data
 * that does not fit (outside its type's range, which the parser and `qcc
 * run` reject, so only a caller of the library can make it) takes the plain
 * path, which must still compute the contract's sum. The graph and the
 * expected output come from tests/tools/gen_sim_refs.py (NumPy).
 *
 *   test_qconv_outside GRAPH.g WEIGHTS.npy INPUT.npy EXPECTED.npy
 */
#include <stdio.h>

#include "ir.h"

static int fail(const char *what)
{
	fprintf(stderr, "test_qconv_outside: %s\n", what);
	return 1;
}

int main(int argc, char **argv)
{
	if (argc != 5)
		return fail("usage: GRAPH.g WEIGHTS.npy INPUT.npy EXPECTED.npy");
	Graph *g = parse_file(argv[1]);
	Npy w, x, want;
	if (!g || npy_read(argv[2], &w) < 0 || npy_read(argv[3], &x) < 0 ||
	    npy_read(argv[4], &want) < 0)
		return fail("cannot read the case");
	Value *wv = graph_find(g, "w"), *xv = graph_find(g, "x");
	Value *yv = g->outputs[0];
	int64_t per_x = type_numel(&xv->type), per_y = type_numel(&yv->type);
	if (!wv || w.numel != type_numel(&wv->type) || x.numel % per_x ||
	    want.numel != x.numel / per_x * per_y)
		return fail("the graph and the arrays do not match");

	/* the weights: some past int16, so the case tests that path */
	int outside = 0;
	for (int64_t i = 0; i < w.numel; i++) {
		((int32_t *)wv->data)[i] = (int32_t)w.i[i];
		outside += w.i[i] < INT16_MIN || w.i[i] > INT16_MAX;
	}
	if (!outside)
		return fail("no weight outside int16");

	Exec *e = exec_new(g);
	int32_t *xb = exec_buffer(e, xv);
	int bad = 0;
	for (int64_t s = 0; s < x.numel / per_x; s++) {
		for (int64_t k = 0; k < per_x; k++)
			xb[k] = (int32_t)x.i[s * per_x + k];
		exec_run(e);
		const int32_t *y = exec_buffer(e, yv);
		for (int64_t k = 0; k < per_y; k++) {
			if (y[k] != want.i[s * per_y + k] && bad++ < 5)
				fprintf(stderr, "sample %lld element %lld: got %d, "
					"want %lld\n", (long long)s, (long long)k,
					(int)y[k], (long long)want.i[s * per_y + k]);
		}
	}
	if (!bad)
		printf("test_qconv_outside: %lld outputs equal\n",
			(long long)want.numel);
	exec_free(e);
	npy_free(&w);
	npy_free(&x);
	npy_free(&want);
	graph_free(g);
	return bad ? fail("outputs differ from the reference") : 0;
}
