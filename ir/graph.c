/* graph.c - building and editing a Graph: values, nodes, attributes, uses.
 * Everything lives in g->arena; deleting a node only marks it dead. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

#define GROW(g, arr, n, cap) do { \
	if ((n) == (cap)) { \
		int ncap_ = (cap) ? 2 * (cap) : 16; \
		(arr) = arena_realloc(&(g)->arena, (arr), (cap) * sizeof *(arr), \
			ncap_ * sizeof *(arr)); \
		(cap) = ncap_; \
	} \
} while (0)

Graph *graph_new(const char *name)
{
	Graph *g = calloc(1, sizeof *g);
	if (!g)
		abort();
	g->name = arena_strdup(&g->arena, name ? name : "model");
	op_init();
	return g;
}

void graph_free(Graph *g)
{
	if (!g)
		return;
	arena_free(&g->arena);
	free(g);
}

/* ---- the name index ----
 * A slot per name ever given: the value created with it (v), or none yet
 * when graph_fresh_name handed it out (reserved). A slot is current when
 * its value still has that name; a value renamed behind the index's back
 * (v->name assigned directly) leaves a stale slot, so its old name is free
 * again, and its new name, if graph_fresh_name made it, stays reserved and
 * is found by a scan. next_k: graph_fresh_name(key) tried key_1 ..
 * key_(next_k - 1) and found them taken. */
struct NameSlot {
	const char *key;  /* NULL: an empty slot */
	Value *v;
	int reserved;
	int next_k;
};

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of name, or the empty slot where it would go (NULL: no index). */
static NameSlot *slot_find(const Graph *g, const char *name)
{
	if (!g->names_cap)
		return NULL;
	size_t mask = (size_t)g->names_cap - 1;
	size_t i = name_hash(name) & mask;
	while (g->names[i].key && strcmp(g->names[i].key, name) != 0)
		i = (i + 1) & mask;
	return &g->names[i];
}

static void slot_insert_raw(Graph *g, const NameSlot *s)
{
	NameSlot *d = slot_find(g, s->key);
	*d = *s;
}

/* The slot of name, created if needed, with room to spare (load <= 1/2). */
static NameSlot *slot_get(Graph *g, const char *name)
{
	if (2 * (g->names_used + 1) > g->names_cap) {
		NameSlot *old = g->names;
		int ncap = g->names_cap ? 2 * g->names_cap : 64;
		g->names = arena_alloc(&g->arena, ncap * sizeof *g->names);
		int oldcap = g->names_cap;
		g->names_cap = ncap;
		for (int i = 0; i < oldcap; i++)
			if (old[i].key)
				slot_insert_raw(g, &old[i]);
	}
	NameSlot *s = slot_find(g, name);
	if (!s->key) {
		s->key = arena_strdup(&g->arena, name);
		g->names_used++;
	}
	return s;
}

static int slot_current(const NameSlot *s)
{
	return s && s->key && s->v && strcmp(s->v->name, s->key) == 0;
}

static int name_taken(const Graph *g, const char *name)
{
	const NameSlot *s = slot_find(g, name);
	return slot_current(s) || (s && s->key && s->reserved);
}

/* name was given up: graph_fresh_name may hand out name = BASE_K again. */
static void name_freed(Graph *g, const char *name)
{
	const char *u = strrchr(name, '_');
	if (!u || u[1] < '1' || u[1] > '9' || strspn(u + 1, "0123456789") !=
			strlen(u + 1) || strlen(u + 1) > 9)
		return;
	char base[u - name + 1];
	memcpy(base, name, u - name);
	base[u - name] = 0;
	NameSlot *s = slot_find(g, base);
	int k = atoi(u + 1);
	if (s && s->key && s->next_k > k)
		s->next_k = k;
}

static void index_rebuild(Graph *g)
{
	if (g->names_cap)
		memset(g->names, 0, g->names_cap * sizeof *g->names);
	g->names_used = 0;
	for (int i = 0; i < g->nvalues; i++)
		slot_get(g, g->values[i]->name)->v = g->values[i];
}

Value *graph_find(const Graph *g, const char *name)
{
	const NameSlot *s = slot_find(g, name);
	if (slot_current(s))
		return s->v;
	if (!s || !s->key || !s->reserved)
		return NULL;
	for (int i = 0; i < g->nvalues; i++)  /* renamed directly: rare */
		if (strcmp(g->values[i]->name, name) == 0)
			return g->values[i];
	return NULL;
}

/* The slot tables are a first value index (-1: empty) and a count per
 * slot, in one malloc'd block of 2 * cap ints. */
int *graph_name_repeats(const Graph *g)
{
	int n = g->nvalues, cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	int *rep = malloc((n ? n : 1) * sizeof *rep);
	int *first = malloc(2 * (size_t)cap * sizeof *first);
	if (!rep || !first) {
		free(rep);
		free(first);
		return NULL;
	}
	int *seen = first + cap;
	memset(first, -1, cap * sizeof *first);
	memset(seen, 0, cap * sizeof *seen);
	size_t mask = (size_t)cap - 1;
	for (int i = 0; i < n; i++) {
		const char *name = g->values[i]->name;
		size_t h = name_hash(name) & mask;
		while (first[h] >= 0 && strcmp(g->values[first[h]]->name, name))
			h = (h + 1) & mask;
		if (first[h] < 0)
			first[h] = i;
		rep[i] = seen[h]++;
	}
	free(first);
	return rep;
}

void graph_rename(Graph *g, Value *v, const char *name)
{
	const char *old = v->name;
	v->name = arena_strdup(&g->arena, name);
	NameSlot *s = slot_get(g, name);
	s->v = v;
	s->reserved = 0;
	name_freed(g, old);
}

static void copy_qparams(Graph *g, QParams *dst, const QParams *src)
{
	*dst = *src;
	if (!src->present || src->n == 0)
		return;
	dst->scale = arena_alloc(&g->arena, src->n * sizeof *dst->scale);
	dst->zp = arena_alloc(&g->arena, src->n * sizeof *dst->zp);
	memcpy(dst->scale, src->scale, src->n * sizeof *dst->scale);
	memcpy(dst->zp, src->zp, src->n * sizeof *dst->zp);
}

static Value *new_value(Graph *g, const char *name, ValueKind kind,
	const Type *t, Loc loc)
{
	NameSlot *s = slot_get(g, name);
	if (slot_current(s)) {
		Value *old = s->v;
		diag_error(loc, "redefinition of '%s'", name);
		if (old->loc.file)
			diag_note(old->loc, "'%s' was defined here", name);
		return NULL;
	}
	Value *v = arena_alloc(&g->arena, sizeof *v);
	v->name = s->key;
	s->v = v;
	s->reserved = 0;
	v->kind = kind;
	v->loc = loc;
	if (t)
		copy_qparams(g, &v->type.q, &t->q), v->type.elem = t->elem,
		v->type.rank = t->rank,
		memcpy(v->type.dims, t->dims, sizeof t->dims);
	v->id = g->nvalues;
	GROW(g, g->values, g->nvalues, g->values_cap);
	g->values[g->nvalues++] = v;
	return v;
}

Value *graph_add_input(Graph *g, const char *name, const Type *t, Loc loc)
{
	Value *v = new_value(g, name, VAL_INPUT, t, loc);
	if (!v)
		return NULL;
	GROW(g, g->inputs, g->ninputs, g->inputs_cap);
	g->inputs[g->ninputs++] = v;
	return v;
}

Value *graph_add_const(Graph *g, const char *name, const Type *t, void *data,
	Loc loc)
{
	Value *v = new_value(g, name, VAL_CONST, t, loc);
	if (v)
		v->data = data;
	return v;
}

void *graph_alloc_data(Graph *g, const Type *t)
{
	int64_t n = type_numel(t);
	return arena_alloc(&g->arena, (n ? n : 1) * 4);
}

void *graph_try_alloc_data(Graph *g, const Type *t, const char *what,
	Loc loc)
{
	int64_t n = type_numel(t);
	void *p = NULL;
	if (n >= 0 && n <= graph_mem_limit / 4)
		p = arena_try_alloc(&g->arena, (n ? n : 1) * 4);
	if (!p) {
		char buf[TYPE_STR_MAX];
		diag_error(loc, "out of memory for '%s' (%s, %lld bytes; the "
			"limit is %lld)", what, type_str(t, buf, sizeof buf),
			(long long)n * 4, (long long)graph_mem_limit);
	}
	return p;
}

static Node *make_node(Graph *g, int op, Value **in, int nin,
	const char *out_name, const Type *t, Loc loc)
{
	const OpInfo *info = op_info(op);
	Value *out = new_value(g, out_name, VAL_NODE, t, loc);
	if (!out)
		return NULL;
	Node *n = arena_alloc(&g->arena, sizeof *n);
	n->op = op;
	n->loc = loc;
	n->nin = nin;
	n->in = arena_alloc(&g->arena, (nin ? nin : 1) * sizeof *n->in);
	for (int i = 0; i < nin; i++) {
		n->in[i] = in[i];
		if (in[i])
			in[i]->nuse++;
	}
	n->out = out;
	out->def = n;
	n->attr = arena_alloc(&g->arena, (info->nattr ? info->nattr : 1) *
		sizeof *n->attr);
	for (int i = 0; i < info->nattr; i++) {
		n->attr[i] = info->attrs[i].def;
		n->attr[i].set = 0;
	}
	return n;
}

struct PendingNode {
	Node *n;
	int pos;  /* goes before g->nodes[pos] */
};

Node *graph_insert_node(Graph *g, int pos, int op, Value **in, int nin,
	const char *out_name, const Type *t, Loc loc)
{
	Node *n = make_node(g, op, in, nin, out_name, t, loc);
	if (!n)
		return NULL;
	assert(pos >= 0 && pos <= g->nnodes);
	if (g->deferring) {
		GROW(g, g->pending, g->npending, g->pending_cap);
		g->pending[g->npending++] = (PendingNode){n, pos};
		n->id = -1;
		return n;
	}
	GROW(g, g->nodes, g->nnodes, g->nodes_cap);
	memmove(&g->nodes[pos + 1], &g->nodes[pos],
		(g->nnodes - pos) * sizeof *g->nodes);
	g->nodes[pos] = n;
	g->nnodes++;
	for (int i = pos; i < g->nnodes; i++)  /* O(1) when appending */
		g->nodes[i]->id = i;
	return n;
}

void graph_defer_inserts(Graph *g)
{
	g->deferring = 1;
}

/* A counting sort of the queue by pos (stable), then one merge. */
void graph_flush_inserts(Graph *g)
{
	int n = g->nnodes, m = g->npending;
	g->deferring = 0;
	if (m == 0)
		return;
	int *start = calloc(n + 2, sizeof *start);
	Node **sorted = malloc(m * sizeof *sorted);
	Node **nodes = arena_alloc(&g->arena, (n + m) * sizeof *nodes);
	if (!start || !sorted)
		abort();
	for (int i = 0; i < m; i++)
		start[g->pending[i].pos + 1]++;
	for (int p = 0; p <= n; p++)
		start[p + 1] += start[p];
	for (int i = 0; i < m; i++)
		sorted[start[g->pending[i].pos]++] = g->pending[i].n;
	/* start[p] is now the end of pos p's run, the start of pos p + 1's */
	int k = 0, j = 0;
	for (int p = 0; p <= n; p++) {
		while (j < start[p])
			nodes[k++] = sorted[j++];
		if (p < n)
			nodes[k++] = g->nodes[p];
	}
	for (int i = 0; i < k; i++)
		nodes[i]->id = i;
	g->nodes = nodes;
	g->nnodes = g->nodes_cap = k;
	g->npending = 0;
	free(start);
	free(sorted);
}

Node *graph_add_node(Graph *g, int op, Value **in, int nin,
	const char *out_name, const Type *t, Loc loc)
{
	return graph_insert_node(g, g->nnodes, op, in, nin, out_name, t, loc);
}

void graph_mark_output(Graph *g, Value *v)
{
	if (v->is_output)
		return;
	v->is_output = 1;
	v->nuse++;
	GROW(g, g->outputs, g->noutputs, g->outputs_cap);
	g->outputs[g->noutputs++] = v;
}

/* The smallest free BASE_K, K >= 1; names are rarely given up (a rename,
 * graph_compact), so each base remembers where to start: a run of fresh
 * names from one base costs O(1) each. */
const char *graph_fresh_name(Graph *g, const char *base)
{
	if (!name_taken(g, base)) {
		NameSlot *s = slot_get(g, base);
		s->reserved = 1;
		return s->key;
	}
	size_t len = strlen(base) + 24;
	char *buf = arena_alloc(&g->arena, len);
	int k = slot_find(g, base)->next_k;
	for (k = k > 1 ? k : 1;; k++) {
		snprintf(buf, len, "%s_%d", base, k);
		if (!name_taken(g, buf))
			break;
	}
	slot_find(g, base)->next_k = k + 1;
	NameSlot *s = slot_get(g, buf);
	s->reserved = 1;
	return s->key;
}

void node_set_input(Node *n, int i, Value *v)
{
	if (n->in[i])
		n->in[i]->nuse--;
	n->in[i] = v;
	if (v)
		v->nuse++;
}

/* g->outputs[i] becomes to. */
static void move_output(Graph *g, int i, Value *to)
{
	Value *from = g->outputs[i];
	g->outputs[i] = to;
	from->is_output = 0;
	from->nuse--;
	to->is_output = 1;
	to->nuse++;
}

/* Uses follow the definition (topological order) and from->nuse counts
 * them, so the walk starts after from's node and stops at the last use. */
void graph_replace_uses(Graph *g, Value *from, Value *to)
{
	int left = from->nuse - from->is_output;
	int k = 0;
	if (from->kind == VAL_NODE && from->def->id >= 0 &&
	    from->def->id < g->nnodes && g->nodes[from->def->id] == from->def)
		k = from->def->id + 1;
	for (; k < g->nnodes && left > 0; k++) {
		Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < n->nin; i++)
			if (n->in[i] == from && from != to) {
				node_set_input(n, i, to);
				left--;
			}
	}
	for (int i = 0; i < g->noutputs; i++)
		if (g->outputs[i] == from)
			move_output(g, i, to);
}

void graph_replace_uses_by(Graph *g, Value *const *to, int nto)
{
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (n->dead)
			continue;
		for (int i = 0; i < n->nin; i++) {
			Value *v = n->in[i];
			if (v && v->id < nto && to[v->id])
				node_set_input(n, i, to[v->id]);
		}
	}
	for (int i = 0; i < g->noutputs; i++) {
		Value *from = g->outputs[i];
		if (from->id < nto && to[from->id])
			move_output(g, i, to[from->id]);
	}
}

void graph_take_over(Graph *g, Node *n, Node *p)
{
	int was_output = n->out->is_output;
	graph_replace_uses(g, n->out, p->out);
	node_kill(g, n);
	if (was_output) {
		const char *name = n->out->name;
		graph_rename(g, n->out, graph_fresh_name(g, "dead"));
		graph_rename(g, p->out, name);
	}
}

void node_kill(Graph *g, Node *n)
{
	(void)g;
	if (n->dead)
		return;
	n->dead = 1;
	for (int i = 0; i < n->nin; i++)
		if (n->in[i])
			n->in[i]->nuse--;
}

void graph_compact(Graph *g)
{
	int k = 0;
	for (int i = 0; i < g->nnodes; i++)
		if (!g->nodes[i]->dead)
			g->nodes[k++] = g->nodes[i];
	g->nnodes = k;
	for (int i = 0; i < g->nnodes; i++)
		g->nodes[i]->id = i;

	k = 0;
	for (int i = 0; i < g->nvalues; i++) {
		Value *v = g->values[i];
		int keep = v->kind == VAL_INPUT || v->nuse > 0 ||
			(v->kind == VAL_NODE && !v->def->dead);
		if (keep)
			g->values[k++] = v;
	}
	g->nvalues = k;
	for (int i = 0; i < g->nvalues; i++)
		g->values[i]->id = i;
	index_rebuild(g);
}

Graph *graph_clone(const Graph *g)
{
	Graph *c = graph_new(g->name);
	c->path = g->path ? arena_strdup(&c->arena, g->path) : NULL;
	c->weights_path = g->weights_path ?
		arena_strdup(&c->arena, g->weights_path) : NULL;
	c->calib_path = g->calib_path ?
		arena_strdup(&c->arena, g->calib_path) : NULL;
	c->rounding = g->rounding;
	Value **map = calloc(g->nvalues ? g->nvalues : 1, sizeof *map);
	if (!map)
		abort();
	for (int i = 0; i < g->nvalues; i++) {
		const Value *v = g->values[i];
		if (v->kind == VAL_INPUT)
			map[i] = graph_add_input(c, v->name, &v->type, v->loc);
		else if (v->kind == VAL_CONST) {
			int64_t bytes = type_numel(&v->type) * 4;
			void *data = graph_alloc_data(c, &v->type);
			memcpy(data, v->data, bytes);
			map[i] = graph_add_const(c, v->name, &v->type, data, v->loc);
			map[i]->ref = v->ref ? arena_strdup(&c->arena, v->ref) : NULL;
		}
	}
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		Value *in[n->nin ? n->nin : 1];
		for (int i = 0; i < n->nin; i++)
			in[i] = n->in[i] ? map[n->in[i]->id] : NULL;
		Node *m = graph_add_node(c, n->op, in, n->nin, n->out->name,
			&n->out->type, n->loc);
		assert(m);
		map[n->out->id] = m->out;
		const OpInfo *info = op_info(n->op);
		for (int a = 0; a < info->nattr; a++) {
			Attr at = n->attr[a];
			if (at.ints) {
				at.ints = arena_alloc(&c->arena, (at.n + 1) * sizeof *at.ints);
				memcpy(at.ints, n->attr[a].ints, at.n * sizeof *at.ints);
			}
			if (at.floats) {
				at.floats = arena_alloc(&c->arena,
					(at.n + 1) * sizeof *at.floats);
				memcpy(at.floats, n->attr[a].floats,
					at.n * sizeof *at.floats);
			}
			if (at.s)
				at.s = arena_strdup(&c->arena, at.s);
			m->attr[a] = at;
		}
	}
	for (int i = 0; i < g->noutputs; i++)
		graph_mark_output(c, map[g->outputs[i]->id]);
	free(map);
	return c;
}

/* ---- attributes ---- */

Attr *node_attr(const Node *n, const char *name)
{
	int i = op_attr_index(n->op, name);
	assert(i >= 0 && "op has no such attribute");
	return &n->attr[i];
}

int64_t attr_int(const Node *n, const char *name)
{
	return node_attr(n, name)->i;
}

double attr_float(const Node *n, const char *name)
{
	return node_attr(n, name)->f;
}

const int64_t *attr_ints(const Node *n, const char *name, int *len)
{
	Attr *a = node_attr(n, name);
	if (len)
		*len = a->n;
	return a->ints;
}

const double *attr_floats(const Node *n, const char *name, int *len)
{
	Attr *a = node_attr(n, name);
	if (len)
		*len = a->n;
	return a->floats;
}

const char *attr_str(const Node *n, const char *name)
{
	return node_attr(n, name)->s;
}

void attr_set_int(Graph *g, Node *n, const char *name, int64_t v)
{
	(void)g;
	Attr *a = node_attr(n, name);
	a->i = v;
	a->set = 1;
}

void attr_set_float(Graph *g, Node *n, const char *name, double v)
{
	(void)g;
	Attr *a = node_attr(n, name);
	a->f = v;
	a->set = 1;
}

void attr_set_ints(Graph *g, Node *n, const char *name, const int64_t *v, int len)
{
	Attr *a = node_attr(n, name);
	a->ints = arena_alloc(&g->arena, (len + 1) * sizeof *a->ints);
	memcpy(a->ints, v, len * sizeof *v);
	a->n = len;
	a->set = 1;
}

void attr_set_floats(Graph *g, Node *n, const char *name, const double *v, int len)
{
	Attr *a = node_attr(n, name);
	a->floats = arena_alloc(&g->arena, (len + 1) * sizeof *a->floats);
	memcpy(a->floats, v, len * sizeof *v);
	a->n = len;
	a->set = 1;
}

void attr_set_str(Graph *g, Node *n, const char *name, const char *s)
{
	Attr *a = node_attr(n, name);
	a->s = arena_strdup(&g->arena, s);
	a->set = 1;
}
