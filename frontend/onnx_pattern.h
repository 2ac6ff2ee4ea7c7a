/* onnx_pattern.h - the machinery of onnx_pattern.c that the pattern files
 * share: the graph's names, a match and its pieces. */
#ifndef QCC_ONNX_PATTERN_H
#define QCC_ONNX_PATTERN_H

#include "onnx_imp.h"

#define PAT_MAX_NODES 24

/* One name of the graph: who makes it and how often it is read. */
typedef struct {
	const char *name;
	int prod;      /* the producing node, -1: an initializer or input */
	int uses;      /* node inputs (subgraphs included) and graph outputs */
	int user;      /* the first node reading it, -1: none */
} PatName;

/* A match: the op, its operands (ONNX names) and the nodes it replaces. */
typedef struct {
	/* OP_LAYERNORM, OP_GELU, OP_SILU, OP_HARDSWISH; OP_DENSE: dynamic
	 * quantization (onnx_dynq.c); OP_DYNQUANT: DynamicQuantizeLinear's
	 * function body (x, scale, wz: its zero point) */
	int op;
	const char *x, *scale, *bias;
	int64_t axes[QCC_MAX_RANK];
	int naxes;
	double eps;
	int tanh;                  /* gelu: the tanh form */
	int inode;                 /* dynamic quantization: the integer op */
	const char *w, *wz;        /* its weights and their zero point */
	int node[PAT_MAX_NODES];   /* ascending; the last is the result */
	int nnode;
} PatFuse;

struct PatPlan {
	int n;
	char *skip;                /* per node: part of a match, not its last */
	PatFuse **fuse;            /* per node: the match it ends, or NULL */
};

typedef struct {
	Ctx *c;
	Onnx__NodeProto *const *node;
	int n;
	PatName *tab;
	int cap;
	char *claimed;             /* per node: in a match already */
} Pat;

/* Node k if it is a free op of type op (default domain), else NULL. */
const Onnx__NodeProto *node_is(Pat *P, int k, const char *op);
/* The producer of name if it is a free op of type op. */
const Onnx__NodeProto *made_by(Pat *P, const char *name, const char *op,
	int *k);
/* The one node reading name (an intermediate read once), if of type op. */
const Onnx__NodeProto *read_by(Pat *P, const char *name, const char *op,
	int *k);
int once(Pat *P, const char *name);   /* name is read exactly once */
PatName *pat_name(Pat *P, const char *name);  /* NULL: not in the graph */
const char *pat_in(const Onnx__NodeProto *p, size_t i);  /* "" if absent */
/* The input of the two-input p that is not name (NULL: name is not one). */
const char *other(const Onnx__NodeProto *p, const char *name);
int known(Pat *P, const char *name);  /* known at import time */
/* name is a constant whose every element is want (to float precision). */
int is_value(Pat *P, const char *name, double want);
void take(PatFuse *f, int k);         /* adds node k to the match */
/* When y's one reader is an op of y and a constant known at import time:
 * takes it into the match, sets *operand to the constant and returns the
 * op's output; else returns y. (The optional Mul by a scale, Add of a
 * bias after a pattern.) */
const char *by_known(Pat *P, PatFuse *f, const char *y, const char *op,
	const char **operand);

/* onnx_dynq.c: DynamicQuantizeLinear -> MatMulInteger or ConvInteger ->
 * Cast -> Mul by the product of the scales (-> Add of a bias) */
int match_dynq(Pat *P, int k, PatFuse *f);
/* The DynamicQuantizeLinear nodes every output of which only matches read:
 * skipped. */
void skip_dynq(Pat *P, char *skip);
/* Emits a match of match_dynq at its last node: 0, or -1 after
 * reporting. */
int emit_dynq(Ctx *c, const PatFuse *f, Onnx__NodeProto *const *node,
	int k, int opset);
/* onnx_dynq.c: the scale and zero point of DynamicQuantizeLinear's
 * function body (ReduceMin/ReduceMax of x, widened to hold 0, ... Cast to
 * uint8), matched at the Cast */
int match_dynq_expanded(Pat *P, int k, PatFuse *f);
/* Emits it at the Cast p as DynamicQuantizeLinear's scale and zero point
 * outputs: 0, or -1 after reporting. */
int emit_dynq_expanded(Ctx *c, const PatFuse *f, const Onnx__NodeProto *p,
	int opset);

#endif
