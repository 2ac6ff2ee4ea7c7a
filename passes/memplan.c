/* memplan.c - the memory plan: one static arena for the integer tensors of a
 * lowered graph, at offsets chosen from their lifetimes.
 *
 * The schedule is g->nodes in order; its live nodes are the steps 0, 1, ...
 * A buffer is live from the step that writes it to the last step that reads
 * it (a view's readers count for the tensor it aliases). Two buffers live at
 * a common step never overlap; others may share bytes.
 *
 * requires: a lowered graph (integer node outputs between the quantize and
 *           dequantize boundary nodes).
 * guarantees: every offset is a multiple of MEMPLAN_ALIGN; the arena is no
 *           larger than the largest sum of aligned sizes live at one step
 *           whenever one of the placement orders below reaches it (it is
 *           reported otherwise, never silently).
 * Placement: greedy, first fit at the lowest free offset, tried in three
 * orders (size, start, lifetime length); the smallest arena wins.
 * As a pass (--passes=...,memplan) it changes nothing and prints the plan of
 * the graph's tensors (no kernel scratch) to stderr.
 */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int64_t align_up(int64_t n)
{
	return (n + MEMPLAN_ALIGN - 1) / MEMPLAN_ALIGN * MEMPLAN_ALIGN;
}

int memplan_is_view(const Node *n)
{
	return n->op == OP_FLATTEN || n->op == OP_RESHAPE;
}

const Value *memplan_root(const Value *v)
{
	while (v->kind == VAL_NODE && memplan_is_view(v->def))
		v = v->def->in[0];
	return v;
}

int64_t memplan_elem_bytes(DType t)
{
	switch (t) {
	case DT_I32:
	case DT_F32:
		return 4;
	case DT_I16:
		return 2;
	default:
		return 1;
	}
}

int64_t memplan_peak(const MemBuf *b, int n)
{
	int last = -1;
	for (int i = 0; i < n; i++)
		if (b[i].last > last)
			last = b[i].last;
	int64_t peak = 0;
	for (int s = 0; s <= last; s++) {
		int64_t live = 0;
		for (int i = 0; i < n; i++)
			if (b[i].first <= s && s <= b[i].last)
				live += align_up(b[i].size);
		if (live > peak)
			peak = live;
	}
	return peak;
}

static int overlap_in_time(const MemBuf *a, const MemBuf *b)
{
	return a->first <= b->last && b->first <= a->last;
}

/* First fit of b[order[i]] in order: the lowest offset clear of every placed
 * buffer that is live at a common step. Returns the arena size. */
static int64_t place(MemBuf *b, const int *order, int n)
{
	int64_t size = 0;
	for (int i = 0; i < n; i++) {
		MemBuf *x = &b[order[i]];
		int64_t off = 0, need = align_up(x->size);
		int moved = 1;
		while (moved) {
			moved = 0;
			for (int j = 0; j < i; j++) {
				const MemBuf *y = &b[order[j]];
				if (!overlap_in_time(x, y))
					continue;
				if (off < y->offset + align_up(y->size) &&
					y->offset < off + need) {
					off = y->offset + align_up(y->size);
					moved = 1;
				}
			}
		}
		x->offset = off;
		if (off + need > size)
			size = off + need;
	}
	return size;
}

static const MemBuf *sort_base;
static int sort_key;

static int cmp_order(const void *pa, const void *pb)
{
	const MemBuf *a = &sort_base[*(const int *)pa];
	const MemBuf *b = &sort_base[*(const int *)pb];
	int64_t ka, kb;
	switch (sort_key) {
	case 0: ka = -a->size, kb = -b->size; break;
	case 1: ka = a->first, kb = b->first; break;
	default:
		ka = -(int64_t)(a->last - a->first), kb = -(int64_t)(b->last - b->first);
		break;
	}
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return *(const int *)pa - *(const int *)pb;  /* deterministic */
}

int64_t memplan_assign(MemBuf *b, int n)
{
	int *order = malloc((n + 1) * sizeof *order);
	int64_t *best_off = malloc((n + 1) * sizeof *best_off);
	if (!order || !best_off) {
		free(order);
		free(best_off);
		return -1;
	}
	int64_t best = -1;
	for (int key = 0; key < 3; key++) {
		for (int i = 0; i < n; i++)
			order[i] = i;
		sort_base = b, sort_key = key;
		qsort(order, n, sizeof *order, cmp_order);
		int64_t size = place(b, order, n);
		if (best < 0 || size < best) {
			best = size;
			for (int i = 0; i < n; i++)
				best_off[i] = b[i].offset;
		}
	}
	for (int i = 0; i < n; i++)
		b[i].offset = best_off[i];
	free(order);
	free(best_off);
	return best;
}

/* The value a lowered graph's caller provides (the output of its quantize
 * node, or an integer graph input) or receives (the integer tensor its
 * dequantize reads) is not in the arena. */
static int is_boundary_value(const Graph *g, const Value *v)
{
	if (v->kind == VAL_NODE && v->def->op == OP_QUANTIZE)
		return 1;
	for (int i = 0; i < g->noutputs; i++) {
		const Value *o = g->outputs[i];
		if (o->kind == VAL_NODE && o->def->op == OP_DEQUANTIZE)
			o = o->def->in[0];
		if (memplan_root(o) == v)
			return 1;
	}
	return 0;
}

int memplan_build(const Graph *g, MemScratchFn scratch, void *user,
	MemPlan *p)
{
	memset(p, 0, sizeof *p);
	p->slot = malloc((g->nvalues + 1) * sizeof *p->slot);
	p->scratch_slot = malloc((g->nnodes + 1) * sizeof *p->scratch_slot);
	p->buf = calloc(g->nvalues + g->nnodes + 1, sizeof *p->buf);
	if (!p->slot || !p->buf || !p->scratch_slot) {
		memplan_free(p);
		diag_fail("out of memory");
		return -1;
	}
	for (int i = 0; i < g->nvalues; i++)
		p->slot[i] = -1;
	/* 1. one buffer per non-view integer node output; steps count the
	 * live nodes only */
	for (int k = 0, step = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		p->scratch_slot[k] = -1;
		if (n->dead)
			continue;
		step++;
		if (memplan_is_view(n) || n->out->type.elem == DT_F32 ||
			is_boundary_value(g, n->out))
			continue;
		MemBuf *b = &p->buf[p->nbuf];
		b->name = n->out->name;
		b->size = type_numel(&n->out->type) *
			memplan_elem_bytes(n->out->type.elem);
		b->first = b->last = step - 1;
		p->slot[n->out->id] = p->nbuf++;
	}
	/* 2. lifetimes: each reader extends its inputs' roots */
	for (int k = 0, step = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < n->nin; i++) {
			if (!n->in[i])
				continue;
			int s = p->slot[memplan_root(n->in[i])->id];
			if (s >= 0 && p->buf[s].last < step)
				p->buf[s].last = step;
		}
		step++;
	}
	/* 3. scratch, live during its node only */
	for (int k = 0, step = 0; scratch && k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		int64_t bytes = scratch(user, n);
		step++;
		if (bytes <= 0)
			continue;
		MemBuf *b = &p->buf[p->nbuf];
		b->name = n->out->name;
		b->is_scratch = 1;
		b->size = bytes;
		b->first = b->last = step - 1;
		p->scratch_slot[k] = p->nbuf++;
	}
	p->size = memplan_assign(p->buf, p->nbuf);
	p->peak = memplan_peak(p->buf, p->nbuf);
	if (p->size < 0) {
		memplan_free(p);
		diag_fail("out of memory");
		return -1;
	}
	return 0;
}

void memplan_free(MemPlan *p)
{
	free(p->buf);
	free(p->slot);
	free(p->scratch_slot);
	memset(p, 0, sizeof *p);
}

void memplan_print(FILE *f, const MemPlan *p, const char *prefix)
{
	fprintf(f, "%sarena %lld bytes, peak live %lld bytes, %d buffers\n",
		prefix, (long long)p->size, (long long)p->peak, p->nbuf);
	fprintf(f, "%s%10s %10s %5s %5s  %s\n", prefix, "offset", "bytes",
		"first", "last", "tensor");
	for (int i = 0; i < p->nbuf; i++) {
		const MemBuf *b = &p->buf[i];
		fprintf(f, "%s%10lld %10lld %5d %5d  %s%s\n", prefix,
			(long long)b->offset, (long long)b->size, b->first, b->last,
			b->name, b->is_scratch ? " (scratch)" : "");
	}
}

int pass_memplan(Graph *g, const Options *o)
{
	(void)o;
	MemPlan p;
	if (memplan_build(g, NULL, NULL, &p))
		return -1;
	memplan_print(stderr, &p, "# ");
	memplan_free(&p);
	return 0;
}
