/* check.h - the little each unit test needs: CHECK, building graphs in a
 * line, and capturing what diagnostics print on stderr. */
#ifndef QCC_TEST_CHECK_H
#define QCC_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ir.h"

static int check_failures;

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stdout, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
			#cond); \
		check_failures++; \
	} \
} while (0)

/* ---- stderr capture ---- */

static FILE *capture_file;
static int capture_saved = -1;

static inline void capture_begin(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	if (!capture_file)
		abort();
	capture_saved = dup(2);
	dup2(fileno(capture_file), 2);
}

/* Stops capturing; returns what was printed (static buffer). */
static inline const char *capture_end(void)
{
	static char buf[8192];
	fflush(stderr);
	dup2(capture_saved, 2);
	close(capture_saved);
	rewind(capture_file);
	size_t n = fread(buf, 1, sizeof buf - 1, capture_file);
	buf[n] = 0;
	fclose(capture_file);
	return buf;
}

/* CHECK that text contains want; prints both when it does not. */
#define CHECK_HAS(text, want) do { \
	const char *t_ = (text), *w_ = (want); \
	if (!strstr(t_, w_)) { \
		fprintf(stdout, "%s:%d: expected diagnostic containing\n  %s\n" \
			"got\n  %s\n", __FILE__, __LINE__, w_, t_); \
		check_failures++; \
	} \
} while (0)

/* ---- graph building ---- */

static Loc test_loc = {"t.g", 1, 1};

static inline Type mktype(DType elem, int rank, const int64_t *dims)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.elem = elem;
	t.rank = rank;
	for (int i = 0; i < rank; i++)
		t.dims[i] = dims[i];
	return t;
}

#define TYPE(...) mktype(DT_F32, \
	(int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), \
	(int64_t[]){__VA_ARGS__})
#define SCALAR mktype(DT_F32, 0, NULL)

static inline Value *input(Graph *g, const char *name, Type t)
{
	return graph_add_input(g, name, &t, test_loc);
}

/* A constant filled with `fill` + k * `step` for element k. */
static inline Value *constant(Graph *g, const char *name, Type t, float fill,
	float step)
{
	float *d = graph_alloc_data(g, &t);
	for (int64_t k = 0; k < type_numel(&t); k++)
		d[k] = fill + step * (float)k;
	return graph_add_const(g, name, &t, d, test_loc);
}

/* A node with up to 5 inputs; NULL entries after the count are ignored. */
static inline Node *node(Graph *g, const char *op, const char *out, int nin,
	Value *a, Value *b, Value *c)
{
	Value *in[3] = {a, b, c};
	int k = op_lookup(op);
	if (k < 0)
		abort();
	return graph_add_node(g, k, in, nin, out, NULL, test_loc);
}

static inline int finish(const char *name)
{
	if (check_failures) {
		printf("%s: %d check(s) failed\n", name, check_failures);
		return 1;
	}
	printf("%s: ok\n", name);
	return 0;
}

#endif
