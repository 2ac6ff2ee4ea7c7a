/* test_shape.c - shape inference: inferred shapes, numpy broadcasting and
 * the exact diagnostics for bad inputs and attributes. */
#include "check.h"

/* Runs shape inference on n, which must fail; returns the diagnostic. */
static const char *infer_err(Graph *g, Node *n)
{
	capture_begin();
	int rc = shape_infer_node(g, n);
	const char *msg = capture_end();
	CHECK(rc == -1);
	return msg;
}

/* Runs shape inference on n, which must succeed with no diagnostic. */
static const Type *shape_ok(Graph *g, Node *n)
{
	capture_begin();
	int rc = shape_infer_node(g, n);
	const char *msg = capture_end();
	CHECK(rc == 0);
	if (*msg)
		printf("unexpected diagnostic: %s", msg);
	return &n->out->type;
}

static int dims_are(const Type *t, int rank, const int64_t *dims)
{
	if (t->rank != rank)
		return 0;
	for (int i = 0; i < rank; i++)
		if (t->dims[i] != dims[i])
			return 0;
	return 1;
}
#define DIMS(t, ...) dims_are((t), \
	(int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), \
	(int64_t[]){__VA_ARGS__})

static void test_broadcast(void)
{
	Type o;
	Type a = TYPE(2, 3), b = TYPE(3);
	CHECK(shape_broadcast(&a, &b, &o) == 0 && DIMS(&o, 2, 3));
	a = TYPE(4, 1, 3), b = TYPE(2, 1);
	CHECK(shape_broadcast(&a, &b, &o) == 0 && DIMS(&o, 4, 2, 3));
	a = SCALAR, b = TYPE(2, 3);
	CHECK(shape_broadcast(&a, &b, &o) == 0 && DIMS(&o, 2, 3));
	CHECK(shape_broadcast(&b, &a, &o) == 0 && DIMS(&o, 2, 3));
	a = TYPE(1), b = TYPE(5, 1);
	CHECK(shape_broadcast(&a, &b, &o) == 0 && DIMS(&o, 5, 1));
	a = TYPE(2, 3), b = TYPE(4);
	CHECK(shape_broadcast(&a, &b, &o) == -1);
	a = SCALAR, b = SCALAR;
	CHECK(shape_broadcast(&a, &b, &o) == 0 && o.rank == 0);

	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 3)), *y = input(g, "y", TYPE(4));
	CHECK_HAS(infer_err(g, node(g, "add", "s", 2, x, y, NULL)),
		"t.g:1:1: error: add: cannot broadcast f32[2,3] with f32[4]\n");
	Value *z = input(g, "z", TYPE(3, 1, 1));
	CHECK(DIMS(shape_ok(g, node(g, "mul", "m1", 2, x, z, NULL)), 3, 2, 3));

	/* any number of inputs (concat is variadic: only its inputs are read) */
	Type o3;
	Value *v = input(g, "v", TYPE(4, 1, 1, 1));
	Node *n3 = node(g, "concat", "n3", 3, x, z, v);
	CHECK(shape_broadcast_inputs(n3, &o3) == 0 && DIMS(&o3, 4, 3, 2, 3));
	Node *bad = node(g, "concat", "bad", 3, x, z, y);
	capture_begin();
	CHECK(shape_broadcast_inputs(bad, &o3) == -1);
	CHECK_HAS(capture_end(), "concat: cannot broadcast f32[3,2,3] with f32[4]");
	graph_free(g);
}

static void test_conv2d(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 3, 7, 6));
	Value *w = constant(g, "w", TYPE(4, 3, 3, 2), 0, 1);
	Value *w2 = constant(g, "w2", TYPE(4, 2, 3, 3), 0, 1);
	Value *b = constant(g, "b", TYPE(4), 0, 1);
	Value *b5 = constant(g, "b5", TYPE(5), 0, 1);
	Value *x3 = input(g, "x3", TYPE(3, 7, 6));

	Node *n = node(g, "conv2d", "c", 3, x, w, b);
	attr_set_ints(g, n, "stride", (int64_t[]){2, 1}, 2);
	attr_set_ints(g, n, "pad", (int64_t[]){1, 0, 2, 1}, 4);
	attr_set_ints(g, n, "dilation", (int64_t[]){2, 1}, 2);
	/* height (7+1+2-5)/2+1 = 3, width (6+0+1-2)/1+1 = 6 */
	CHECK(DIMS(shape_ok(g, n), 1, 4, 3, 6));

	CHECK_HAS(infer_err(g, node(g, "conv2d", "c1", 2, x, w2, NULL)),
		"conv2d: input has 3 channels but weights expect 2 x groups 1");
	CHECK_HAS(infer_err(g, node(g, "conv2d", "c2", 2, x3, w, NULL)),
		"conv2d: input must be rank 4 [N,C,H,W], got f32[3,7,6]");
	CHECK_HAS(infer_err(g, node(g, "conv2d", "c3", 3, x, w, b5)),
		"conv2d: bias must be [4] (one per output channel), got f32[5]");
	n = node(g, "conv2d", "c4", 2, x, w, NULL);
	attr_set_ints(g, n, "stride", (int64_t[]){1, 1, 1}, 3);
	CHECK_HAS(infer_err(g, n), "conv2d: stride must have 2 entries, got 3");
	n = node(g, "conv2d", "c5", 2, x, w, NULL);
	attr_set_ints(g, n, "stride", (int64_t[]){1, 0}, 2);
	CHECK_HAS(infer_err(g, n),
		"conv2d: stride entries must be positive, got [1,0]");
	n = node(g, "conv2d", "c6", 2, x, w, NULL);
	attr_set_ints(g, n, "pad", (int64_t[]){0, -1, 0, 0}, 4);
	CHECK_HAS(infer_err(g, n),
		"conv2d: pad entries must be non-negative, got [0,-1,0,0]");
	n = node(g, "conv2d", "c7", 2, x, w, NULL);
	attr_set_ints(g, n, "dilation", (int64_t[]){4, 1}, 2);
	CHECK_HAS(infer_err(g, n), "conv2d: output height would be 0: input "
		"height 7 plus padding 0+0 is smaller than the dilated kernel 9");
	n = node(g, "conv2d", "c8", 2, x, w, NULL);
	attr_set_int(g, n, "groups", 0);
	CHECK_HAS(infer_err(g, n), "conv2d: groups must be positive, got 0");

	/* depthwise: groups = channels, weights [C*mult, 1, KH, KW] */
	Value *wd = constant(g, "wd", TYPE(6, 1, 3, 3), 0, 1);
	n = node(g, "conv2d", "c9", 2, x, wd, NULL);
	attr_set_int(g, n, "groups", 3);
	CHECK(DIMS(shape_ok(g, n), 1, 6, 5, 4));
	n = node(g, "conv2d", "c10", 2, x, wd, NULL);
	attr_set_int(g, n, "groups", 4);
	CHECK_HAS(infer_err(g, n),
		"conv2d: input has 3 channels but weights expect 1 x groups 4");

	Type i8 = mktype(DT_I8, 4, (int64_t[]){1, 3, 7, 6});
	Value *xq = graph_add_input(g, "xq", &i8, test_loc);
	CHECK_HAS(infer_err(g, node(g, "conv2d", "c11", 2, xq, w, NULL)),
		"conv2d: expected f32 inputs, input 0 'xq' is i8[1,3,7,6]");
	graph_free(g);
}

static void test_dense_matmul(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 5));
	Value *w = constant(g, "w", TYPE(3, 5), 0, 1);
	Node *n = node(g, "dense", "d", 2, x, w, NULL);
	CHECK(DIMS(shape_ok(g, n), 2, 3));
	n = node(g, "dense", "d2", 2, x, w, NULL);
	attr_set_int(g, n, "trans_w", 0);
	CHECK_HAS(infer_err(g, n), "dense: input f32[2,5] has K=5 but weights "
		"f32[3,5] expect K=3 (trans_w=0: [K,M])");
	Value *wt = constant(g, "wt", TYPE(5, 4), 0, 1);
	n = node(g, "dense", "d3", 2, x, wt, NULL);
	attr_set_int(g, n, "trans_w", 0);
	CHECK(DIMS(shape_ok(g, n), 2, 4));
	CHECK_HAS(infer_err(g, node(g, "dense", "d4", 2, x, wt, NULL)),
		"dense: input f32[2,5] has K=5 but weights f32[5,4] expect K=4 "
		"(trans_w=1: [M,K])");

	Value *v3 = input(g, "v3", TYPE(3)), *m234 = input(g, "m234", TYPE(2, 3, 4));
	Value *a = input(g, "a", TYPE(2, 1, 3, 4)), *b = input(g, "b", TYPE(5, 4, 2));
	Value *m23 = input(g, "m23", TYPE(2, 3)), *v4 = input(g, "v4", TYPE(4));
	Value *c = input(g, "c", TYPE(3, 4, 5));
	CHECK(shape_ok(g, node(g, "matmul", "p1", 2, v3, v3, NULL))->rank == 0);
	CHECK(DIMS(shape_ok(g, node(g, "matmul", "p2", 2, v3, m234, NULL)), 2, 4));
	CHECK(DIMS(shape_ok(g, node(g, "matmul", "p3", 2, a, b, NULL)),
		2, 5, 3, 2));
	CHECK(DIMS(shape_ok(g, node(g, "matmul", "p4", 2, m234, v4, NULL)), 2, 3));
	CHECK_HAS(infer_err(g, node(g, "matmul", "p5", 2, m23, v4, NULL)),
		"matmul: inner dimensions differ: f32[2,3] has K=3 but f32[4] "
		"has K=4");
	CHECK_HAS(infer_err(g, node(g, "matmul", "p6", 2, m234, c, NULL)),
		"matmul: cannot broadcast the batch dimensions of f32[2,3,4] "
		"with f32[3,4,5]");
	graph_free(g);
}

static Node *pool(Graph *g, const char *op, const char *out, Value *x,
	int64_t k, int64_t s, const int64_t *pad, int ceil_mode)
{
	Node *n = node(g, op, out, 1, x, NULL, NULL);
	attr_set_ints(g, n, "kernel", (int64_t[]){k, k}, 2);
	attr_set_ints(g, n, "stride", (int64_t[]){s, s}, 2);
	if (pad)
		attr_set_ints(g, n, "pad", pad, 4);
	attr_set_int(g, n, "ceil_mode", ceil_mode);
	return n;
}

static void test_pool(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 2, 5, 4));
	CHECK(DIMS(shape_ok(g, pool(g, "maxpool2d", "p1", x, 2, 2, NULL, 0)),
		1, 2, 2, 2));
	/* ceil: height ceil(3/2)+1 = 3, width ceil(2/2)+1 = 2 */
	CHECK(DIMS(shape_ok(g, pool(g, "avgpool2d", "p2", x, 2, 2, NULL, 1)),
		1, 2, 3, 2));
	/* width 4 + pad 1 - 2 = 3: ceil gives 3 windows but the third would
	 * start at 4, in the end padding, so it is dropped */
	int64_t pe[4] = {0, 0, 1, 1};
	CHECK(DIMS(shape_ok(g, pool(g, "maxpool2d", "p3", x, 2, 2, pe, 1)),
		1, 2, 3, 2));
	int64_t big[4] = {2, 0, 0, 0};
	CHECK_HAS(infer_err(g, pool(g, "maxpool2d", "p4", x, 2, 2, big, 0)),
		"maxpool2d: pad [2,0,0,0] must be smaller than the kernel 2, got 2");
	CHECK_HAS(infer_err(g, pool(g, "maxpool2d", "p5", x, 6, 1, NULL, 0)),
		"maxpool2d: output height would be 0: input height 5 plus padding "
		"0+0 is smaller than the kernel 6");
	Node *n = pool(g, "avgpool2d", "p6", x, 2, 2, NULL, 0);
	attr_set_int(g, n, "count_include_pad", 2);
	CHECK_HAS(infer_err(g, n),
		"avgpool2d: count_include_pad must be 0 or 1, got 2");
	n = node(g, "maxpool2d", "p7", 1, x, NULL, NULL);
	attr_set_ints(g, n, "kernel", (int64_t[]){3}, 1);
	CHECK_HAS(infer_err(g, n), "maxpool2d: kernel must have 2 entries, got 1");
	n = pool(g, "maxpool2d", "p8", x, 2, 1, NULL, 0);
	attr_set_ints(g, n, "dilation", (int64_t[]){2, 3}, 2);
	CHECK(DIMS(shape_ok(g, n), 1, 2, 3, 1));
	CHECK(DIMS(shape_ok(g, node(g, "global_avgpool", "gp", 1, x, NULL, NULL)),
		1, 2, 1, 1));
	graph_free(g);
}

static void test_layout(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 3, 4));
	Node *n = node(g, "reshape", "r1", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){4, -1}, 2);
	CHECK(DIMS(shape_ok(g, n), 4, 6));
	n = node(g, "reshape", "r2", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){0, -1, 2}, 3);
	CHECK(DIMS(shape_ok(g, n), 2, 6, 2));
	n = node(g, "reshape", "r3", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){-1, -1}, 2);
	CHECK_HAS(infer_err(g, n),
		"reshape: shape [-1,-1] has more than one -1 entry");
	n = node(g, "reshape", "r4", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){5, 5}, 2);
	CHECK_HAS(infer_err(g, n), "reshape: cannot reshape f32[2,3,4] (24 "
		"elements) to [5,5] (25 elements)");
	n = node(g, "reshape", "r5", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){5, -1}, 2);
	CHECK_HAS(infer_err(g, n), "reshape: cannot reshape f32[2,3,4] (24 "
		"elements) to [5,-1]: 24 is not a multiple of 5");
	n = node(g, "reshape", "r6", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){65536, 65536, 2}, 3);
	CHECK_HAS(infer_err(g, n),
		"reshape: shape [65536,65536,2] has more than 2147483647 elements");
	n = node(g, "reshape", "r7", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){INT64_MAX, -1}, 2);
	CHECK_HAS(infer_err(g, n), "reshape: shape [9223372036854775807,-1] has "
		"more than 2147483647 elements");
	n = node(g, "reshape", "r8", 1, x, NULL, NULL);
	attr_set_ints(g, n, "shape", (int64_t[]){2, -3, 4}, 3);
	CHECK_HAS(infer_err(g, n), "reshape: shape [2,-3,4]: entry 1 must be "
		"positive, -1 or 0, got -3");

	n = node(g, "transpose", "t1", 1, x, NULL, NULL);
	attr_set_ints(g, n, "perm", (int64_t[]){2, 0, 1}, 3);
	CHECK(DIMS(shape_ok(g, n), 4, 2, 3));
	n = node(g, "transpose", "t2", 1, x, NULL, NULL);
	attr_set_ints(g, n, "perm", (int64_t[]){0, 0, 1}, 3);
	CHECK_HAS(infer_err(g, n),
		"transpose: perm [0,0,1] is not a permutation of 0..2");
	n = node(g, "transpose", "t3", 1, x, NULL, NULL);
	attr_set_ints(g, n, "perm", (int64_t[]){1, 0}, 2);
	CHECK_HAS(infer_err(g, n),
		"transpose: perm [1,0] must have 3 entries for f32[2,3,4], got 2");

	n = node(g, "flatten", "f1", 1, x, NULL, NULL);
	attr_set_int(g, n, "axis", -1);
	CHECK(DIMS(shape_ok(g, n), 6, 4));
	n = node(g, "flatten", "f2", 1, x, NULL, NULL);
	attr_set_int(g, n, "axis", 3);
	CHECK(DIMS(shape_ok(g, n), 24, 1));
	n = node(g, "flatten", "f3", 1, x, NULL, NULL);
	attr_set_int(g, n, "axis", 4);
	CHECK_HAS(infer_err(g, n),
		"flatten: axis 4 is out of range for f32[2,3,4] (expected -3..3)");

	Value *y = input(g, "y", TYPE(2, 5, 4)), *z = input(g, "z", TYPE(2, 5, 3));
	Value *in[3] = {x, y, x};
	n = graph_add_node(g, op_lookup("concat"), in, 3, "k1", NULL, test_loc);
	attr_set_int(g, n, "axis", -2);
	CHECK(DIMS(shape_ok(g, n), 2, 11, 4));
	Value *in2[2] = {x, z};
	n = graph_add_node(g, op_lookup("concat"), in2, 2, "k2", NULL, test_loc);
	attr_set_int(g, n, "axis", 1);
	CHECK_HAS(infer_err(g, n), "concat: input 1 is f32[2,5,3] but input 0 "
		"is f32[2,3,4]: all dims but axis 1 must match");

	n = node(g, "pad", "q1", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 1, -1, 0, 2, -2}, 6);
	CHECK(DIMS(shape_ok(g, n), 2, 6, 1));
	n = node(g, "pad", "q2", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 1, 0, 1}, 4);
	CHECK_HAS(infer_err(g, n), "pad: pads must have 6 entries, got 4");
	n = node(g, "pad", "q3", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 3, 0, 0, 0, 0}, 6);
	attr_set_str(g, n, "mode", "reflect");
	CHECK_HAS(infer_err(g, n), "pad: reflect pads on axis 1 must be smaller "
		"than its size 3, got 3 and 0");
	n = node(g, "pad", "q4", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 0, -2, 0, 0, -2}, 6);
	CHECK_HAS(infer_err(g, n),
		"pad: axis 2 would have size 0 (size 4, pads -2 and -2)");
	n = node(g, "pad", "q5", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 0, 0, 0, 0, 1}, 6);
	attr_set_str(g, n, "mode", "wrap");
	CHECK_HAS(infer_err(g, n),
		"pad: mode must be constant, reflect or edge, got 'wrap'");
	n = node(g, "pad", "q6", 1, x, NULL, NULL);
	attr_set_ints(g, n, "pads", (int64_t[]){0, 0, (int64_t)1 << 40, 0, 0, 0}, 6);
	CHECK_HAS(infer_err(g, n), "pad: pads entry 1099511627776 is out of range");
	graph_free(g);
}

static void test_norm_and_unary(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 3, 4));
	Value *s4 = constant(g, "s4", TYPE(4), 1, 0);
	Value *s34 = constant(g, "s34", TYPE(3, 4), 1, 0);
	Value *s3 = constant(g, "s3", TYPE(3), 1, 0);
	Node *n = node(g, "layernorm", "l1", 3, x, s4, s4);
	CHECK(DIMS(shape_ok(g, n), 2, 3, 4));
	n = node(g, "layernorm", "l2", 3, x, NULL, s34);
	attr_set_int(g, n, "axis", -2);
	CHECK(DIMS(shape_ok(g, n), 2, 3, 4));
	n = node(g, "layernorm", "l3", 2, x, s4, NULL);
	attr_set_int(g, n, "axis", 1);
	CHECK_HAS(infer_err(g, n), "layernorm: scale must be shaped like the "
		"normalized dims [3,4] of f32[2,3,4], got f32[4]");
	n = node(g, "layernorm", "l4", 1, x, NULL, NULL);
	attr_set_float(g, n, "epsilon", -1);
	CHECK_HAS(infer_err(g, n),
		"layernorm: epsilon must be finite and >= 0, got -1");

	Value *bn[5] = {x, s3, s3, s3, s4};
	n = graph_add_node(g, op_lookup("batchnorm"), bn, 5, "b1", NULL, test_loc);
	CHECK_HAS(infer_err(g, n), "batchnorm: var must be [3] (one per channel "
		"of f32[2,3,4]), got f32[4]");
	bn[4] = s3;
	n = graph_add_node(g, op_lookup("batchnorm"), bn, 5, "b2", NULL, test_loc);
	CHECK(DIMS(shape_ok(g, n), 2, 3, 4));

	n = node(g, "softmax", "sm1", 1, x, NULL, NULL);
	attr_set_int(g, n, "axis", -3);
	CHECK(DIMS(shape_ok(g, n), 2, 3, 4));
	n = node(g, "softmax", "sm2", 1, x, NULL, NULL);
	attr_set_int(g, n, "axis", 3);
	CHECK_HAS(infer_err(g, n),
		"softmax: axis 3 is out of range for f32[2,3,4] (expected -3..2)");
	n = node(g, "gelu", "g1", 1, x, NULL, NULL);
	attr_set_str(g, n, "approx", "erf");
	CHECK_HAS(infer_err(g, n), "gelu: approx must be none or tanh, got 'erf'");
	CHECK(DIMS(shape_ok(g, node(g, "sigmoid", "sg", 1, x, NULL, NULL)),
		2, 3, 4));
	CHECK_HAS(infer_err(g, node(g, "relu", "r", 2, x, x, NULL)),
		"relu: expected 1 input, got 2");
	graph_free(g);
}

/* Huge shapes are rejected with a message, not an overflow. */
static void test_limits(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(65536, 65536, 2));
	CHECK_HAS(infer_err(g, node(g, "relu", "r", 1, x, NULL, NULL)),
		"relu: input 0 'x' has an unusable shape f32[65536,65536,2] (dims "
		"must be >= 1, at most 2147483647 elements)");
	Value *y = input(g, "y", TYPE(46340, 46340));
	Value *z = input(g, "z", TYPE(2, 1, 1));
	CHECK_HAS(infer_err(g, node(g, "add", "a", 2, y, z, NULL)),
		"add: output [2,46340,46340] has more than 2147483647 elements");
	graph_free(g);
}

static void test_declared(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 3));
	Type t = TYPE(2, 4);
	Value *in[1] = {x};
	Node *n = graph_add_node(g, op_lookup("relu"), in, 1, "r", &t, test_loc);
	CHECK_HAS(infer_err(g, n),
		"relu: 'r' is declared f32[2,4] but the op produces f32[2,3]");
	t = TYPE(2, 3);
	n = graph_add_node(g, op_lookup("relu"), in, 1, "r2", &t, test_loc);
	CHECK(DIMS(shape_ok(g, n), 2, 3));
	graph_free(g);
}

int main(void)
{
	test_broadcast();
	test_conv2d();
	test_dense_matmul();
	test_pool();
	test_layout();
	test_norm_and_unary();
	test_limits();
	test_declared();
	return finish("test_shape");
}
