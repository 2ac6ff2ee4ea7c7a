/* test_exec.c - the interpreter: buffers kept per value, the hook's calls,
 * and small kernels whose results are worked out by hand in the comments
 * (the PyTorch-checked numbers live in tests/ops). */
#include <math.h>

#include "check.h"

typedef struct {
	int calls, before_nodes;
	const Node *last;
} HookLog;

static void hook(void *user, const Node *n, const Value *v, const void *out)
{
	HookLog *log = user;
	(void)v;
	(void)out;
	log->calls++;
	if (!n)
		log->before_nodes += log->last == NULL;
	log->last = n;
}

static int near(float a, float b)
{
	return fabsf(a - b) <= 1e-6f + 1e-6f * fabsf(b);
}

/* add broadcasting a [2,3] with b [3]; then a hook sees every value. */
static void test_run_and_hook(void)
{
	Graph *g = graph_new("m");
	Value *a = input(g, "a", TYPE(2, 3));
	Value *b = constant(g, "b", TYPE(3), 10, 10);     /* 10 20 30 */
	Node *s = node(g, "add", "s", 2, a, b, NULL);
	Node *r = node(g, "relu", "r", 1, s->out, NULL, NULL);
	graph_mark_output(g, r->out);
	CHECK(shape_infer(g) == 0 && graph_verify(g) == 0);

	Exec *e = exec_new(g);
	float *x = exec_buffer(e, a);
	for (int k = 0; k < 6; k++)
		x[k] = -15.0f + 5.0f * k;                  /* -15 -10 -5 0 5 10 */
	HookLog log = {0};
	exec_set_hook(e, hook, &log);
	exec_run(e);
	CHECK(exec_buffer(e, b) == b->data);
	const float *sum = exec_buffer(e, s->out), *y = exec_buffer(e, r->out);
	float want_sum[6] = {-5, 10, 25, 10, 25, 40};
	for (int k = 0; k < 6; k++) {
		CHECK(near(sum[k], want_sum[k]));           /* intermediate kept */
		CHECK(near(y[k], want_sum[k] < 0 ? 0 : want_sum[k]));
	}
	CHECK(log.calls == 4);          /* a, b, then the two nodes */
	CHECK(log.before_nodes == 2);
	CHECK(log.last == r);
	exec_free(e);
	graph_free(g);
}

/* avgpool 2x2 stride 2 with pad 1 on a 3x3 of ones plus position:
 * x = [[1,2,3],[4,5,6],[7,8,9]], windows cover rows {-1,0},{1,2}. */
static void test_avgpool_pad(void)
{
	for (int include = 0; include < 2; include++) {
		Graph *g = graph_new("m");
		Value *x = input(g, "x", TYPE(1, 1, 3, 3));
		Node *p = node(g, "avgpool2d", "p", 1, x, NULL, NULL);
		attr_set_ints(g, p, "kernel", (int64_t[]){2, 2}, 2);
		attr_set_ints(g, p, "stride", (int64_t[]){2, 2}, 2);
		attr_set_ints(g, p, "pad", (int64_t[]){1, 1, 1, 1}, 4);
		attr_set_int(g, p, "count_include_pad", include);
		graph_mark_output(g, p->out);
		CHECK(shape_infer(g) == 0);
		Exec *e = exec_new(g);
		float *in = exec_buffer(e, x);
		for (int k = 0; k < 9; k++)
			in[k] = (float)(k + 1);
		exec_run(e);
		const float *y = exec_buffer(e, p->out);
		/* windows: {1}, {2,3}, {4,7}, {5,6,8,9} */
		if (include) {
			CHECK(near(y[0], 1 / 4.0f) && near(y[1], 5 / 4.0f));
			CHECK(near(y[2], 11 / 4.0f) && near(y[3], 28 / 4.0f));
		} else {
			CHECK(near(y[0], 1) && near(y[1], 2.5f));
			CHECK(near(y[2], 5.5f) && near(y[3], 7));
		}
		exec_free(e);
		graph_free(g);
	}
}

/* pad reflect, edge and a negative (cropping) pad on [1,2,3]. */
static void test_pad_modes(void)
{
	static const char *modes[] = {"reflect", "edge", "constant"};
	static const float want[3][4] = {
		{3, 2, 1, 2},     /* pads [2,-1]: reflect 3 2 | 1 2 (3 cropped) */
		{1, 1, 1, 2},
		{7, 7, 1, 2},
	};
	for (int m = 0; m < 3; m++) {
		Graph *g = graph_new("m");
		Value *x = input(g, "x", TYPE(3));
		Node *p = node(g, "pad", "p", 1, x, NULL, NULL);
		attr_set_ints(g, p, "pads", (int64_t[]){2, -1}, 2);
		attr_set_str(g, p, "mode", modes[m]);
		attr_set_float(g, p, "value", 7);
		graph_mark_output(g, p->out);
		CHECK(shape_infer(g) == 0 && p->out->type.dims[0] == 4);
		Exec *e = exec_new(g);
		float *in = exec_buffer(e, x);
		in[0] = 1, in[1] = 2, in[2] = 3;
		exec_run(e);
		const float *y = exec_buffer(e, p->out);
		for (int k = 0; k < 4; k++)
			CHECK(near(y[k], want[m][k]));
		exec_free(e);
		graph_free(g);
	}
}

/* matmul of a 1-D [2] with a batch [2,2,3]: each batch row-vector times
 * matrix. b = 0..11. */
static void test_matmul_1d(void)
{
	Graph *g = graph_new("m");
	Value *a = input(g, "a", TYPE(2));
	Value *b = constant(g, "b", TYPE(2, 2, 3), 0, 1);
	Node *m = node(g, "matmul", "m", 2, a, b, NULL);
	graph_mark_output(g, m->out);
	CHECK(shape_infer(g) == 0 && m->out->type.rank == 2);
	Exec *e = exec_new(g);
	float *in = exec_buffer(e, a);
	in[0] = 1, in[1] = 2;
	exec_run(e);
	const float *y = exec_buffer(e, m->out);
	/* batch 0: [0 1 2; 3 4 5] -> 6 9 12; batch 1: [6 7 8; 9 10 11] -> 24 27 30 */
	float want[6] = {6, 9, 12, 24, 27, 30};
	for (int k = 0; k < 6; k++)
		CHECK(near(y[k], want[k]));
	exec_free(e);
	graph_free(g);
}

/* maxpool2d on an i8 tensor works on the int32_t storage. */
static void test_maxpool_int(void)
{
	Graph *g = graph_new("m");
	Type t = mktype(DT_I8, 4, (int64_t[]){1, 1, 2, 2});
	Value *x = graph_add_input(g, "x", &t, test_loc);
	Node *p = node(g, "maxpool2d", "p", 1, x, NULL, NULL);
	attr_set_ints(g, p, "kernel", (int64_t[]){2, 2}, 2);
	graph_mark_output(g, p->out);
	CHECK(shape_infer(g) == 0 && p->out->type.elem == DT_I8);
	Exec *e = exec_new(g);
	int32_t *in = exec_buffer(e, x);
	in[0] = -100, in[1] = -3, in[2] = -128, in[3] = -7;
	exec_run(e);
	CHECK(((int32_t *)exec_buffer(e, p->out))[0] == -3);
	exec_free(e);
	graph_free(g);
}

int main(void)
{
	test_run_and_hook();
	test_avgpool_pad();
	test_pad_modes();
	test_matmul_1d();
	test_maxpool_int();
	return finish("test_exec");
}
