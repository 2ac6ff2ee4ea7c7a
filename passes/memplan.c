/* memplan.c - the memory plan: one static arena for the integer tensors of a
 * lowered graph, at offsets chosen from their lifetimes.
 *
 * The schedule is g->nodes in order; its live nodes are the steps 0, 1, ...
 * A buffer lives from the step that writes it to the last step that reads
 * it or a view of it; kernel scratch lives during its step only.
 * requires: a lowered graph (integer tensors between quantize/dequantize).
 * guarantees: offsets are multiples of MEMPLAN_ALIGN; buffers live at a
 *   common step never overlap; the caller's input and output are not in it.
 * The two branches of an If decided at run time (graph_guards) never run
 *   together: a buffer written only in one may overlap one written only in
 *   the other, so the arena holds the larger branch, not both.
 * Placement: first fit at the lowest free offset, in an order found by a
 *   short deterministic search that stops when the arena equals the peak
 *   (the largest sum of aligned sizes live at one step).
 * As a pass (--passes=...,memplan) it changes nothing and prints the plan of
 * the graph's tensors (without kernel scratch) to stderr.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int64_t align_up(int64_t n)
{
	return (n + MEMPLAN_ALIGN - 1) / MEMPLAN_ALIGN * MEMPLAN_ALIGN;
}

int memplan_is_view(const Node *n)
{
	return op_has(n->op, OPF_VIEW) || (n->op == OP_SLICE &&
		n->out->type.elem != DT_F32 && slice_view_offset(n) >= 0);
}

const Value *memplan_root(const Value *v)
{
	while (v->kind == VAL_NODE && memplan_is_view(v->def))
		v = v->def->in[0];
	return v;
}

int64_t memplan_view_offset(const Value *v)
{
	int64_t off = 0;
	for (; v->kind == VAL_NODE && memplan_is_view(v->def);
	     v = v->def->in[0])
		if (v->def->op == OP_SLICE)
			off += slice_view_offset(v->def);
	return off;
}

const Value *memplan_caller_root(const Value *v)
{
	while (v->kind == VAL_NODE && op_has(v->def->op, OPF_VIEW))
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

/* A sweep over the steps: each buffer adds its size at its first step and
 * takes it back after its last. -1 if out of memory. */
int64_t memplan_peak(const MemBuf *b, int n)
{
	int last = -1;
	for (int i = 0; i < n; i++)
		if (b[i].last > last)
			last = b[i].last;
	int64_t *delta = calloc(last + 2, sizeof *delta);
	if (!delta)
		return -1;
	for (int i = 0; i < n; i++)
		if (b[i].first <= b[i].last) {
			delta[b[i].first < 0 ? 0 : b[i].first] += align_up(b[i].size);
			delta[b[i].last + 1] -= align_up(b[i].size);
		}
	int64_t peak = 0, live = 0;
	for (int s = 0; s <= last; s++) {
		live += delta[s];
		if (live > peak)
			peak = live;
	}
	free(delta);
	return peak;
}

/* What place needs besides the buffers: the buffers sorted by first step
 * and, over that order, a segment tree of the latest last step in each
 * range, so that the buffers live at a common step with one are found in
 * O(log n + found); and room for place's per-buffer work. */
typedef struct {
	int n, leaves;    /* leaves: a power of two >= n */
	int *byfirst;     /* buffer indices by first step */
	int *maxlast;     /* 2 * leaves nodes, root 1; INT_MIN past n */
	int *rank;        /* place: the position of each buffer in the order */
	int *found;       /* lives_find's result */
	int nfound;
	int64_t (*spans)[2];  /* place: placed [offset, end) clashing in time */
} Lives;

static const MemBuf *sort_base;
static int sort_key;

static int cmp_first(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	if (sort_base[a].first != sort_base[b].first)
		return sort_base[a].first < sort_base[b].first ? -1 : 1;
	return a - b;
}

static void lives_free(Lives *L)
{
	free(L->byfirst);
	free(L->maxlast);
	free(L->rank);
	free(L->found);
	free(L->spans);
}

static int lives_init(Lives *L, const MemBuf *b, int n)
{
	memset(L, 0, sizeof *L);
	L->n = n;
	for (L->leaves = 1; L->leaves < n; L->leaves *= 2)
		;
	L->byfirst = malloc((n + 1) * sizeof *L->byfirst);
	L->maxlast = malloc(2 * L->leaves * sizeof *L->maxlast);
	L->rank = malloc((n + 1) * sizeof *L->rank);
	L->found = malloc((n + 1) * sizeof *L->found);
	L->spans = malloc((n + 1) * sizeof *L->spans);
	if (!L->byfirst || !L->maxlast || !L->rank || !L->found || !L->spans) {
		lives_free(L);
		return -1;
	}
	for (int i = 0; i < n; i++)
		L->byfirst[i] = i;
	sort_base = b;
	qsort(L->byfirst, n, sizeof *L->byfirst, cmp_first);
	for (int i = 0; i < L->leaves; i++)
		L->maxlast[L->leaves + i] = i < n ? b[L->byfirst[i]].last : INT_MIN;
	for (int i = L->leaves - 1; i >= 1; i--) {
		int l = L->maxlast[2 * i], r = L->maxlast[2 * i + 1];
		L->maxlast[i] = l > r ? l : r;
	}
	return 0;
}

/* Adds to L->found the buffers among byfirst[lo, lo + width) of tree node
 * `node`, before position hi, whose last step is >= first. */
static void lives_find(Lives *L, int node, int lo, int width, int hi,
	int first)
{
	if (lo >= hi || L->maxlast[node] < first)
		return;
	if (width == 1) {
		L->found[L->nfound++] = L->byfirst[lo];
		return;
	}
	lives_find(L, 2 * node, lo, width / 2, hi, first);
	lives_find(L, 2 * node + 1, lo + width / 2, width / 2, hi, first);
}

/* The buffers live at a common step with x, x included, into L->found. */
static void lives_overlapping(Lives *L, const MemBuf *b, const MemBuf *x)
{
	int lo = 0, hi = L->n;  /* hi: the first in byfirst starting after x */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (b[L->byfirst[mid]].first <= x->last)
			lo = mid + 1;
		else
			hi = mid;
	}
	L->nfound = 0;
	lives_find(L, 1, 0, L->leaves, lo, x->first);
}

static int cmp_span(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;
	return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : (a[1] < b[1] ? -1 :
		a[1] > b[1]);
}

/* The lowest offset where need bytes clear every span: the spans by
 * offset, stepping past each one that a block at off would touch. */
static int64_t lowest_fit(int64_t (*spans)[2], int k, int64_t need)
{
	qsort(spans, k, sizeof *spans, cmp_span);
	int64_t off = 0;
	for (int j = 0; j < k && spans[j][0] < off + need; j++)
		if (spans[j][1] > off)
			off = spans[j][1];
	return off;
}

/* First fit of b[order[i]] in order: the lowest offset clear of every placed
 * buffer that is live at a common step. Returns the arena size. */
static int64_t place(MemBuf *b, const int *order, int n, Lives *L)
{
	for (int i = 0; i < n; i++)
		L->rank[order[i]] = i;
	int64_t size = 0;
	for (int i = 0; i < n; i++) {
		MemBuf *x = &b[order[i]];
		int64_t need = align_up(x->size);
		lives_overlapping(L, b, x);
		int k = 0;
		for (int j = 0; j < L->nfound; j++) {
			const MemBuf *y = &b[L->found[j]];
			if (L->rank[L->found[j]] >= i)
				continue;  /* not placed yet, or x itself */
			if (x->branch && y->branch == x->branch && y->when != x->when)
				continue;  /* the other branch of one If */
			L->spans[k][0] = y->offset;
			L->spans[k++][1] = y->offset + align_up(y->size);
		}
		x->offset = lowest_fit(L->spans, k, need);
		if (x->offset + need > size)
			size = x->offset + need;
	}
	return size;
}

static int64_t order_key(const MemBuf *b)
{
	switch (sort_key) {
	case 0: return -b->size;
	case 1: return b->first;
	case 2: return -(int64_t)(b->last - b->first);
	case 3: return b->last;
	default: return -b->size * (b->last - b->first + 1);
	}
}

static int cmp_order(const void *pa, const void *pb)
{
	const MemBuf *a = &sort_base[*(const int *)pa];
	const MemBuf *b = &sort_base[*(const int *)pb];
	int64_t ka = order_key(a), kb = order_key(b);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return *(const int *)pa - *(const int *)pb;  /* deterministic */
}

#define NKEYS 5
#define SEARCH_STEPS 4000

/* Tries the placement orders of the five keys, then improves the best by
 * moving one buffer at a time to another place in the order (a fixed
 * pseudo-random sequence, so the plan is deterministic), until the arena
 * equals the peak or the steps run out. First fit in the order of an
 * optimal packing's offsets reproduces it, so the search space holds the
 * optimum. */
static int64_t assign(MemBuf *b, int n, int *order, int *best_order,
	Lives *L)
{
	int64_t best = -1, peak = memplan_peak(b, n);
	if (peak < 0)
		return -1;
	for (int key = 0; key < NKEYS; key++) {
		for (int i = 0; i < n; i++)
			order[i] = i;
		sort_base = b, sort_key = key;
		qsort(order, n, sizeof *order, cmp_order);
		int64_t size = place(b, order, n, L);
		if (best < 0 || size < best) {
			best = size;
			memcpy(best_order, order, n * sizeof *order);
		}
	}
	uint32_t seed = 12345;
	for (int step = 0; step < SEARCH_STEPS && best > peak && n > 1; step++) {
		memcpy(order, best_order, n * sizeof *order);
		seed = seed * 1103515245u + 12345u;
		int from = (int)((seed >> 8) % (uint32_t)n);
		seed = seed * 1103515245u + 12345u;
		int to = (int)((seed >> 8) % (uint32_t)n);
		int moved = order[from];
		if (from < to)
			memmove(order + from, order + from + 1, (to - from) * sizeof *order);
		else
			memmove(order + to + 1, order + to, (from - to) * sizeof *order);
		order[to] = moved;
		int64_t size = place(b, order, n, L);
		if (size <= best) {
			best = size;
			memcpy(best_order, order, n * sizeof *order);
		}
	}
	place(b, best_order, n, L);
	return best;
}

int64_t memplan_assign(MemBuf *b, int n)
{
	int *order = malloc((n + 1) * sizeof *order);
	int *best_order = malloc((n + 1) * sizeof *best_order);
	Lives L;
	int64_t best = -1;
	if (order && best_order && lives_init(&L, b, n) == 0) {
		best = assign(b, n, order, best_order, &L);
		lives_free(&L);
	}
	free(order);
	free(best_order);
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
		if (memplan_caller_root(o) == v)
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
	Guard *guard = malloc((g->nnodes + 1) * sizeof *guard);
	if (!guard) {
		memplan_free(p);
		diag_fail("out of memory");
		return -1;
	}
	graph_guards(g, guard);
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
		b->branch = guard[k].cond;
		b->when = guard[k].when;
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
		b->branch = guard[k].cond;
		b->when = guard[k].when;
		p->scratch_slot[k] = p->nbuf++;
	}
	free(guard);
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
