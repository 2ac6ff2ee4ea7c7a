/* arenacheck - checks the memory plan of a generated model against an
 * independent computation of its tensors' lifetimes.
 *
 *   arenacheck LOWERED.g MODEL.c MODEL.h
 *
 * LOWERED.g is the lowered graph (`qcc M --calib C --emit=ir -o LOWERED.g`)
 * the code was generated from; MODEL.c carries the plan as a comment table
 * (offset, bytes, first step, last step, tensor) and MODEL.h the
 * NAME_ARENA_SIZE macro. Checks:
 *   1. every integer tensor computed by a kernel (not a view, not the
 *      caller's input or output) has a row with its byte size and the steps
 *      from its definition to its last reader (readers of its views count;
 *      a tensor nothing reads, its definition's step alone);
 *      no other tensor has a row; scratch rows live during one step;
 *   2. rows live at a common step do not overlap; offsets are 16-aligned;
 *   3. NAME_ARENA_SIZE covers every row and is no larger than the peak, over
 *      the steps, of the live bytes (each rounded up to 16).
 * Prints the arena size and the peak; exit 0 iff all hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

#define ALIGN 16
#define MAXROWS 4096

typedef struct {
	long long offset, bytes;
	int first, last, scratch;
	char name[256];
} Row;

static Row rows[MAXROWS];
static int nrows;

static int fail(const char *what, const char *name)
{
	fprintf(stderr, "arenacheck: %s: %s\n", what, name);
	return 1;
}

static int read_plan(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int in_plan = 0;
	if (!f)
		return fail("cannot open", path);
	while (fgets(line, sizeof line, f)) {
		if (strstr(line, "/* memory plan"))
			in_plan = 1;
		else if (in_plan && strstr(line, "*/"))
			break;
		else if (in_plan && nrows < MAXROWS) {
			Row *r = &rows[nrows];
			if (sscanf(line, " * %lld %lld %d %d %255s", &r->offset,
				&r->bytes, &r->first, &r->last, r->name) == 5) {
				r->scratch = strstr(line, "(scratch)") != NULL;
				nrows++;
			}
		}
	}
	fclose(f);
	return in_plan ? 0 : fail("no memory plan comment", path);
}

static long long read_arena_size(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024], name[256];
	long long size = -1, v;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "#define %255s %lld", name, &v) == 2 &&
			strncmp(name, "QCC_MODEL_", 10) != 0 &&
			strlen(name) > 11 &&
			!strcmp(name + strlen(name) - 11, "_ARENA_SIZE"))
			size = v;
	fclose(f);
	return size;
}

static long long aligned(long long n)
{
	return (n + ALIGN - 1) / ALIGN * ALIGN;
}

/* A slice whose output is one contiguous run of its input: every axis
 * after the first partial one taken whole, every axis before it one
 * element wide. */
static int contiguous_slice(const Node *n)
{
	const Type *x = &n->in[0]->type, *y = &n->out->type;
	const int64_t *steps = attr_ints(n, "steps", NULL);
	int d = x->rank - 1;
	while (d >= 0 && y->dims[d] == x->dims[d] &&
		(steps[d] == 1 || y->dims[d] == 1))
		d--;
	if (d >= 0 && steps[d] != 1 && y->dims[d] != 1)
		return 0;
	for (int i = 0; i < d; i++)
		if (y->dims[i] != 1)
			return 0;
	return 1;
}

static int is_view(const Node *n)
{
	return n->op == OP_FLATTEN || n->op == OP_RESHAPE ||
		(n->op == OP_SLICE && n->out->type.elem != DT_F32 &&
		 contiguous_slice(n));
}

/* The last step reading v or a view of v. */
static int last_reader(const Graph *g, const Value *v)
{
	int last = -1;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		for (int i = 0; i < n->nin; i++) {
			if (n->in[i] != v)
				continue;
			if (k > last)
				last = k;
			if (is_view(n)) {
				int l = last_reader(g, n->out);
				if (l > last)
					last = l;
			}
		}
	}
	return last;
}

static int elem_bytes(DType t)
{
	return t == DT_I32 ? 4 : t == DT_I16 ? 2 : 1;
}

/* The tensor the caller receives: what the output's dequantize reads,
 * through views. */
static const Value *caller_output(const Graph *g)
{
	const Value *o = g->outputs[0];
	if (o->kind == VAL_NODE && o->def->op == OP_DEQUANTIZE)
		o = o->def->in[0];
	/* a slice stops it: the output is copied out of the slice's source */
	while (o->kind == VAL_NODE && is_view(o->def) && o->def->op != OP_SLICE)
		o = o->def->in[0];
	return o;
}

static int check_tensors(const Graph *g)
{
	int matched = 0, bad = 0;
	const Value *out = caller_output(g);
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		const Value *v = n->out;
		if (v->type.elem == DT_F32 || is_view(n) || n->op == OP_QUANTIZE ||
			v == out)
			continue;
		long long bytes = type_numel(&v->type) * elem_bytes(v->type.elem);
		/* a tensor nothing reads still lives while its kernel writes it */
		int last = last_reader(g, v), found = 0;
		if (last < k)
			last = k;
		for (int i = 0; i < nrows; i++) {
			Row *r = &rows[i];
			if (r->scratch || strcmp(r->name, v->name) != 0)
				continue;
			found = 1;
			if (r->bytes != bytes || r->first != k || r->last != last) {
				fprintf(stderr, "arenacheck: %s: plan says %lld bytes, "
					"steps %d..%d; expected %lld bytes, steps %d..%d\n",
					v->name, r->bytes, r->first, r->last, bytes, k, last);
				bad = 1;
			}
		}
		if (!found)
			bad |= fail("tensor missing from the plan", v->name);
		matched++;
	}
	int plain = 0;
	for (int i = 0; i < nrows; i++) {
		if (!rows[i].scratch)
			plain++;
		else if (rows[i].first != rows[i].last)
			bad |= fail("scratch live over several steps", rows[i].name);
	}
	if (plain != matched)
		bad |= fail("the plan has rows for other tensors", "plan");
	return bad;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: arenacheck LOWERED.g MODEL.c MODEL.h\n");
		return 2;
	}
	Graph *g = parse_file(argv[1]);
	if (!g)
		return 1;
	if (g->noutputs != 1)
		return fail("expected one output", argv[1]);
	if (read_plan(argv[2]))
		return 1;
	long long size = read_arena_size(argv[3]);
	if (size < 0)
		return fail("no NAME_ARENA_SIZE", argv[3]);
	int bad = check_tensors(g);
	long long peak = 0, raw_peak = 0, end = 0;
	for (int s = 0; s < g->nnodes; s++) {
		long long live = 0, raw = 0;
		for (int i = 0; i < nrows; i++)
			if (rows[i].first <= s && s <= rows[i].last)
				live += aligned(rows[i].bytes), raw += rows[i].bytes;
		if (live > peak)
			peak = live;
		if (raw > raw_peak)
			raw_peak = raw;
	}
	for (int i = 0; i < nrows; i++) {
		Row *a = &rows[i];
		if (a->offset % ALIGN)
			bad |= fail("offset not aligned", a->name);
		if (a->offset + a->bytes > end)
			end = a->offset + a->bytes;
		for (int j = i + 1; j < nrows; j++) {
			Row *b = &rows[j];
			if (a->first <= b->last && b->first <= a->last &&
				a->offset < b->offset + b->bytes &&
				b->offset < a->offset + a->bytes) {
				fprintf(stderr, "arenacheck: %s and %s are live together "
					"and overlap\n", a->name, b->name);
				bad = 1;
			}
		}
	}
	if (end > size)
		bad |= fail("a buffer ends past NAME_ARENA_SIZE", argv[3]);
	if (size > peak) {
		fprintf(stderr, "arenacheck: NAME_ARENA_SIZE %lld exceeds the peak "
			"live bytes %lld (aligned)\n", size, peak);
		bad = 1;
	}
	printf("arena %lld bytes; peak live %lld bytes (%lld before alignment); "
		"%d buffers\n", size, peak, raw_peak, nrows);
	graph_free(g);
	return bad;
}
