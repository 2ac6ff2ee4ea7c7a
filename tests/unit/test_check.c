/* test_check.c - the memory limit of ir/check.c: parsing it, the tensor
 * budget, allocations the model asks for, and literal lists in .g text. */
#include "check.h"

static void test_parse_limit(void)
{
	int64_t b = 0;
	CHECK(graph_mem_limit_parse("1000", &b) == 0 && b == 1000);
	CHECK(graph_mem_limit_parse("16M", &b) == 0 && b == (int64_t)16 << 20);
	CHECK(graph_mem_limit_parse("8g", &b) == 0 && b == (int64_t)8 << 30);
	CHECK(graph_mem_limit_parse("0", &b) == -1);
	CHECK(graph_mem_limit_parse("-4K", &b) == -1);
	CHECK(graph_mem_limit_parse("4X", &b) == -1);
	CHECK(graph_mem_limit_parse("", &b) == -1);
	CHECK(graph_mem_limit_parse("99999999999999999999", &b) == -1);
	CHECK(graph_mem_limit_parse("9999999999G", &b) == -1);
}

static void test_budget(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 256));
	Node *r = node(g, "relu", "r", 1, x, NULL, NULL);
	graph_mark_output(g, r->out);
	CHECK(shape_infer(g) == 0);
	graph_mem_limit = 2048;  /* exactly the two tensors */
	CHECK(graph_check_memory(g) == 0);
	graph_mem_limit = 2047;
	capture_begin();
	CHECK(graph_check_memory(g) == -1);
	CHECK_HAS(capture_end(), "t.g:1:1: error: 'r' (f32[1,256], 1024 bytes) "
		"takes the model's tensors to 2048 bytes, over the limit of 2047");

	Type big = TYPE(1024);
	capture_begin();
	CHECK(graph_try_alloc_data(g, &big, "w", test_loc) == NULL);
	CHECK_HAS(capture_end(), "out of memory for 'w' (f32[1024], 4096 bytes");
	graph_mem_limit = 4096;
	CHECK(graph_try_alloc_data(g, &big, "w", test_loc) != NULL);
	graph_mem_limit = GRAPH_MEM_LIMIT_DEFAULT;
	graph_free(g);
}

/* A literal list is held to the limit while it is parsed. */
static void test_long_list(void)
{
	char text[4096];
	int k = snprintf(text, sizeof text, "model m\ninput x : f32[1,200]\n"
		"const c : f32[1,200] = [");
	for (int i = 0; i < 200; i++)
		k += snprintf(text + k, sizeof text - k, i ? ",%d" : "%d", i % 10);
	k += snprintf(text + k, sizeof text - k, "]\noutput y = add(x, c)\n");
	Graph *g = parse_string("l.g", text, k);
	CHECK(g != NULL);
	graph_free(g);

	graph_mem_limit = 100 * 64;  /* about 100 parsed numbers */
	capture_begin();
	g = parse_string("l.g", text, k);
	const char *msg = capture_end();
	CHECK(g == NULL);
	CHECK_HAS(msg, "l.g:3:");
	CHECK_HAS(msg, "values in one list");
	graph_mem_limit = GRAPH_MEM_LIMIT_DEFAULT;
	graph_free(g);
}

int main(void)
{
	test_parse_limit();
	test_budget();
	test_long_list();
	return finish("test_check");
}
