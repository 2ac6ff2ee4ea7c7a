/* test_verify.c - each broken graph gives the verifier's expected message;
 * a clean graph passes silently and is left unchanged. */
#include "check.h"

/* x[1,2,5,5] -> conv2d(w, b) -> c -> relu -> r (output). */
static Graph *clean_graph(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 2, 5, 5));
	Value *w = constant(g, "w", TYPE(3, 2, 3, 3), 0.1f, 0.01f);
	Value *b = constant(g, "b", TYPE(3), 0, 1);
	Node *c = node(g, "conv2d", "c", 3, x, w, b);
	Node *r = node(g, "relu", "r", 1, c->out, NULL, NULL);
	graph_mark_output(g, r->out);
	if (shape_infer(g) < 0)
		abort();
	return g;
}

static const char *verify_err(Graph *g)
{
	capture_begin();
	int rc = graph_verify(g);
	const char *msg = capture_end();
	CHECK(rc == -1);
	return msg;
}

static void test_clean(void)
{
	Graph *g = clean_graph();
	capture_begin();
	int rc = graph_verify(g);
	const char *msg = capture_end();
	CHECK(rc == 0);
	CHECK(*msg == 0);
	graph_free(g);
}

static void test_arity_and_attrs(void)
{
	Graph *g = clean_graph();
	Node *c = g->nodes[0];
	c->nin = 1;
	CHECK_HAS(verify_err(g), "t.g:1:1: error: conv2d expects 2 to 3 inputs, "
		"got 1\n");
	graph_free(g);

	g = clean_graph();
	c = g->nodes[0];
	node_attr(c, "stride")->kind = AK_INT;
	CHECK_HAS(verify_err(g), "conv2d: attribute stride must be ints, got int");
	graph_free(g);

	g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 1, 4, 4));
	Node *p = node(g, "maxpool2d", "p", 1, x, NULL, NULL);
	graph_mark_output(g, p->out);
	CHECK_HAS(verify_err(g), "maxpool2d: missing required attribute kernel");
	graph_free(g);
}

static void test_order_and_uses(void)
{
	/* a node that uses a value defined after it */
	Graph *g = clean_graph();
	Node *r = g->nodes[1];
	g->nodes[1] = g->nodes[0];
	g->nodes[0] = r;
	CHECK_HAS(verify_err(g), "relu: input 0 'c' is used before its definition");
	graph_free(g);

	/* a cycle: c uses r, r uses c */
	g = clean_graph();
	node_set_input(g->nodes[0], 0, g->nodes[1]->out);
	CHECK_HAS(verify_err(g), "conv2d: input 0 'r' is used before its "
		"definition");
	graph_free(g);

	/* a value of another graph */
	g = clean_graph();
	Graph *h = clean_graph();
	node_set_input(g->nodes[1], 0, h->nodes[0]->out);
	CHECK_HAS(verify_err(g), "relu: input 0 'c' is not a value of the graph");
	graph_free(h);
	graph_free(g);

	/* a use of a removed node's value */
	g = clean_graph();
	g->nodes[0]->dead = 1;
	CHECK_HAS(verify_err(g), "relu: input 0 'c' is defined by a removed node");
	graph_free(g);

	/* use counts */
	g = clean_graph();
	graph_find(g, "x")->nuse = 3;
	CHECK_HAS(verify_err(g), "'x' has a use count of 3 but 1 uses");
	graph_free(g);

	/* the same name twice */
	g = clean_graph();
	graph_find(g, "b")->name = "w";
	CHECK_HAS(verify_err(g), "'w' is defined more than once");
	graph_free(g);

	/* one value output of two nodes */
	g = clean_graph();
	g->nodes[1]->out = g->nodes[0]->out;
	CHECK_HAS(verify_err(g), "'r' is not the output of its defining node");
	graph_free(g);
}

static void test_types_and_data(void)
{
	/* a stale output shape; the verifier must not repair it */
	Graph *g = clean_graph();
	Value *c = graph_find(g, "c");
	c->type.dims[2] = 4;
	CHECK_HAS(verify_err(g), "conv2d: output 'c' is f32[1,3,4,3] but its "
		"inputs give f32[1,3,3,3]");
	CHECK(c->type.dims[2] == 4);
	graph_free(g);

	/* a shape error in a node's inputs */
	g = clean_graph();
	graph_find(g, "w")->type.dims[1] = 1;
	CHECK_HAS(verify_err(g), "conv2d: input has 2 channels but weights expect "
		"1 x groups 1");
	graph_free(g);

	g = clean_graph();
	graph_find(g, "w")->data = NULL;
	CHECK_HAS(verify_err(g), "const 'w' has no data");
	graph_free(g);

	g = clean_graph();
	graph_find(g, "x")->type.dims[0] = 0;
	CHECK_HAS(verify_err(g), "'x' has an unusable shape");
	graph_free(g);

	g = graph_new("empty");
	input(g, "x", TYPE(2));
	CHECK_HAS(verify_err(g), "qcc: error: model 'empty' has no outputs");
	graph_free(g);
}

int main(void)
{
	test_clean();
	test_arity_and_attrs();
	test_order_and_uses();
	test_types_and_data();
	return finish("test_verify");
}
