/* devstubs.c - TEMPORARY scaffolding while the tree is built in parallel:
 * weak definitions of shape functions and kernels named in ops.def, so the
 * library links before ir/shape.c and exec/ exist. Real definitions
 * override them. Deleted once every op has its functions. */
#include <stdlib.h>

#include "ir.h"

#define SHAPE(f) __attribute__((weak)) int f(Graph *g, Node *n) \
	{ (void)g; diag_error(n->loc, "no shape function yet"); return -1; }
#define EVAL(f) __attribute__((weak)) void f(const Node *n, \
	const void *const *in, void *out) { (void)n; (void)in; (void)out; abort(); }
SHAPE(shape_batchnorm)
SHAPE(shape_binary)
SHAPE(shape_concat)
SHAPE(shape_conv2d)
SHAPE(shape_dense)
SHAPE(shape_flatten)
SHAPE(shape_global_pool)
SHAPE(shape_layernorm)
SHAPE(shape_matmul)
SHAPE(shape_pad)
SHAPE(shape_pool2d)
SHAPE(shape_reshape)
SHAPE(shape_transpose)
SHAPE(shape_unary)
EVAL(eval_add)
EVAL(eval_avgpool2d)
EVAL(eval_batchnorm)
EVAL(eval_clip)
EVAL(eval_concat)
EVAL(eval_conv2d)
EVAL(eval_copy)
EVAL(eval_dense)
EVAL(eval_div)
EVAL(eval_gelu)
EVAL(eval_global_avgpool)
EVAL(eval_layernorm)
EVAL(eval_leaky_relu)
EVAL(eval_matmul)
EVAL(eval_maxpool2d)
EVAL(eval_mul)
EVAL(eval_pad)
EVAL(eval_relu)
EVAL(eval_relu6)
EVAL(eval_sigmoid)
EVAL(eval_softmax)
EVAL(eval_sub)
EVAL(eval_tanh)
EVAL(eval_transpose)

#define PASS(f) __attribute__((weak)) int f(Graph *g, const Options *o) \
	{ (void)g; (void)o; diag_fail("pass not built yet"); return -1; }
PASS(pass_fold_bn)
PASS(pass_fuse)
PASS(pass_observe)
PASS(pass_calibrate)
PASS(pass_range)
PASS(pass_quantize)
PASS(pipeline_run)
__attribute__((weak)) const PassInfo *pass_lookup(const char *name) { (void)name; return NULL; }
__attribute__((weak)) int pass_count(void) { return 0; }
__attribute__((weak)) const PassInfo *pass_at(int i) { (void)i; return NULL; }
