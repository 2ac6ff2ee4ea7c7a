/* test_graph.c - the name index and the editing paths of graph.c on a graph
 * of many nodes: lookup, fresh names, renames, compaction, use replacement
 * (one value and many at once), insertion (one at a time and deferred) and
 * the verifier's duplicate count. */
#include "check.h"

#define N 20000

/* x -> r1 -> r2 -> ... -> rN (output) */
static Graph *chain(int n)
{
	Graph *g = graph_new("m");
	Value *v = input(g, "x", TYPE(1, 4));
	char name[32];
	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof name, "r%d", i);
		v = node(g, "relu", name, 1, v, NULL, NULL)->out;
	}
	graph_mark_output(g, v);
	return g;
}

static void test_find(void)
{
	Graph *g = chain(N);
	char name[32];
	int found = 0;
	for (int i = 1; i <= N; i++) {
		snprintf(name, sizeof name, "r%d", i);
		Value *v = graph_find(g, name);
		found += v && strcmp(v->name, name) == 0 && v->kind == VAL_NODE;
	}
	CHECK(found == N);
	CHECK(graph_find(g, "x") == g->inputs[0]);
	CHECK(graph_find(g, "r0") == NULL);
	CHECK(graph_find(g, "r") == NULL);
	snprintf(name, sizeof name, "r%d", N + 1);
	CHECK(graph_find(g, name) == NULL);

	Value *x = g->inputs[0];
	capture_begin();
	Node *dup = node(g, "relu", "r77", 1, x, NULL, NULL);
	CHECK_HAS(capture_end(), "redefinition of 'r77'");
	CHECK(dup == NULL);
	graph_free(g);
}

/* Fresh names are the smallest free BASE_K, as a scan would give. */
static void test_fresh(void)
{
	Graph *g = chain(10);
	CHECK(strcmp(graph_fresh_name(g, "y"), "y") == 0);
	/* handed out, not yet used: taken */
	CHECK(strcmp(graph_fresh_name(g, "y"), "y_1") == 0);
	CHECK(strcmp(graph_fresh_name(g, "r1"), "r1_1") == 0);
	Value *x = g->inputs[0];
	for (int k = 1; k <= N; k++) {
		const char *s = graph_fresh_name(g, "t");
		Node *n = graph_add_node(g, OP_RELU, &x, 1, s, NULL, test_loc);
		CHECK(n != NULL);
	}
	CHECK(graph_find(g, "t") && graph_find(g, "t_1"));
	char want[32];
	snprintf(want, sizeof want, "t_%d", N - 1);
	CHECK(graph_find(g, want) != NULL);
	snprintf(want, sizeof want, "t_%d", N);
	CHECK(strcmp(graph_fresh_name(g, "t"), want) == 0);

	/* a name given up is handed out again */
	graph_rename(g, graph_find(g, "t_5"), "gone");
	CHECK(graph_find(g, "t_5") == NULL);
	CHECK(strcmp(graph_find(g, "gone")->name, "gone") == 0);
	CHECK(strcmp(graph_fresh_name(g, "t"), "t_5") == 0);
	graph_free(g);
}

/* A value renamed by assigning v->name (as passes do) is still found under
 * a name graph_fresh_name made, and its old name is free. */
static void test_direct_rename(void)
{
	Graph *g = chain(100);
	Value *v = graph_find(g, "r50");
	v->name = graph_fresh_name(g, "r50_float");
	CHECK(graph_find(g, "r50_float") == v);
	CHECK(graph_find(g, "r50") == NULL);
	CHECK(strcmp(graph_fresh_name(g, "r50"), "r50") == 0);
	CHECK(strcmp(graph_fresh_name(g, "r50_float"), "r50_float_1") == 0);
	graph_free(g);
}

/* take_over keeps output names; compact drops dead values' names. */
static void test_take_over_compact(void)
{
	Graph *g = chain(N);
	Node *last = g->nodes[N - 1], *prev = g->nodes[N - 2];
	char name[32];
	snprintf(name, sizeof name, "r%d", N);
	graph_take_over(g, last, prev);
	CHECK(graph_find(g, name) == prev->out);
	CHECK(graph_find(g, "dead") == last->out);
	CHECK(g->outputs[0] == prev->out);
	graph_compact(g);
	CHECK(g->nnodes == N - 1);
	CHECK(graph_find(g, "dead") == NULL);
	CHECK(graph_find(g, name) == prev->out);
	snprintf(name, sizeof name, "r%d", N - 1);
	CHECK(graph_find(g, name) == NULL);  /* renamed away, then dropped */
	CHECK(strcmp(graph_fresh_name(g, "dead"), "dead") == 0);
	capture_begin();
	CHECK(shape_infer(g) == 0);
	CHECK(graph_verify(g) == 0);
	CHECK(*capture_end() == 0);
	graph_free(g);
}

/* Every use is replaced, near and far from the definition. */
static void test_replace_uses(void)
{
	Graph *g = chain(1000);
	Value *r1 = graph_find(g, "r1");
	Value *x = g->inputs[0];
	Value *in[2] = {r1, r1};
	Node *far = graph_add_node(g, OP_ADD, in, 2, "far", NULL, test_loc);
	Node *last = graph_add_node(g, OP_RELU, &r1, 1, "last", NULL, test_loc);
	graph_mark_output(g, far->out);
	CHECK(r1->nuse == 4);
	graph_replace_uses(g, r1, x);
	CHECK(r1->nuse == 0);
	CHECK(g->nodes[1]->in[0] == x && far->in[0] == x && far->in[1] == x &&
		last->in[0] == x);

	/* a graph output is moved too */
	Value *r = graph_find(g, "r1000");
	graph_replace_uses(g, r, x);
	CHECK(g->outputs[0] == x && x->is_output && !r->is_output);
	graph_free(g);
}

/* Many replacements in one walk: every use of r_k (k even) reads r_(k-1)
 * instead, the graph output included. */
static void test_replace_uses_by(void)
{
	Graph *g = chain(N);
	Value **to = calloc(g->nvalues, sizeof *to);
	for (int k = 2; k <= N; k += 2)
		to[g->nodes[k - 1]->out->id] = g->nodes[k - 2]->out;
	Value *r2 = g->nodes[1]->out, *r1 = g->nodes[0]->out;
	Value *last = g->nodes[N - 1]->out, *before = g->nodes[N - 2]->out;
	graph_replace_uses_by(g, to, g->nvalues);
	int ok = 1;
	for (int k = 3; k <= N; k += 2)  /* r_k read r_(k-1), even */
		ok &= g->nodes[k - 1]->in[0] == g->nodes[k - 3]->out;
	for (int k = 2; k <= N; k += 2)  /* r_k read r_(k-1), odd: kept */
		ok &= g->nodes[k - 1]->in[0] == g->nodes[k - 2]->out;
	CHECK(ok);
	CHECK(r2->nuse == 0 && r1->nuse == 2);
	CHECK(g->outputs[0] == before && before->is_output && !last->is_output &&
		last->nuse == 0);
	free(to);
	graph_free(g);
}

/* Insertion keeps ids equal to positions. */
static void test_insert(void)
{
	Graph *g = chain(100);
	Value *x = g->inputs[0];
	Node *a = graph_insert_node(g, 0, OP_RELU, &x, 1, "a", NULL, test_loc);
	Node *b = graph_insert_node(g, 50, OP_RELU, &x, 1, "b", NULL, test_loc);
	int ok = 1;
	for (int i = 0; i < g->nnodes; i++)
		ok &= g->nodes[i]->id == i;
	CHECK(ok && g->nnodes == 102 && g->nodes[0] == a && g->nodes[50] == b);
	graph_free(g);
}

/* Deferred insertion: a node before every node of a chain, two at the
 * front and two at the end; the order they were queued in is kept at
 * each position, and ids equal positions after the flush. */
static void test_deferred_insert(void)
{
	Graph *g = chain(N);
	Value *x = g->inputs[0];
	Node **old = malloc(N * sizeof *old);
	memcpy(old, g->nodes, N * sizeof *old);
	graph_defer_inserts(g);
	Node *f0 = graph_insert_node(g, 0, OP_RELU, &x, 1, "f0", NULL, test_loc);
	Node *f1 = graph_insert_node(g, 0, OP_RELU, &x, 1, "f1", NULL, test_loc);
	Node **before = malloc(N * sizeof *before);
	char name[32];
	for (int k = N - 1; k >= 1; k--) {  /* queued out of order */
		snprintf(name, sizeof name, "b%d", k);
		before[k] = graph_insert_node(g, k, OP_RELU, &x, 1, name, NULL,
			test_loc);
	}
	Node *e0 = graph_add_node(g, OP_RELU, &x, 1, "e0", NULL, test_loc);
	Node *e1 = graph_insert_node(g, N, OP_RELU, &x, 1, "e1", NULL, test_loc);
	CHECK(g->nnodes == N && g->nodes[0] == old[0] && f0->id == -1);
	graph_flush_inserts(g);
	CHECK(g->nnodes == 2 * N + 3);
	int ok = g->nodes[0] == f0 && g->nodes[1] == f1 && g->nodes[2] == old[0];
	for (int k = 1; k < N; k++)
		ok &= g->nodes[1 + 2 * k] == before[k] &&
			g->nodes[2 + 2 * k] == old[k];
	ok &= g->nodes[2 * N + 1] == e0 && g->nodes[2 * N + 2] == e1;
	for (int i = 0; i < g->nnodes; i++)
		ok &= g->nodes[i]->id == i;
	CHECK(ok);
	/* not deferring any more: an insertion is immediate */
	Node *now = graph_insert_node(g, 1, OP_RELU, &x, 1, "now", NULL,
		test_loc);
	CHECK(g->nodes[1] == now && now->id == 1 && f1->id == 2);
	graph_flush_inserts(g);  /* nothing queued: no change */
	CHECK(g->nnodes == 2 * N + 4 && g->nodes[1] == now);
	free(old);
	free(before);
	graph_free(g);
}

static void test_name_repeats(void)
{
	Graph *g = chain(N);
	int *rep = graph_name_repeats(g);
	int sum = 0;
	for (int i = 0; i < g->nvalues; i++)
		sum += rep[i];
	CHECK(sum == 0);
	free(rep);
	g->values[7]->name = "r3";
	g->values[9]->name = "r3";
	rep = graph_name_repeats(g);
	CHECK(rep[3] == 0 && rep[7] == 1 && rep[9] == 2);
	free(rep);
	graph_free(g);
}

int main(void)
{
	test_find();
	test_fresh();
	test_direct_rename();
	test_take_over_compact();
	test_replace_uses();
	test_replace_uses_by();
	test_insert();
	test_deferred_insert();
	test_name_repeats();
	return finish("test_graph");
}
