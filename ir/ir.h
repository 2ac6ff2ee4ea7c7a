/* ir.h - the map of qcc: every IR struct and enum, and every cross-file
 * prototype, grouped under a heading per file.
 *
 * Conventions (see docs/ and STYLE.md):
 *   - A Graph owns its Nodes, Values, attributes and tensor data in one Arena;
 *     nothing is freed singly; graph_free() drops it all.
 *   - Tensor data, in the IR and in exec/, is stored as `float` for f32 values
 *     and as `int32_t` for every integer type (i32, i16, i8, u8, i4, u4): one
 *     element per slot, never packed. Packing is the business of writers
 *     (safetensors) and codegen.
 *   - Layout is NCHW; conv weights are [OC, IC/groups, KH, KW].
 *   - Functions that can fail on user input return int (0, or -1 after
 *     reporting a diagnostic); only the driver exits.
 */
#ifndef QCC_IR_H
#define QCC_IR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define QCC_VERSION "0.1.0"
#define QCC_MAX_RANK 8
/* The largest group multiplier (wgmult) of group-wise weight scales: a
 * weight of 4 bits or fewer (-8..7) times it stays in int16, which the
 * kernels that scale unpacked taps rely on (codegen/emit_sub.c). */
#define QCC_WGMULT_MAX 4096

/* ---------------------------------------------------------------- arena.c */

typedef struct ArenaChunk ArenaChunk;
typedef struct {
	ArenaChunk *head;
	size_t total; /* bytes handed out, for statistics */
} Arena;

void *arena_alloc(Arena *a, size_t size); /* zeroed, 16-byte aligned */
/* As arena_alloc, but NULL when memory runs out (arena_alloc prints
 * `qcc: error: out of memory` and exits: for the IR's own small objects). */
void *arena_try_alloc(Arena *a, size_t size);
void *arena_realloc(Arena *a, void *p, size_t old, size_t size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a);

/* ----------------------------------------------------------------- diag.c */

typedef struct {
	const char *file; /* NULL: not from a source file */
	int line, col;    /* 1-based; 0 when unknown */
} Loc;

extern int diag_nerrors;

/* Registers the text of a source file so diagnostics can quote its lines. */
void diag_add_source(const char *file, const char *text, size_t len);
/* `file:line:col: error: msg` plus the source line and a caret when known,
 * `qcc: error: msg` when loc.file is NULL. */
void diag_error(Loc loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_warning(Loc loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_note(Loc loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Shorthand for diag_error with no location: `qcc: error: ...`. */
void diag_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---------------------------------------------------------------- types.c */

typedef enum {
	DT_F32,
	DT_I32,
	DT_I16,
	DT_I8,
	DT_U8,
	DT_I4,
	DT_U4,
	DT_COUNT
} DType;

/* Quantization parameters: real = scale * (q - zp). */
typedef struct {
	int present;    /* 0: not quantized */
	int axis;       /* -1: per-tensor; else the per-channel axis */
	int n;          /* number of (scale, zp) pairs: 1, or dims[axis] */
	float *scale;   /* n entries, > 0 */
	int32_t *zp;    /* n entries */
	int bits;       /* storage bits actually used; 0 means the full width of
	                   the element type (i8 with bits=4 holds [-8,7]) */
} QParams;

typedef struct {
	DType elem;
	int rank;
	int64_t dims[QCC_MAX_RANK];
	QParams q;
} Type;

const char *dtype_name(DType t);      /* "f32", "i8", ... */
int dtype_from_name(const char *s);   /* -1 if unknown */
int dtype_bits(DType t);              /* 32, 16, 8, 4 */
int dtype_is_int(DType t);
int dtype_is_signed(DType t);
int64_t type_numel(const Type *t);
int type_same_shape(const Type *a, const Type *b);
/* Splits a shape at `axis` into outer * dims[axis] (mid) * inner. */
void type_split_axis(const Type *t, int axis, int64_t *outer, int64_t *mid,
	int64_t *inner);
/* Offset into a tensor of type t broadcast to `out` for the flat output
 * index i (numpy rules: leading dims added, size-1 dims repeated). */
int64_t type_bcast_offset(const Type *t, const Type *out, int64_t i);
/* qmin/qmax of a quantized type, honouring q.bits; a signed type with
 * bits=1 is binary, {-1, +1} (type_binary): qmin -1, qmax 1, 0 excluded. */
int32_t type_qmin(const Type *t);
int32_t type_qmax(const Type *t);
/* Whether t is binary: signed with q.bits = 1, values -1 and +1 only. */
int type_binary(const Type *t);
/* The largest |q - zp| of a per-tensor quantized type. */
int64_t type_qspan(const Type *t);
/* qmatmul's accumulator bound: k terms of the operands' largest
 * |a - za| |b - zb| (docs/arith.md). */
int64_t qmatmul_bound(const Type *a, const Type *b, int64_t k);
/* Writes "f32[1,16,28,28]" (and " q(...)") into buf; returns buf. */
char *type_str(const Type *t, char *buf, size_t size);
#define TYPE_STR_MAX 128 /* enough for shapes; q(...) is elided past it */

/* ---------------------------------------------------------------- ops.def */

typedef enum {
	AK_NONE,
	AK_INT,
	AK_FLOAT,
	AK_INTS,
	AK_FLOATS,
	AK_STR
} AttrKind;

typedef struct {
	AttrKind kind;
	int set;          /* given in the source or by a pass (not a default) */
	int n;            /* element count for AK_INTS / AK_FLOATS */
	int64_t i;
	double f;
	int64_t *ints;
	double *floats;
	const char *s;    /* AK_STR: an identifier or free string */
} Attr;

typedef struct Graph Graph;
typedef struct Node Node;
typedef struct Value Value;

/* Shape inference: sets n->out->type's rank and dims (and its elem for ops
 * whose output element type follows from the inputs); reports at n->loc and
 * returns -1 on bad inputs or attributes. */
typedef int (*ShapeFn)(Graph *g, Node *n);
/* Kernel: in[i] and out point to float (f32) or int32_t (integer) buffers
 * shaped by the value types. Kernels run on verified graphs and cannot fail. */
typedef void (*EvalFn)(const Node *n, const void *const *in, void *out);

typedef enum {
#define OP(id, name, min_in, max_in, attrs, flags, qop, lower, shape, eval, \
	summary) OP_##id,
#include "ops.def"
#undef OP
	OP_COUNT
} OpKind;
#define OP_NONE (-1)  /* the qop of an op without an integer counterpart */

/* The properties of an op (the flags column of ops.def, which says what
 * each means). */
enum {
	OPF_INT = 1 << 0,
	OPF_LAYER = 1 << 1,
	OPF_VIEW = 1 << 2,
	OPF_SAME_Q = 1 << 3,
	OPF_CLAMP = 1 << 4,
	OPF_FUSE_CLAMP = 1 << 5,
	OPF_POS_HOMOG = 1 << 6,
	OPF_KEEPS_MEAN = 1 << 7,
	OPF_REQ_EACH = 1 << 8,
	OPF_ONE_SHIFT = 1 << 9,
};

/* The lowering rule quantize applies to a float op (the lower column). */
typedef enum {
	LOWER_NONE,
	LOWER_LAYER,
	LOWER_SAME_Q,
	LOWER_ADD,
	LOWER_SUB,
	LOWER_MUL,
	LOWER_EACH_TO_OUT,
	LOWER_CLAMP,
	LOWER_AVGPOOL,
	LOWER_GLOBAL_POOL,
	LOWER_LUT,
	LOWER_SOFTMAX,
	LOWER_COMPARE,
	LOWER_WHERE,
	LOWER_SUM,
	LOWER_PRELU,
	LOWER_DIV,
	LOWER_LOG_SOFTMAX,
	LOWER_LAYERNORM,
	LOWER_PAD,
	LOWER_AFFINE,
	LOWER_REDUCE,
	LOWER_GATHER,
	LOWER_COUNT
} LowerKind;

typedef struct {
	const char *name;
	AttrKind kind;
	int required;     /* no default */
	Attr def;         /* the default when !required */
} AttrSpec;

#define OP_MAX_ATTRS 16

typedef struct {
	const char *name;
	int min_in, max_in;   /* max_in < 0: variadic */
	const char *attr_spec; /* "stride:ints=[1,1] groups:int=1 kernel:ints" */
	unsigned flags;       /* OPF_* */
	int qop;              /* the integer counterpart, or OP_NONE */
	LowerKind lower;
	ShapeFn shape;
	EvalFn eval;
	const char *summary;  /* one line, for --list-ops */
	int nattr;
	AttrSpec attrs[OP_MAX_ATTRS];
} OpInfo;

/* ------------------------------------------------------------------ ops.c */

void op_init(void);               /* parses the attribute specs; idempotent */
const OpInfo *op_info(int op);
int op_lookup(const char *name);  /* -1 if unknown */
int op_attr_index(int op, const char *name); /* -1 if the op has no such attr */
int op_has(int op, unsigned flag);  /* any of the OPF_* bits in flag */

/* ---------------------------------------------------------------- facts.c */
/* Facts about ops and the integer graph that passes prove and the verifier
 * checks, computed in one place. */

/* The clamp [lo, hi] of an OPF_CLAMP node (relu [0, inf], relu6 [0, 6],
 * clip [min, max]); 0 if n is not one. */
int op_clamp(const Node *n, double *lo, double *hi);
/* The worst-case |accumulator| of one output channel of a qconv2d/qdense:
 * |bias| + sum_k |w[k]| * max(qmax - zx, zx - qmin) for the k weights of
 * the channel and the activation type x (per-tensor zx); saturates at 2^62. */
int64_t q_acc_bound(const Type *x, const int32_t *w, int64_t k,
	int32_t bias);
/* The number of weight groups of each output channel of a qconv2d/qdense
 * with K taps a channel: ceil(K / wgroup), 0 without group-wise scales. */
int64_t q_groups(const Node *n, int64_t K);
/* The effective weights of a qconv2d/qdense with group-wise scales, w[m][k]
 * times its group's wgmult (malloc'd, [M][K]); NULL without groups. The
 * contract's accumulator is the plain one on these weights. */
int32_t *q_group_weights(const Node *n, const int32_t *w, int64_t M,
	int64_t K);
/* The weight width of an OPF_LAYER node: its weight_bits, else `global`
 * (--weight-bits); callers check the range. */
int64_t layer_weight_bits(const Node *n, int global);

/* ---------------------------------------------------------------- graph.c */

typedef enum { VAL_INPUT, VAL_CONST, VAL_NODE } ValueKind;

/* One slot of a Graph's name index (private to graph.c). */
typedef struct NameSlot NameSlot;
/* A node waiting for graph_flush_inserts (private to graph.c). */
typedef struct PendingNode PendingNode;

/* An activation's grid at the width its observer did not ask for (8 <->
 * 16 bits), from the same observations and estimator: range keeps it for
 * bitalloc's --ram-budget (docs/quantization.md). */
typedef struct {
	const char *name;   /* the observed value */
	float scale;
	int32_t zp;
	int bits;
} AltGrid;

struct Value {
	const char *name;   /* unique in the graph */
	ValueKind kind;
	Type type;
	Node *def;          /* VAL_NODE: the defining node */
	int nuse;           /* number of node inputs using it (+1 if an output) */
	int is_output;
	void *data;         /* VAL_CONST: float or int32_t, type_numel entries */
	const char *ref;    /* VAL_CONST from a weights file: the tensor name */
	Loc loc;
	int id;             /* index in g->values */
	void *aux;          /* scratch for passes; not printed, not preserved */
};

struct Node {
	int op;
	int nin;
	Value **in;         /* an optional input that is absent is NULL */
	Value *out;
	Attr *attr;         /* op_info(op)->nattr entries, in spec order */
	Loc loc;
	int dead;           /* unlinked by a pass; skipped by iterators */
	int id;
};

/* How R(p, n), the rounding right shift of every requantization, rounds
 * (docs/arith.md section 2): a property of the graph (`rounding NAME` in
 * .g, --rounding), the same in the simulator and the generated C. */
typedef enum {
	ROUND_AWAY,    /* ties away from zero (the default) */
	ROUND_EVEN,    /* ties to even (ONNX QuantizeLinear, QLinear ops) */
	ROUND_DOUBLE,  /* gemmlowp's rounding doubling high multiply, then a
	                  rounding right shift (TFLite Micro, CMSIS-NN) */
	ROUND_COUNT
} Rounding;
extern const char *const rounding_names[ROUND_COUNT];  /* away, even, ... */
/* The Rounding named s; -1 if none. */
int rounding_find(const char *s);

struct Graph {
	Arena arena;
	const char *name;          /* `model NAME` */
	const char *path;          /* source file, if any */
	const char *weights_path;  /* `weights "..."` as written; may be NULL */
	const char *calib_path;    /* `calib "..."` as written; may be NULL */
	int rounding;              /* Rounding of R (docs/arith.md) */
	Node **nodes;              /* topological order */
	int nnodes, nodes_cap;
	Value **values;            /* inputs, consts and node outputs */
	int nvalues, values_cap;
	Value **inputs;
	int ninputs, inputs_cap;
	Value **outputs;
	int noutputs, outputs_cap;
	/* The name index: open addressing over every name a value was created
	 * with or graph_fresh_name handed out. A value renamed by assigning
	 * v->name directly is still found (by a scan) and its old name is free
	 * again; graph_rename is the O(1) way. Rebuilt by graph_compact. */
	NameSlot *names;
	int names_cap, names_used;
	/* Nodes inserted since graph_defer_inserts, merged by
	 * graph_flush_inserts; deferring is 1 in between. */
	PendingNode *pending;
	int npending, pending_cap, deferring;
	/* Set by range when --ram-budget will choose activation widths (in
	 * g->arena; not copied by graph_clone); else NULL. */
	AltGrid *alt;
	int nalt;
};

Graph *graph_new(const char *name);
void graph_free(Graph *g);
Value *graph_find(const Graph *g, const char *name);  /* O(1) */
/* For the verifier: per value, how many values before it in g->values
 * have its name (0 when names are unique); malloc'd, NULL if out of
 * memory. O(nvalues). */
int *graph_name_repeats(const Graph *g);
/* Gives v a new name, which must be free (see graph_fresh_name). */
void graph_rename(Graph *g, Value *v, const char *name);
/* Creates a value; reports and returns NULL if the name is taken. */
Value *graph_add_input(Graph *g, const char *name, const Type *t, Loc loc);
Value *graph_add_const(Graph *g, const char *name, const Type *t, void *data,
	Loc loc);
/* Appends a node whose output is a new value `out_name` (type from `t` if not
 * NULL, else left for shape inference). Defaults fill unset attributes. */
Node *graph_add_node(Graph *g, int op, Value **in, int nin,
	const char *out_name, const Type *t, Loc loc);
/* As graph_add_node, but inserts the node at position `pos` of g->nodes:
 * O(nodes after pos), unless deferred (below). */
Node *graph_insert_node(Graph *g, int pos, int op, Value **in, int nin,
	const char *out_name, const Type *t, Loc loc);
/* Batched insertion for passes that insert many nodes. After
 * graph_defer_inserts, graph_insert_node(g, pos, ...) and graph_add_node
 * queue the node to go before the node now at pos (pos == nnodes: at the
 * end); g->nodes and the ids stay as they are, a queued node has id -1 and
 * is not in g->nodes. graph_flush_inserts merges the queue in
 * O(nodes + queued); nodes queued at one pos keep the order they were
 * queued in. Afterwards node->id == its index again. */
void graph_defer_inserts(Graph *g);
void graph_flush_inserts(Graph *g);
void graph_mark_output(Graph *g, Value *v);
/* A name not used in g, made from base ("c1_q", then "c1_q_1", ...). */
const char *graph_fresh_name(Graph *g, const char *base);
/* Replaces every use of `from` (node inputs and graph outputs) by `to`;
 * O(nodes) (a pass replacing many values should collect and fix the uses
 * in one walk). */
void graph_replace_uses(Graph *g, Value *from, Value *to);
/* Many at once, in one walk (O(nodes + their inputs + outputs)): every use
 * of a value v with v->id < nto and to[v->id] != NULL reads to[v->id]
 * instead; replacements are not chained. */
void graph_replace_uses_by(Graph *g, Value *const *to, int nto);
void node_kill(Graph *g, Node *n);  /* marks dead, drops its input uses */
/* p's output replaces n's everywhere and n dies; if n's output was a graph
 * output, p's output takes its name, so outputs keep their names. */
void graph_take_over(Graph *g, Node *n, Node *p);
void graph_compact(Graph *g);       /* removes dead nodes and unused values */
void node_set_input(Node *n, int i, Value *v); /* keeps nuse counts */
/* Allocates tensor storage for t in g's arena (float or int32_t, zeroed). */
void *graph_alloc_data(Graph *g, const Type *t);
/* As graph_alloc_data for a tensor the model asks for: NULL after reporting
 * at loc when it is over graph_mem_limit (check.c) or memory runs out. */
void *graph_try_alloc_data(Graph *g, const Type *t, const char *what,
	Loc loc);
Graph *graph_clone(const Graph *g);  /* deep copy, data included */

Attr *node_attr(const Node *n, const char *name);  /* asserts it exists */
int64_t attr_int(const Node *n, const char *name);
double attr_float(const Node *n, const char *name);
const int64_t *attr_ints(const Node *n, const char *name, int *len);
const double *attr_floats(const Node *n, const char *name, int *len);
const char *attr_str(const Node *n, const char *name);
void attr_set_int(Graph *g, Node *n, const char *name, int64_t v);
void attr_set_float(Graph *g, Node *n, const char *name, double v);
void attr_set_ints(Graph *g, Node *n, const char *name, const int64_t *v, int len);
void attr_set_floats(Graph *g, Node *n, const char *name, const double *v, int len);
void attr_set_str(Graph *g, Node *n, const char *name, const char *s);

/* --------------------------------------------------------------- window.c */
/* The geometry of a 2-D sliding window, NCHW: conv2d/qconv2d (weights
 * [OC, ICG, KH, KW]) and the pooling ops (attribute `kernel`, read as a
 * depthwise window: OC = C, ICG = 1, groups = C, OCG = 1). Output (oh, ow)
 * covers input rows oh*sh - pt + kh*dh, kh < KH, columns likewise. */
typedef struct {
	int64_t N, C, H, W;        /* input */
	int64_t OC, ICG, KH, KW;   /* weights; pooling: C, 1 and the kernel */
	int64_t OH, OW;            /* output height and width */
	int64_t groups, OCG;       /* OCG = OC / groups */
	int64_t sh, sw;            /* stride */
	int64_t pt, pl;            /* padding before: top, left */
	int64_t dh, dw;            /* dilation; 1 for ops without one */
	int64_t K;                 /* taps per output: ICG * KH * KW */
	int64_t pb, pr;            /* padding after: bottom, right */
	int depthwise;             /* ICG == 1 && groups > 1 */
	int ceil_mode;             /* pooling; 0 for conv */
	int count_include_pad;     /* avgpool; 0 for the others */
} WinGeom;

/* From the inputs and attributes alone, OH and OW by shape_window (0 when
 * the window does not fit): for shape inference, once the attributes have
 * been checked (shape_conv_geom, shape_pool_geom). */
void geom_shape(const Node *n, WinGeom *g);
/* Of a node with an inferred output: OH and OW are its output's. */
void geom_conv(const Node *n, WinGeom *g);   /* conv2d, qconv2d */
void geom_pool(const Node *n, WinGeom *g);   /* max/avg pooling, f32 and int */
/* 2x2 windows at stride 2, undilated, unpadded, tiling the input exactly
 * (H = 2 OH, W = 2 OW): the shape the 2x2 pooling kernels take. */
int geom_2x2_tiles(const WinGeom *g);

/* ---------------------------------------------------------------- shape.c */

/* Runs the op's shape function and checks the result against a type the
 * source declared (if any). */
int shape_infer_node(Graph *g, Node *n);
int shape_infer(Graph *g);  /* every node, in order */
/* Numpy broadcasting of a and b into out; -1 (no report) if incompatible. */
int shape_broadcast(const Type *a, const Type *b, Type *out);
/* Rules shared by the float (shape.c) and integer (shape_q.c) ops. */
int shape_valid_type(const Type *t); /* rank in range, dims >= 1, < 2^31 elements */
/* Arity (ops.def), required inputs present, every input's type usable;
 * -1 after reporting at the node. */
int shape_check_inputs(const Node *n);
/* Every present input is f32; -1 after reporting the first that is not. */
int shape_need_f32(const Node *n);
/* Sliding-window output size along one axis (ONNX formula); 0 if the dilated
 * kernel does not fit the padded input. */
int64_t shape_window(int64_t in, int64_t k, int64_t stride, int64_t pb,
	int64_t pe, int64_t dil, int ceil_mode);

/* The checks and messages shape.c and shape_q.c share. Each reports
 * `OP: message` at the node and returns -1 (or NULL) on a problem. */
int shape_err(const Node *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "f32[2,3]" without q(...), from a small ring of buffers. */
const char *shape_tstr(const Type *t);
const Type *shape_in(const Node *n, int i);  /* NULL if absent */
/* Sets the output's rank and dims, and its elem unless elem < 0; checks
 * every dim is >= 1 and the element count fits. */
int shape_set_out(Node *n, int elem, int rank, const int64_t *dims);
/* The int list attribute `name` with `count` entries (any number if
 * count < 0), each in [lo, 2^31-1]. */
const int64_t *shape_ints_attr(const Node *n, const char *name, int count,
	int64_t lo);
/* Input 0 an 8- or 16-bit activation with per-tensor q, a declared
 * quantized output, and count mult/shift pairs (mult negative only if
 * signed_ok); -1 after reporting (shape_q.c). */
int shape_qact_out(const Node *n, int count, int signed_ok);
/* Rank-4 input (and weights), stride/pad/dilation/kernel/groups, ceil_mode
 * and count_include_pad; then the window geometry g, whose output must not
 * be empty. For conv2d/qconv2d (groups fit the channels) and the pooling
 * ops (padding smaller than the dilated kernel). */
int shape_conv_geom(const Node *n, WinGeom *g);
int shape_pool_geom(const Node *n, WinGeom *g);
/* Numpy broadcasting of all the inputs of n (present, any number) into
 * out's rank and dims; reports the first pair that does not broadcast. */
int shape_broadcast_inputs(const Node *n, Type *out);
/* shape_elem.c: compare's and qcompare's cmp is gt, ge, lt, le or eq; -1
 * after reporting. */
int shape_check_cmp(const Node *n);
/* prelu and qprelu: the slope (input 1) broadcasts to the input's shape. */
int shape_prelu_dims(const Node *n);
/* concat and qconcat: inputs of rank >= 1 that match in every dim but the
 * axis (and in element type if same_elem); dims gets the joined shape. */
int shape_concat_dims(const Node *n, int same_elem, int64_t *dims);

/* ------------------------------------------------------- shape_reduce.c */
/* reduce and qreduce: the index of the fn attribute,
 * -1 if unknown; red[d] = 1 for each reduced axis of x (every axis when
 * axes is empty), returning their count, -1 after reporting a bad axis. */
enum { REDUCE_SUM, REDUCE_MEAN, REDUCE_MAX, REDUCE_MIN, REDUCE_SUM_SQUARE,
	REDUCE_L1, REDUCE_L2 };
int reduce_fn(const Node *n);
int reduce_mask(const Node *n, const Type *x, unsigned char *red);
/* R(u * u, pre): qreduce's sum_square term (|u| <= 2^16, 0 <= pre <= 30). */
int64_t reduce_square(int64_t u, int64_t pre);

/* ------------------------------------------------------------ shape_geo.c */
/* Where output index o of one axis of a resize reads its input: nearest
 * takes i0 (== i1); linear takes i0 with weight 1 - f and i1 with weight
 * f, in integers w1 = floor(f 2^RESIZE_FRAC + 1/2) and 2^RESIZE_FRAC - w1
 * (docs/arith.md, "resize"). */
#define RESIZE_FRAC 11
typedef struct {
	int64_t i0, i1;
	double f;
	int32_t w1;
} ResizeTap;
/* The taps of every output index of axis `axis` of a resize node (taps
 * has out.dims[axis] entries). */
void resize_taps(const Node *n, int axis, ResizeTap *taps);
/* The element offset in x of a slice whose output is one contiguous run of
 * x (a view in the memory plan), or -1. */
int64_t slice_view_offset(const Node *n);

/* ----------------------------------------------------------------- pack.c */
/* Weights as a kernel reads them: per output channel a row of K taps in the
 * kernel's order, zero-padded to Kp, each value stored at the kernel's
 * width. */

typedef enum {
	PACK_OIHW,  /* taps (ic, kh, kw): the IR's [OC][ICG][KH][KW] */
	PACK_OHWI   /* taps (kh, kw, ic): [OC][KH][KW][ICG], channels last */
} PackOrder;

typedef struct {
	PackOrder order;       /* tap order of a conv's rows (pack_conv) */
	int k_multiple;        /* Kp is K rounded up to a multiple of this; <= 1:
	                          no padding */
	int64_t k_min_to_pad;  /* K below this is not padded (0: always) */
	int bits;              /* one stored value: 32 int32_t, 16 int16_t,
	                          8 int8_t; 4 or 2 packed as pack_subbyte */
} PackSpec;

/* K padded: K if K < k_min_to_pad, else K rounded up to k_multiple. */
int64_t pack_kp(const PackSpec *s, int64_t K);
/* Bytes of M packed rows of K values. */
int64_t pack_bytes(const PackSpec *s, int64_t M, int64_t K);
/* Conv weights w [OC][ICG][KHW] (KHW = KH*KW) as out [OC][K] with each
 * row's taps in `order`; out holds OC*ICG*KHW entries, not w. */
void pack_reorder(PackOrder order, const int32_t *w, int64_t OC, int64_t ICG,
	int64_t KHW, int32_t *out);
/* w [M][K] as out [M][Kp], zero padded, at s->bits (out: pack_bytes
 * bytes); s->order is not used. */
void pack_rows(const PackSpec *s, const int32_t *w, int64_t M, int64_t K,
	void *out);
/* A conv's weights [OC][ICG][KH][KW] reordered to s->order, then
 * pack_rows'd: out [OC][Kp] with K = g->K. */
void pack_conv(const PackSpec *s, const WinGeom *g, const int32_t *w,
	void *out);
/* Conv weights [OC][ICG][KH][KW] as [OC][ceil(ICG/G)][KH][KW][G]: G input
 * channels side by side (one 32-bit lane of the x86 dot-product
 * instructions: 4 int8 for vpdpbusd, 2 int16 for vpmaddwd), the last
 * group's missing channels 0. out: OC * ceil(ICG/G) * KH * KW * G. */
void pack_conv_lanes(const WinGeom *g, int G, const int32_t *w, int32_t *out);
/* Rows of Kp (a multiple of 4) 8-bit taps for the dual 16-bit multiply-add
 * of Arm's DSP extension: the middle two of every four taps swapped, so
 * that SXTB16 of a little-endian 32-bit word of taps k..k+3 gives (k,
 * k+1) and SXTB16 of it rotated by 8 bits gives (k+2, k+3). In place. */
void pack_dual16(int32_t *w, int64_t M, int64_t Kp);
/* n values of `bits` (4, 2 or 1) bits, 8/bits to a byte, value i in bits
 * [i % (8/bits) * bits, +bits) of byte i / (8/bits): low bits first; the
 * last byte's unused bits are 0. Values are taken modulo 2^bits, except
 * at 1 bit (binary weights, -1 or +1), where the bit is set for v > 0. */
void pack_subbyte(const int32_t *v, int64_t n, int bits, uint8_t *out);
/* The inverse: n values, sign-extended when is_signed (1 bit, signed: a
 * set bit is +1, a clear one -1). */
void pack_subbyte_read(const uint8_t *p, int64_t n, int bits, int is_signed,
	int32_t *out);
/* The packed width of the constant weights w of a qconv2d or qdense: 4
 * for signed values of 3 or 4 bits, 2 for 2 bits, 1 for binary ones
 * (type_binary) (docs/arith.md, "Packed weights"); 0 when they are not
 * packed below a byte (8 bits or more, or not a constant). */
int pack_weight_bits(const Value *w);
/* Whether w is packed at 2 bits and holds only -1, 0 and +1 (ternary:
 * kernels add and subtract instead of multiplying). */
int pack_ternary(const Value *w);
/* The sub-byte layout of `bits` (4, 2 or 1) weights, which the simulator and
 * every target read: per output channel a row of its K taps in the IR's
 * (ic, kh, kw) order, zero-padded to a whole byte (Kp a multiple of
 * 8/bits), packed low bits first (pack_subbyte). Row m starts at byte
 * m * Kp * bits / 8. */
PackSpec pack_sub_spec(int bits);
/* Binary x binary layers (docs/arith.md, "Binary activations"): whether
 * qconv2d or qdense n takes a binary input (type_binary, zero point 0)
 * and binary weights without group-wise scales, the XNOR-popcount
 * kernels' case. */
int xnor_applies(const Node *n);
/* 32-bit words holding n binary values. */
int64_t xnor_words(int64_t n);
/* Binary values as bits, 1 for +1 and 0 for -1, 32 to a word, value i in
 * bit i % 32 of word i / 32, the last word's unused bits 0: the n values
 * of v (a stride apart) ORed into out (xnor_words(n) words, zeroed by the
 * caller). */
void xnor_pack(const int32_t *v, int64_t n, int64_t stride, uint32_t *out);
/* A binary conv's weights [OC][ICG][KH][KW] as [OC][KH][KW][ICW] words,
 * ICW = xnor_words(ICG): each tap's input channels as xnor_pack bits. */
void xnor_pack_conv(const WinGeom *g, const int32_t *w, uint32_t *out);

/* --------------------------------------------------------------- verify.c */

/* Types, shapes, arity, attribute kinds, single definition, no dangling use,
 * topological order (hence no cycle). Reports each problem; 0 if clean. */
int graph_verify(Graph *g);

/* ---------------------------------------------------------------- check.c */
/* Checks a frontend makes once a model is read (docs/testing.md). */

/* Every f32 constant a node uses is finite and a batchnorm variance is not
 * negative; each bad constant is reported at its definition with the index
 * of its first bad element. 0, or -1 after reporting. */
int graph_check_weights(const Graph *g);

/* The bytes every tensor of g needs (4 per element, inputs, constants and
 * node outputs) stay within graph_mem_limit; -1 after reporting at the
 * value that goes over. */
#define GRAPH_MEM_LIMIT_DEFAULT ((int64_t)4 << 30)
extern int64_t graph_mem_limit;
int graph_check_memory(const Graph *g);
/* "BYTES", "NK", "NM" or "NG" (powers of 1024) into *bytes; -1 if malformed
 * or not positive. */
int graph_mem_limit_parse(const char *s, int64_t *bytes);

/* ---------------------------------------------------------------- print.c */

typedef struct {
	/* Constants with more elements than this and no `ref` are printed as
	 * `@name` and collected for a weights file (see print_graph_file).
	 * 0 prints every constant's data inline. */
	int64_t inline_limit;
} PrintOpts;

/* Canonical `.g` text: fixed order, %.9g floats, attrs in spec order. */
void print_graph(FILE *f, const Graph *g, const PrintOpts *o);
void print_type(FILE *f, const Type *t);

/* ------------------------------------------------------------ frontend/ */

/* parse.c: reads `.g` text. path is used in diagnostics and to find the
 * weights file (relative to the source's directory). Returns NULL after
 * reporting. The graph is verified. */
Graph *parse_file(const char *path);
Graph *parse_string(const char *path, const char *text, size_t len);

/* safetensors.c */
typedef struct {
	const char *name;
	DType elem;       /* after conversion */
	int rank;
	int64_t dims[QCC_MAX_RANK];
	void *data;       /* float or int32_t */
} NamedTensor;
/* Loads one tensor by name (file parsed on each call is fine: small). */
int safetensors_load(const char *path, const char *name, Arena *a,
	NamedTensor *out, Loc loc);
/* Writes tensors atomically (temporary file, then rename). */
int safetensors_write(const char *path, const NamedTensor *t, int n);

/* npy.c */
typedef struct {
	int rank;
	int64_t dims[QCC_MAX_RANK];
	int is_float;     /* f32/f64 files: f[]; integer files: i[] */
	float *f;
	int64_t *i;
	int64_t numel;
} Npy;
int npy_read(const char *path, Npy *out);          /* malloc'd; npy_free */
void npy_free(Npy *a);
int npy_write_f32(const char *path, const float *data, int rank,
	const int64_t *dims);  /* atomic */
int npy_write_i32(const char *path, const int32_t *data, int rank,
	const int64_t *dims);

/* outfile.c */
/* Output through a temporary file beside path (or beside the target of
 * the symbolic link path; a device node or FIFO is written in place):
 * atomic_open creates it (*tmp names it, owned by the output);
 * atomic_commit flushes and closes it and, if ok and every write
 * succeeded, renames it onto the target (after outfile_defer(1): at
 * outfile_publish), else removes it. 0 or -1, after reporting. */
FILE *atomic_open(const char *path, char **tmp);
int atomic_commit(FILE *f, char *tmp, const char *path, int ok);
void outfile_defer(int on);
int outfile_publish(void);    /* every deferred rename, under one lock */
void outfile_discard(void);   /* removes every temporary not published */
/* A path and what it is to the command ("the input model"). */
typedef struct {
	const char *path;
	const char *what;
} NamedPath;
/* -1 after reporting if an output is the same file as an input or as an
 * earlier output (device nodes and FIFOs excepted). */
int outfile_check(const NamedPath *in, int nin, const NamedPath *out,
	int nout);
int input_check(const char *path);   /* -1 if it exists, not a file */
/* path with its chain of symbolic links followed (malloc'd); the result
 * may not exist. NULL with errno set on failure. */
char *link_target(const char *path);

/* onnx.c (QCC_WITH_ONNX; the reader's own map is frontend/onnx_imp.h).
 * Graph inputs keep their element type: float, or an integer type. */
Graph *onnx_load(const char *path);
/* As onnx_load, with test values for the graph's inputs (bind[i] for the
 * i-th input that is not an initializer): an input that a node needs known
 * at import time (Reshape's shape, Clip's bounds, Pad's pads) becomes a
 * constant holding bind[i]. kept[i] (if not NULL) is set to 1 for inputs that
 * stay graph inputs, in order. */
Graph *onnx_load_bound(const char *path, const NamedTensor *bind, int nbind,
	int *kept);
/* --input-shape NAME=D0,D1,...: the dims of graph input NAME (text: the
 * option's value, for messages). */
typedef struct {
	const char *name, *text;
	int rank;
	int64_t dims[QCC_MAX_RANK];
} InputShape;
/* As onnx_load, with the symbolic dims of the named graph inputs fixed by
 * shapes[0..n): each must name a graph input, have its rank and agree
 * with its fixed dims; -1 (NULL) after reporting otherwise. */
Graph *onnx_load_shaped(const char *path, const InputShape *shapes, int n);
/* Reads a serialized TensorProto (.pb) as float or int32 data in `a`. */
int onnx_read_tensor_file(const char *path, Arena *a, NamedTensor *out);
/* onnx_node.c: the ONNX ops the reader takes, from the importer tables */
void onnx_list_ops(FILE *f);

/* guard.c: node k of g runs only when guard[k].cond is NULL or the one
 * element of guard[k].cond is nonzero exactly when guard[k].when is 1 (a
 * branch of an If decided at run time: the then or else input of a where
 * with a one-element condition, and what only it reads). guard has
 * g->nnodes entries. */
typedef struct {
	const Value *cond;
	int when;
} Guard;
void graph_guards(const Graph *g, Guard *guard);

/* ---------------------------------------------------------------- exec/ */

typedef struct Exec Exec;
/* Called after each node runs (and once per graph input and constant with
 * n == NULL before the first node); out is the node's output buffer. */
typedef void (*ExecHook)(void *user, const Node *n, const Value *v,
	const void *out);

Exec *exec_new(const Graph *g);      /* one buffer per value, kept */
void exec_free(Exec *e);
void *exec_buffer(Exec *e, const Value *v);  /* float* or int32_t* */
void exec_set_hook(Exec *e, ExecHook hook, void *user);
/* Runs every node, or skips one its guard says not to run (graph_guards;
 * its buffer and the hook are then left alone). */
void exec_run(Exec *e);              /* inputs must be filled first */
/* nb interpreters of one graph (each with its inputs filled), node by
 * node in step: a kernel that can take the nb images in one pass reads
 * its weights once for them all (exec/batch.h). Each interpreter ends
 * with the bits exec_run gives it alone; its hook sees its values in the
 * order exec_run shows them, the interpreters taking turns per node. A
 * graph with guards runs interpreter by interpreter. */
enum { EXEC_MAX_BATCH = 16, EXEC_DEFAULT_BATCH = 8 };
void exec_run_batch(Exec *const *e, int nb);
/* R(p, n) under rounding mode (docs/arith.md section 2), |p| < 2^62,
 * 0 <= n <= 62: what the integer kernels compute, as a function. */
int64_t exec_round_shift(int64_t p, int n, int mode);
/* The rounding the integer kernels use from now on (exec_run sets it to
 * its graph's). */
void exec_set_rounding(int mode);
/* How many nodes the last exec_run ran and how many it skipped. */
void exec_counts(const Exec *e, int *ran, int *skipped);
/* Sample s of a (samples along its first axis) into input v's buffer:
 * floats for f32, int32 for integer inputs. */
void exec_fill(Exec *e, const Value *v, const Npy *a, int64_t s);
/* The version of the float products (exec/fgemm.c) the environment
 * variable QCC_FGEMM_ISA asks for: 2 (avx512f; also when unset or empty),
 * 1 (avx2), 0 (baseline), -1 for any other value (the driver reports
 * it). Each version gives the same bits; one the CPU lacks falls back to
 * the next narrower. */
#define FGEMM_ISA_NAMES "avx512f, avx2, baseline"
int fgemm_isa_level(const char *isa);

/* ----------------------------------------------------------- exec/unary.c */
/* A function of one value that is piecewise a polynomial of degree 2 at
 * most (neg, abs, sign, leaky_relu, hardsigmoid, hardswish, shrink,
 * thresholded_relu), as the pieces quantize maps onto the integer grid
 * (qpwl). Pieces are in ascending order; piece 0 starts at -inf. */
typedef struct {
	double from;      /* the piece covers x >= from (x > from if open) */
	int open;
	double square, slope, offset;  /* y = square x^2 + slope x + offset */
} UnaryPiece;
#define UNARY_MAX_PIECES 4
/* The pieces of n's function into p; 0 if it is not piecewise linear. */
int unary_pieces(const Node *n, UnaryPiece *p);

/* -------------------------------------------------------------- options */

typedef enum { GRAN_PER_CHANNEL, GRAN_PER_TENSOR } Granularity;

typedef struct {
	/* quantization */
	const char *calib_path;    /* the first --calib file */
	const char **calib_paths;  /* one per graph input, in graph order (NULL:
	                              calib_path alone) */
	int ncalib;
	int weight_bits;           /* 8 */
	int weight_group;          /* --weight-group G: group-wise scales of G
	                              taps for weights of 2 to 4 bits; 0 none */
	int act_bits;              /* 8 */
	/* --act-bits BITS=NAME,...: "BITS=NAME,NAME" strings, each giving the
	 * named tensors that width (8 or 16), in order after act_bits */
	const char **act_bits_for;
	int nact_bits_for;
	Granularity granularity;
	const char *range_method;  /* "minmax", "percentile:99.99", "mse", ... */
	int data_free;             /* no calibration data: --range bn alone
	                              (range.c's data-free bounds) */
	int symmetric_acts;
	int pow2_scales;
	int restricted_range;      /* weights in [-127,127] rather than [-128,127] */
	/* diagnostics */
	int verbose;
	int progress;              /* show progress bars on a terminal */
	const char *print_after;   /* pass name, "all", or NULL */
	const char *passes;        /* --passes=a,b: run exactly these, or NULL */
	/* range estimation: --range-for NAME=METHOD, one "NAME=METHOD" string
	 * each, applied in order after range_method */
	const char **range_for;
	int nrange_for;
	/* post-training quantization techniques (docs/ptq.md) */
	int cle;                   /* --cle: cross-layer equalization */
	int bias_correction;       /* --bias-correction */
	int adaround;              /* --adaround */
	int adaround_iters;        /* iterations per layer; 0: the default */
	uint64_t seed;             /* --seed: the PRNG seed of adaround */
	/* --jobs: threads over calibration samples; 0: QCC_JOBS, else the
	 * online CPUs (passes/calibrate.c) */
	int jobs;
	/* --batch: images each interpreter runs in step (exec_run_batch) in
	 * calibration and `qcc run`; 0: EXEC_DEFAULT_BATCH */
	int batch;
	/* mixed-precision weights (passes/bitalloc.c) */
	int64_t flash_budget;      /* --flash-budget BYTES; 0: none */
	double max_drop;           /* --max-drop POINTS; < 0: none */
	int64_t ram_budget;        /* --ram-budget BYTES: the C's arena; 0: none */
	const char *target;        /* --target of the C the budgets are for
	                              (NULL: generic) */
	const char *calib_labels;  /* --calib-labels: classes of --calib */
} Options;
#define QCC_MAX_JOBS 256

void options_default(Options *o);

/* The most inputs qsum (sum, mean) takes; more stay float. */
#define QSUM_MAX_IN 16

/* ------------------------------------------------------ exec/fakequant.c */
/* Quantization simulated in float, for passes that tune weights before
 * quantize (bias_correction, adaround): the weight grid of docs/arith.md
 * section 7, and a runner that rounds every f32 value with a q(...). */

typedef struct {
	int64_t oc;        /* output channels */
	int64_t inner;     /* elements per channel of [OC, ...] weights */
	int trans;         /* dense trans_w=0: weights [K, M], element k*M + m */
	float *scale;      /* oc entries (all equal per tensor) */
	int32_t qmin, qmax;
	int binary;        /* weight_bits 1: -1 or +1 (never 0) */
} WeightGrid;

/* A float conv2d/dense with constant float weights (and bias, if any). */
int fq_is_layer(const Node *n);

/* The grid quantize will use for the weights w of conv2d/dense n under o;
 * -1 (no report) for a weight shape without channels. wgrid_free frees. */
int wgrid_init(WeightGrid *wg, const Node *n, const float *w,
	const Options *o);
void wgrid_free(WeightGrid *wg);
int64_t wgrid_channel(const WeightGrid *wg, int64_t i);  /* of element i */
int32_t wgrid_nearest(const WeightGrid *wg, int64_t i, float w);

typedef struct FqRun FqRun;
/* A runner of g's first input through g->nodes[0..upto]; with quant, every
 * f32 value with a q(...) is rounded to its grid (the last node's output
 * too unless skip_last_q). Constants are read from g at each run. */
FqRun *fq_new(Graph *g, int quant);
void fq_free(FqRun *r);
void fq_run(FqRun *r, const float *input, int upto, int skip_last_q);
float *fq_buffer(FqRun *r, const Value *v);
/* The samples of a .npy file for g's single f32 input, as malloc'd floats
 * (*n samples); 0, or -1 after reporting. */
int fq_load_samples(const Graph *g, const char *path, float **x, int64_t *n);

/* ------------------------------------------------------ passes/pipeline.c */

typedef int (*PassFn)(Graph *g, const Options *o);
typedef struct {
	const char *name;     /* the file passes/NAME.c, pass_NAME, --passes=NAME */
	PassFn fn;
	const char *summary;  /* one line */
	int in_default;       /* part of the default quantization pipeline */
} PassInfo;

const PassInfo *pass_lookup(const char *name);  /* NULL if unknown */
int pass_count(void);
const PassInfo *pass_at(int i);
/* Whether the pipeline without --passes runs p: part of the default one or
 * added by an option (--cle, --bias-correction, --adaround). */
int pass_in_pipeline(const PassInfo *p, const Options *o);
/* Runs o->passes if set, else the default pipeline; verifies the graph after
 * every pass and prints it after the pass named by o->print_after. */
int pipeline_run(Graph *g, const Options *o);

/* ------------------------------------------------------ passes/NAME.c */
/* One pass per file; each returns 0, or -1 after reporting. */
int pass_qdq_elim(Graph *g, const Options *o);
int pass_token_dense(Graph *g, const Options *o);
int pass_fold_bn(Graph *g, const Options *o);
int pass_fuse(Graph *g, const Options *o);
int pass_crop_taps(Graph *g, const Options *o);
int pass_observe(Graph *g, const Options *o);
int pass_calibrate(Graph *g, const Options *o);
/* The threads the passes run samples on: --jobs, else QCC_JOBS (checked by
 * the driver), else the online CPUs. */
int calibrate_jobs(const Options *o);
int pass_range(Graph *g, const Options *o);
int pass_quantize(Graph *g, const Options *o);

/* ----------------------------------------------------------- passes/cle.c */
int pass_cle(Graph *g, const Options *o);

/* ----------------------------------------------- passes/bias_correction.c */
int pass_bias_correction(Graph *g, const Options *o);

/* ------------------------------------------------------ passes/adaround.c */
int pass_adaround(Graph *g, const Options *o);

/* ------------------------------------------------------ passes/bitalloc.c */
int pass_bitalloc(Graph *g, const Options *o);

/* ------------------------------------------- passes/range_estimators.c */
/* The maths of activation range estimation, shared by calibrate, range and
 * eval. Every estimator returns a clipping range [lo, hi] with lo <= 0 <= hi. */

#define RANGE_HIST_BINS 2048

/* What calibration saw of one tensor (the attributes of an observe node). */
typedef struct {
	double min, max;        /* extremes; min > max when nothing was seen */
	int64_t count;          /* elements seen */
	int64_t zeros;          /* elements exactly 0 */
	double hist_lo, hist_hi; /* histogram span; 0 is a bin edge */
	const int64_t *hist;    /* nbins counts, or NULL */
	int nbins;
	const double *rows;     /* nrows * row_len values along a softmax axis */
	int nrows, row_len;
} Observation;

/* The integer grid a range maps onto. */
typedef struct {
	int32_t qmin, qmax;
	int symmetric;          /* zp = 0 and a range symmetric about 0 */
	int pow2;               /* scales rounded up to powers of two */
} QGrid;

/* The histogram span calibration uses for values in [min, max]. */
void range_hist_span(double min, double max, double *lo, double *hi);
/* Adds n values to hist (nbins bins over [lo, hi]); values outside the span
 * fall in the end bins. */
void range_hist_add(int64_t *hist, int nbins, double lo, double hi,
	const float *x, int64_t n);
/* (scale, zp) of [lo, hi] on grid g: real = scale * (q - zp). */
void range_qparams(double lo, double hi, const QGrid *g, float *scale,
	int32_t *zp);
/* x quantized and dequantized with (scale, zp) on grid g. */
double range_fake_quant(double x, float scale, int32_t zp, const QGrid *g);

void range_minmax(const Observation *ob, const QGrid *g, double *lo, double *hi);
/* p in (0, 100]: the p-th percentile of |x|. */
void range_percentile(const Observation *ob, const QGrid *g, double p,
	double *lo, double *hi);
/* The clipping threshold minimising the expected squared quantization error
 * over the histogram. */
void range_mse(const Observation *ob, const QGrid *g, double *lo, double *hi);
/* TensorRT's entropy calibration: the threshold minimising KL(P || Q). */
void range_kl(const Observation *ob, const QGrid *g, double *lo, double *hi);
/* beta_c +- alpha * |gamma_c| over the n channels. */
void range_bn(const double *beta, const double *gamma, int n, double alpha,
	double *lo, double *hi);
/* The threshold minimising the mean cross-entropy between softmax(x) and
 * softmax(q(x)) over the sampled rows. */
void range_ce(const Observation *ob, const QGrid *g, double *lo, double *hi);
/* Mean cross-entropy H(softmax(x), softmax(q(x))) over the rows for [lo, hi]. */
double range_ce_loss(const Observation *ob, const QGrid *g, double lo, double hi);

/* A parsed --range method: "minmax", "percentile:P", "mse", "kl", "bn[:A]",
 * "ce". Returns 0, or -1 (no report) if the text names no method. */
typedef enum { RM_MINMAX, RM_PERCENTILE, RM_MSE, RM_KL, RM_BN, RM_CE } RangeKind;
typedef struct {
	RangeKind kind;
	double param;           /* percentile P, or bn's alpha */
} RangeMethod;
int range_method_parse(const char *s, RangeMethod *m);
#define RANGE_METHODS "minmax, percentile:P, mse, kl, bn[:ALPHA], ce"

/* ---------------------------------------------------------- driver/eval.c */

/* `qcc eval`: float and quantized accuracy of output `score` (NULL: the
 * first) on data (one file per graph input) and labels, their top-1
 * agreement, and per quantized tensor its clipping and SQNR, on stdout. */
int eval_model(Graph *g, const Options *o, const char **data, int ndata,
	const char *labels, const char *score);

/* ------------------------------------------------------ passes/memplan.c */
/* The static arena of generated code: one buffer per integer tensor (views
 * share their source's), placed from lifetimes over the schedule g->nodes. */

#define MEMPLAN_ALIGN 16    /* every offset and size is rounded to this */

typedef struct {
	const char *name;   /* the tensor, or the node output whose kernel it serves */
	int is_scratch;     /* kernel scratch, live during its node only */
	int64_t size;       /* bytes, before alignment */
	int first, last;    /* steps (indices in g->nodes) it is live, inclusive */
	int64_t offset;     /* assigned */
	/* written only when the condition `branch` is nonzero (when = 1) or
	 * zero (when = 0) (graph_guards): buffers of one condition with
	 * different `when` may overlap whatever their steps; NULL: always */
	const Value *branch;
	int when;
} MemBuf;

typedef struct {
	MemBuf *buf;
	int nbuf;
	int *slot;          /* per value id: its buffer, or -1 (not in the arena) */
	int *scratch_slot;  /* per node index: its scratch buffer, or -1 */
	int64_t size;       /* arena bytes */
	int64_t peak;       /* largest sum of aligned sizes live at one step */
} MemPlan;

/* Bytes of scratch the kernel of n needs (0: none). */
typedef int64_t (*MemScratchFn)(void *user, const Node *n);

/* flatten, reshape, and an integer slice of one contiguous run */
int memplan_is_view(const Node *n);
const Value *memplan_root(const Value *v);   /* through views */
/* The element offset of v in memplan_root(v) (slices move it). */
int64_t memplan_view_offset(const Value *v);
/* The tensor whose buffer the caller's output is: through views that keep
 * the start (flatten, reshape); a slice view stops it (the output is then
 * copied out of the arena). */
const Value *memplan_caller_root(const Value *v);
int64_t memplan_elem_bytes(DType t);
/* Assigns offsets; returns the arena size (-1: out of memory). */
int64_t memplan_assign(MemBuf *b, int n);
int64_t memplan_peak(const MemBuf *b, int n);
/* The plan of a lowered graph; scratch may be NULL. 0, or -1 after reporting. */
int memplan_build(const Graph *g, MemScratchFn scratch, void *user,
	MemPlan *p);
void memplan_free(MemPlan *p);
void memplan_print(FILE *f, const MemPlan *p, const char *prefix);
int pass_memplan(Graph *g, const Options *o);

/* ------------------------------------------------------ codegen/emit_c.c */

typedef struct {
	const char *name;   /* C prefix NAME; NULL: the model's name */
	int float_helpers;  /* also NAME_quantize_input / NAME_dequantize_output */
	int caller_arena;   /* NAME_run takes the arena as a third argument */
	const char *target; /* --target NAME (codegen/target.c); NULL: generic */
	int quantized;      /* the pass pipeline ran (--calib or --passes) */
} EmitOptions;

/* Writes the C99 source and header of a lowered graph (integer inputs and
 * outputs, or f32 ones behind quantize/dequantize), each through a
 * temporary file renamed on success. 0, or -1 after reporting. */
int emit_c(Graph *g, const EmitOptions *o, const char *path_c,
	const char *path_h);
/* The arena bytes (NAME_ARENA_SIZE) of the C emit_c would write for the
 * lowered g and target (NULL: generic), and in *peak (if not NULL) the
 * tensors' peak without kernel scratch, which never falls when a tensor
 * widens; -1 after reporting. */
int64_t emit_arena_bytes(Graph *g, const char *target, int64_t *peak);
/* --name: 0 if s is a C identifier whose NAME_ macros cannot collide with
 * the header's (not beginning with '_' or qcc_model in any case); else -1
 * after reporting. */
int emit_name_check(const char *s);

/* ------------------------------------------------------ codegen/target.c */

/* 0 if NULL or a known target; else -1 after reporting the known ones. */
int emit_target_check(const char *name);
/* Per target its summary and its kernel rows (op, kernel, when it
 * applies), for --list-targets. */
void emit_list_targets(FILE *f);

#endif
