/* onnx_imp.h - what the files of the ONNX reader share. Private to it.
 *
 *   onnx.c         the file and the graph walk: initializers, inputs, nodes,
 *                  outputs; serialized tensors (.pb)
 *   onnx_wire.c    the checks on the raw wire format before protobuf-c
 *   onnx_sym.c     the symbol table: ONNX names -> Sym, sanitised IR names,
 *                  constants materialised as IR values
 *   onnx_node.c    one node: inputs resolved, dispatch through the op
 *                  tables, and the helpers every importer calls
 *   onnx_attr.c    attribute access with type checks
 *   onnx_func.c    model-local functions, inlined at their call sites
 *   onnx_tensor.c  TensorProto decoding
 *   onnx_pattern.c the multi-node patterns of one op, fused at import
 *   onnx_ops.c, onnx_nn.c, onnx_fold.c, onnx_cond.c, onnx_math.c,
 *   onnx_reduce.c, onnx_quant.c, onnx_geo.c
 *                  the per-op importers, each file with its table of rows
 *
 * Adding an ONNX op: write its importer (a static function) in the importer
 * file it belongs to and add a row to that file's table. Nothing else. */
#ifndef QCC_ONNX_IMP_H
#define QCC_ONNX_IMP_H

#include "ir.h"
#include "onnx.pb-c.h"

/* Largest tensor the reader accepts, in elements (1 GiB of float). */
#define ONNX_MAX_NUMEL ((int64_t)1 << 28)
#define ONNX_OPSET_MAX 21    /* newest default-domain opset qcc takes */
/* TensorProto element types newer than the onnx.proto the bindings come
 * from: 4-bit integers, packed two a byte, low nibble first (opset 21) */
#define ONNX_DT_UINT4 21
#define ONNX_DT_INT4 22

/* A tensor known at import time: an initializer, a Constant, a folded shape
 * computation. Float data (f) or integer data (i), never both. */
typedef struct {
	int is_float;
	int dt;             /* ONNX element type (TensorProto.DataType) */
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
	int dt;             /* ONNX element type of v when there is no t */
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
	const InputShape *shapes;  /* --input-shape, nshapes of them */
	int nshapes;
	/* blocked DequantizeLinear nodes whose block scales were approximated
	 * (onnx_quant.c), and the largest relative error of a block scale:
	 * its node, channel and block (reported once, after the import) */
	int napprox;
	double approx_err;
	const char *approx_node;
	int64_t approx_ch, approx_block;
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

/* One row of an importer file's table: an ONNX op of the default domain. */
typedef struct {
	const char *op_type;
	int min_opset;        /* earliest opset whose definition qcc implements */
	int max_opset;        /* latest it accepts; 0: ONNX_OPSET_MAX */
	unsigned static_in;   /* bit i: input i must be known at import time */
	ImportFn fn;
	const char *attrs;    /* accepted attribute names, space separated */
	const char *note;     /* one line for --list-ops and docs */
} OnnxOp;

typedef struct {
	const OnnxOp *ops;
	int n;
} OnnxOpTable;
#define ONNX_OP_TABLE(rows) {rows, (int)(sizeof rows / sizeof *rows)}

/* The importer files' tables (onnx_node.c lists them). */
extern const OnnxOpTable onnx_ops_table;   /* onnx_ops.c */
extern const OnnxOpTable onnx_nn_table;    /* onnx_nn.c */
extern const OnnxOpTable onnx_fold_table;  /* onnx_fold.c */
extern const OnnxOpTable onnx_cond_table;  /* onnx_cond.c */
extern const OnnxOpTable onnx_math_table;  /* onnx_math.c */
extern const OnnxOpTable onnx_reduce_table;  /* onnx_reduce.c */
extern const OnnxOpTable onnx_quant_table; /* onnx_quant.c */
/* onnx_quant.c: ONNX Runtime's contrib op (com.microsoft) of that name,
 * or NULL */
const OnnxOp *onnx_contrib_find(const char *op_type);
/* An op that moves or selects values (Flatten, MaxPool) on a quantized
 * integer input 0, as ONNX Runtime's optimizer leaves them: dequantize,
 * the float op, quantize with the same q (qdq_elim folds the pairs).
 * 0 done, -1 after reporting, 1 if input 0 is not quantized (import as
 * usual). */
int imp_quantized_move(Ctx *c, NodeCtx *n);
/* dynquant(x, out=which: y, scale or zero_point) as output k of n: 0, or
 * -1 after reporting. */
int imp_dynquant(Ctx *c, NodeCtx *n, Value *x, int k, const char *which);
/* onnx_quant.c: the IR element type of zero-point type dt (-1 if not
 * supported); a constant of n's integer input xi with the type elem and
 * q (NULL after reporting). */
int imp_zp_elem(int dt);
Value *imp_quantized_const(Ctx *c, NodeCtx *n, int xi, int elem,
	const QParams *q);
/* onnx_blocked.c: DequantizeLinear(input xi, its scale and zero point)
 * with block_size b along axis of constant weights, named with suffix:
 * the dequantized value, or NULL after reporting. */
Value *imp_dequantize_blocked(Ctx *c, NodeCtx *n, int xi, int64_t axis,
	int64_t b, const char *suffix);
extern const OnnxOpTable onnx_geo_table;   /* onnx_geo.c */

/* onnx_wire.c: 1 iff no message on the wire nests past the limit
 * (protobuf-c unpacks recursively, without one). */
#define ONNX_MAX_NESTING 64
int onnx_wire_nesting_ok(const ProtobufCMessageDescriptor *d,
	const uint8_t *p, size_t len);

/* onnx_sym.c */
/* The `.g` identifier for an ONNX name: sanitised, plus suffix, unique. */
const char *sym_fresh_name(Ctx *c, const char *onnx_name, const char *suffix);
const char *sym_sanitize(Ctx *c, const char *name);
/* An ONNX tensor name for an intermediate the importer adds: onnx_name
 * plus suffix (then _1, _2, ...), neither bound nor named anywhere in the
 * model, so no tensor the model defines later collides with it. */
const char *sym_fresh_onnx(Ctx *c, const char *onnx_name, const char *suffix);
Sym *sym_get(Ctx *c, const char *name);
int sym_bind_value(Ctx *c, const char *name, Value *v, int dt);
int sym_bind_tens(Ctx *c, const char *name, Tens *t);
int sym_alias(Ctx *c, const char *name, Sym *s);
int sym_dtype(const Sym *s);          /* ONNX element type */
int sym_is_float(const Sym *s);
/* The run-time value of s, materialising its tensor as an IR constant
 * (float, or integer data as int32_t); NULL after reporting. */
Value *sym_value(Ctx *c, Sym *s);

/* onnx_node.c: one node, and helpers for the importers */
int onnx_import_node(Ctx *c, const Onnx__NodeProto *p, int opset);
const OnnxOp *onnx_op_find(const char *op_type);
int imp_reject(Ctx *c, const NodeCtx *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The run-time float value of input i, materialising a constant if needed;
 * NULL after reporting (integer data, absent or empty input). */
Value *imp_value(Ctx *c, NodeCtx *n, int i);
/* As imp_value for any element type the IR holds: float, or integer data
 * as the matching integer type. */
Value *imp_operand(Ctx *c, NodeCtx *n, int i);
/* Input i as a tensor known at import time; NULL after reporting. */
Tens *imp_const(Ctx *c, NodeCtx *n, int i);
/* Adds an IR node producing output k of the ONNX node (or, with k < 0, an
 * intermediate value named after output 0 plus `suffix`). */
Node *imp_node(Ctx *c, NodeCtx *n, int op, Value **in, int nin, int k,
	const char *suffix);
/* Shape inference and size check for a node built by imp_node; binds the
 * output when k >= 0. 0, or -1 after reporting. */
int imp_finish(Ctx *c, NodeCtx *n, Node *node, int k);
/* As imp_finish, but a node of f32 constants only is computed now: its
 * kernel runs on their data, output k (>= 0) is bound as a tensor known
 * at import time (so it keeps folding), and the node is removed. */
int imp_finish_fold(Ctx *c, NodeCtx *n, Node *node, int k);

/* onnx_attr.c: each reports a type mismatch and returns -1 */
const Onnx__AttributeProto *imp_attr(const NodeCtx *n, const char *name);
/* 1 iff name is in the space-separated list */
int imp_attr_allowed(const char *list, const char *name);
/* An attribute the op has only in opsets first to last (0: the newest):
 * present outside them, it is refused. 0, or -1 after reporting. */
int imp_attr_opsets(Ctx *c, NodeCtx *n, const char *name, int first,
	int last);
int imp_attr_int(Ctx *c, NodeCtx *n, const char *name, int64_t def,
	int64_t *out);
int imp_attr_float(Ctx *c, NodeCtx *n, const char *name, double def,
	double *out);
/* *len = -1 when absent. At most max entries. */
int imp_attr_ints(Ctx *c, NodeCtx *n, const char *name, int64_t *out,
	int max, int *len);
int imp_attr_str(Ctx *c, NodeCtx *n, const char *name, const char *def,
	const char **out);

/* onnx_pattern.c: the ops exporters write out in several nodes (decomposed
 * LayerNormalization, GELU, SiLU, HardSwish), found before a graph's nodes
 * are imported. */
typedef struct PatPlan PatPlan;
/* The matches in gp's nodes; NULL if memory runs out (none then). */
PatPlan *onnx_pattern_plan(Ctx *c, const Onnx__GraphProto *gp);
void onnx_pattern_free(PatPlan *plan);
/* Imports node k of a graph planned by plan (NULL: none): as usual, or
 * nothing for a node inside a match, or the fused op at a match's last
 * node (the match's nodes one by one if shapes rule it out). 0, or -1
 * after reporting. */
int onnx_pattern_step(Ctx *c, const PatPlan *plan,
	Onnx__NodeProto *const *node, int k, int opset);

/* How deep functions and If branches may nest (recursion is rejected). */
#define ONNX_MAX_DEPTH 16

/* onnx_func.c */
/* The default-domain opset among ids, or def. */
int onnx_opset_of(Onnx__OperatorSetIdProto *const *ids, size_t n, int def);
const Onnx__FunctionProto *onnx_func_find(Ctx *c, const char *domain,
	const char *name);
/* Imports the body of f in place of the call n. */
int onnx_func_inline(Ctx *c, NodeCtx *n, const Onnx__FunctionProto *f);

/* onnx_ops.c: helpers the importer files share */
void imp_shape(const Sym *s, int *rank, int64_t *dims);
int imp_axis(Ctx *c, NodeCtx *n, int64_t axis, int rank, int *out);
int imp_has(const NodeCtx *n, int i);  /* input i is present */
/* Output 0 is input 0 with new dims: folded, or a reshape node. */
int imp_reshape(Ctx *c, NodeCtx *n, int rank, const int64_t *dims);
int imp_alias(Ctx *c, NodeCtx *n);     /* output 0 stands for input 0 */
/* A reshape of v to dims, as output k (or an intermediate with suffix). */
Value *imp_reshape_to(Ctx *c, NodeCtx *n, Value *v, int rank,
	const int64_t *dims, int k, const char *suffix);
/* A binary op's operands before opset 7: with the attribute broadcast=1,
 * B (input 1) lines up with A's dims from the attribute axis (default: A's
 * last dims), and n->in[1] becomes B with trailing 1s, which numpy
 * broadcasting then matches; broadcast=0 wants equal shapes. From opset 7
 * the attributes are refused. 0, or -1 after reporting. */
int imp_legacy_broadcast(Ctx *c, NodeCtx *n);
/* Rejects a node that names outputs past the first (`what` they are). */
int imp_single_output(Ctx *c, NodeCtx *n, const char *what);
Value *imp_scalar(Ctx *c, NodeCtx *n, float x, const char *suffix);
int imp_unary(Ctx *c, NodeCtx *n, int op);  /* one IR op on input 0 */
/* Folds a binary op of two constant inputs with numpy broadcasting: op
 * + - * / (numbers of the operands' kind), or a bool result for > g < l =
 * (gt, ge, lt, le, eq) and & | ^ (and, or, xor). */
int imp_fold_binary(Ctx *c, NodeCtx *n, char op);
/* The element of t for element k of a broadcast shape (rank, dims) that t
 * broadcasts to (numpy rules). */
int64_t imp_bcast_offset(const Tens *t, int rank, const int64_t *dims,
	int64_t k);

/* onnx_tensor.c */
/* A zeroed tensor; its dt is FLOAT or INT64 until the caller sets it. */
Tens *tens_new(Ctx *c, int is_float, int rank, const int64_t *dims);
/* The elements of dims, computed without overflow; -1 if a dim is negative
 * or there are more than ONNX_MAX_NUMEL. */
int64_t tens_numel(int rank, const int64_t *dims);
/* tens_new for the output of a fold whose size comes from a shape (it is
 * not bounded by its inputs): NULL after rejecting n when dims are not a
 * valid shape, its bytes (4 per float, 8 per integer element) are over
 * graph_mem_limit, or memory runs out. Checked before anything is
 * allocated. */
Tens *tens_fold_new(Ctx *c, NodeCtx *n, int is_float, int rank,
	const int64_t *dims);
/* Decodes a TensorProto into a Tens; reports against `what`. */
Tens *imp_tensor(Ctx *c, const Onnx__TensorProto *tp, const char *what);
/* As imp_tensor, but quiet: NULL without a report for a tensor it would
 * reject (a look ahead, before the node that owns it is imported). */
Tens *tens_peek(Ctx *c, const Onnx__TensorProto *tp);
const char *onnx_dtype_name(int dt);  /* "float", "uint8", ... */
/* The IR element type for an ONNX one (integers as DT_I32/I16/I8/U8), or
 * -1 for a type the reader does not take. */
int onnx_dtype_ir(int dt);
int onnx_dtype_of_ir(int elem);       /* the reverse (DT_I32 as int32) */

#endif
