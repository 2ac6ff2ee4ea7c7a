/* onnx_imp.h - what onnx.c (model, tensors, names, functions) and
 * onnx_ops.c (the per-op import table) share. Private to the ONNX reader. */
#ifndef QCC_ONNX_IMP_H
#define QCC_ONNX_IMP_H

#include "ir.h"
#include "onnx.pb-c.h"

/* Largest tensor the reader accepts, in elements (1 GiB of float). */
#define ONNX_MAX_NUMEL ((int64_t)1 << 28)

/* A tensor known at import time: an initializer, a Constant, a folded shape
 * computation. Float data (f) or integer data (i), never both. */
typedef struct {
	int is_float;
	int rank;
	int64_t dims[QCC_MAX_RANK];
	int64_t numel;
	float *f;
	int64_t *i;
} Tens;

/* What an ONNX tensor name stands for: a run-time value of the graph, a
 * tensor known at import time, or both (a constant already materialised). */
typedef struct {
	const char *name;   /* the ONNX name */
	Value *v;
	Tens *t;
} Sym;

typedef struct {
	Graph *g;
	const char *path;
	Loc loc;            /* {path, 0, 0}: diagnostics name the file */
	int opset;          /* default-domain opset of the model */
	const Onnx__ModelProto *model;
	Sym **tab;          /* hash table of symbols, open addressing */
	int tab_cap, nsym;
	int depth;          /* function inlining depth */
} Ctx;

/* A node being imported, with its inputs resolved. */
typedef struct {
	const Onnx__NodeProto *p;
	const char *label;  /* the node's name, or its first output's */
	int opset;
	int nin;
	Sym *in[16];        /* NULL for an absent optional input */
	int nout;           /* outputs actually named */
} NodeCtx;

typedef int (*ImportFn)(Ctx *c, NodeCtx *n);

typedef struct {
	const char *op_type;
	int min_opset;        /* earliest opset whose definition qcc implements */
	unsigned static_in;   /* bit i: input i must be known at import time */
	ImportFn fn;
	const char *attrs;    /* accepted attribute names, space separated */
	const char *note;     /* one line for --list-ops and docs */
} OnnxOp;

/* onnx_ops.c: the table, and helpers the folding ops share */
const OnnxOp *onnx_op_find(const char *op_type);
int onnx_op_count(void);
const OnnxOp *onnx_op_at(int i);
void imp_shape(const Sym *s, int *rank, int64_t *dims);
int imp_axis(Ctx *c, NodeCtx *n, int64_t axis, int rank, int *out);
int imp_has(const NodeCtx *n, int i);  /* input i is present */
/* Output 0 is input 0 with new dims: folded, or a reshape node. */
int imp_reshape(Ctx *c, NodeCtx *n, int rank, const int64_t *dims);
int imp_alias(Ctx *c, NodeCtx *n);     /* output 0 stands for input 0 */
/* A reshape of v to dims, as output k (or an intermediate with suffix). */
Value *imp_reshape_to(Ctx *c, NodeCtx *n, Value *v, int rank,
	const int64_t *dims, int k, const char *suffix);
/* Rejects a node that names outputs past the first (`what` they are). */
int imp_single_output(Ctx *c, NodeCtx *n, const char *what);
Value *imp_scalar(Ctx *c, NodeCtx *n, float x, const char *suffix);
int imp_unary(Ctx *c, NodeCtx *n, int op);  /* one IR op on input 0 */

/* onnx_nn.c */
int import_conv(Ctx *c, NodeCtx *n);
int import_maxpool(Ctx *c, NodeCtx *n);
int import_avgpool(Ctx *c, NodeCtx *n);
int import_global_avgpool(Ctx *c, NodeCtx *n);
int import_gemm(Ctx *c, NodeCtx *n);
int import_matmul(Ctx *c, NodeCtx *n);
int import_softmax(Ctx *c, NodeCtx *n);
int import_layernorm(Ctx *c, NodeCtx *n);
int import_batchnorm(Ctx *c, NodeCtx *n);

/* onnx_fold.c: ops folded at import time */
int import_constant(Ctx *c, NodeCtx *n);
int import_shape(Ctx *c, NodeCtx *n);
int import_gather(Ctx *c, NodeCtx *n);
int import_unsqueeze(Ctx *c, NodeCtx *n);
int import_squeeze(Ctx *c, NodeCtx *n);
int import_slice(Ctx *c, NodeCtx *n);
int import_cast(Ctx *c, NodeCtx *n);
int import_constant_of_shape(Ctx *c, NodeCtx *n);

/* onnx.c: helpers for the importers */
int imp_reject(Ctx *c, const NodeCtx *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
Sym *sym_get(Ctx *c, const char *name);
int sym_bind_value(Ctx *c, const char *name, Value *v);
int sym_bind_tens(Ctx *c, const char *name, Tens *t);
int sym_alias(Ctx *c, const char *name, Sym *s);
/* The run-time value of input i, materialising a float constant if needed;
 * NULL after reporting (integer data, absent input). */
Value *imp_value(Ctx *c, NodeCtx *n, int i);
/* Input i as a tensor known at import time; NULL after reporting. */
Tens *imp_const(Ctx *c, NodeCtx *n, int i);
/* Adds an IR node producing output k of the ONNX node (or, with k < 0, an
 * intermediate value named after output 0 plus `suffix`). */
Node *imp_node(Ctx *c, NodeCtx *n, int op, Value **in, int nin, int k,
	const char *suffix);
/* Shape inference and size check for a node built by imp_node; binds the
 * output when k >= 0. 0, or -1 after reporting. */
int imp_finish(Ctx *c, NodeCtx *n, Node *node, int k);

/* Attributes. Each reports a type mismatch and returns -1. */
const Onnx__AttributeProto *imp_attr(const NodeCtx *n, const char *name);
int imp_attr_int(Ctx *c, NodeCtx *n, const char *name, int64_t def,
	int64_t *out);
int imp_attr_float(Ctx *c, NodeCtx *n, const char *name, double def,
	double *out);
/* *len = -1 when absent. At most max entries. */
int imp_attr_ints(Ctx *c, NodeCtx *n, const char *name, int64_t *out,
	int max, int *len);
int imp_attr_str(Ctx *c, NodeCtx *n, const char *name, const char *def,
	const char **out);
/* Imports one node (used by function inlining as well). */
int onnx_import_node(Ctx *c, const Onnx__NodeProto *p, int opset);

/* onnx_tensor.c */
Tens *tens_new(Ctx *c, int is_float, int rank, const int64_t *dims); /* zeroed */
/* Decodes a TensorProto into a Tens; reports against `what`. */
Tens *imp_tensor(Ctx *c, const Onnx__TensorProto *tp, const char *what);
const char *onnx_dtype_name(int dt);  /* "float", "uint8", ... */

#endif
