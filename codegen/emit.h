/* emit.h - what the files of codegen/ share: the state of one C emission and
 * the helpers that print C. Private to codegen/.
 *
 * Every kernel is one `static void` function per node whose parameters are
 * the node's data inputs (const pointers, in order), its output pointer, and
 * a `void *scratch` when its KernelRow has a scratch size. Weights and
 * other per-node constants are `static const` arrays named after the
 * function (FN_w, FN_c, ...), written just before it.
 */
#ifndef QCC_EMIT_H
#define QCC_EMIT_H

#include "ir.h"

typedef struct Target Target;

typedef struct KernelRow KernelRow;

typedef struct {
	Graph *g;
	const EmitOptions *o;
	const Target *target; /* --target */
	FILE *f;              /* the .c being written */
	const char *prefix;   /* NAME */
	MemPlan plan;
	/* per graph input, in order, the integer tensor the caller passes;
	 * per graph output the integer tensor written for the caller */
	const Value **ins, **outs;
	int nins, nouts;
	char *const_done;     /* per value id: its array has been written */
	const KernelRow **row;  /* per node index: its kernel (check_kernels) */
	int depth;            /* indentation (tabs) of emit_line and emit_fill */
} Emit;

/* target.c: the targets and the kernel-selection table */
struct Target {
	const char *name;     /* --target NAME */
	const char *summary;  /* one line, for --list-targets */
	const char *base;     /* a target whose rows are tried after this one's
	                         own (NULL: none), e.g. generic under a SIMD one */
	/* What the generated .c needs of the compiler that builds it. */
	const char *guard;    /* a preprocessor condition that must hold (NULL:
	                         any C99 compiler); otherwise the .c stops with
	                         #error guard_msg */
	const char *guard_msg;
	const char *includes; /* extra #include lines of its kernels, or NULL */
	/* The instruction set its kernels may use, enabled for every function
	 * of the .c by pragmas, so that plain -O2 without -m flags gives the
	 * target's code: #pragma GCC target(gcc_isa) for gcc, a clang
	 * attribute target(clang_isa) for clang. NULL: the compiler's flags
	 * decide. */
	const char *gcc_isa, *clang_isa;
	/* Whether the machine running qcc can execute this target's code (for
	 * --target host); NULL: never chosen by host unless nothing else is. */
	int (*host_runs)(void);
	/* Preprocessor lines written after the includes (compiler-specific
	 * pragmas under their own #if), or NULL. */
	const char *pragmas;
};
/* One kernel of one op for one target. For a node, codegen takes the first
 * row of its op and target (then of the target's base) whose `applies`
 * holds, and both the memory plan's scratch and the emitted kernel come
 * from that row. Each emitter file defines its rows in an array ended by a
 * row with emit == NULL; target.c lists the arrays. */
struct KernelRow {
	int op;               /* OpKind */
	const char *target;   /* Target.name */
	const char *name;     /* the kernel's name, for --list-targets */
	const char *when;     /* when it applies, in words */
	int (*applies)(const Node *n);      /* NULL: always */
	int64_t (*scratch)(const Node *n);  /* bytes of arena scratch; NULL: 0 */
	int (*emit)(Emit *e, const Node *n, const char *fn);
	int nparams;          /* leading inputs passed to the kernel (the others
	                         are constants of its own); -1: all */
};
const Target *emit_target_find(const char *name);  /* NULL: unknown */
/* The row of n's op for target t; NULL if t has none that applies. */
const KernelRow *emit_kernel_find(const Target *t, const Node *n);

/* emit_c.c */
const char *emit_ctype(DType t);      /* int8_t, int16_t, int32_t, uint8_t */
int32_t emit_zp(const Value *v);      /* per-tensor zero point, 0 if none */
/* " - z", " + -z" or "" for z == 0: the text subtracting z (one of a few
 * rotating static buffers, for use within one printf). */
const char *emit_sub(int32_t z);
/* A comment line naming the node, its shapes and quantization. */
void emit_comment(Emit *e, const Node *n);
/* static const int8_t/uint8_t data, printed densely in hex words. */
void emit_bytes(Emit *e, const char *name, const int32_t *v, int64_t n,
	int is_signed);
/* NAME[n] of element type t: emit_bytes for one-byte types, else
 * emit_ints. */
void emit_array(Emit *e, const char *name, DType t, const int32_t *v,
	int64_t n);
/* static const CTYPE NAME[n] = {...} in decimal, many per line. */
void emit_ints(Emit *e, const char *ctype, const char *name, const int64_t *v,
	int64_t n);
/* The element count and per-dimension strides of a type (row-major). */
void emit_strides(const Type *t, int64_t *stride);

/* emit_line.c: writing generated C by lines and by named pieces */
/* One line: e->depth tabs, the text, a newline. */
void emit_line(Emit *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* emit_line(fmt), a line opening a block ("{", "for (...) {"), then one
 * level in; emit_close goes one level out and writes "}". */
void emit_open(Emit *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void emit_close(Emit *e);
/* The values of a template's placeholders: name/value pairs, the values
 * copied. */
#define EMIT_MAX_VARS 64
typedef struct {
	int n;
	const char *name[EMIT_MAX_VARS];
	int val[EMIT_MAX_VARS];   /* offsets into text */
	int used;
	char text[8192];
} EmitVars;
void emit_var(EmitVars *v, const char *name, const char *val);
void emit_vari(EmitVars *v, const char *name, long long val);
/* Writes tmpl with $name or ${name} replaced by the value of name in v
 * (which must be there); tmpl starts a line, and each non-empty line it
 * starts gets e->depth tabs first. */
void emit_fill(Emit *e, const char *tmpl, const EmitVars *v);

/* emit_conv.c: the kernels of qconv2d, and the per-channel constants
 * shared with emit_dense.c */
/* The multipliers, shifts and accumulator pre-shifts of qcc_requant32
 * (one entry, or one per output channel, as the node's mult). */
typedef struct {
	const int64_t *m, *s, *a;   /* a: acc is multiplied by 2^a first */
	int any_a;
} EmitReq32;
extern const KernelRow emit_conv_kernels[];
/* The scratch of one conv kernel: `buf` bytes (a multiple of 8) of its own
 * buffers, then `req` accumulators (8 bytes each at most), then t (`req`
 * entries of the output type, 2 bytes at most). */
typedef struct {
	int64_t buf, req;
} EmitConvScratch;
int64_t emit_conv_scratch_bytes(EmitConvScratch s);
/* What a conv kernel's emitter works from: the geometry and the scratch
 * layout of its kernel, the weights, and the requantization. */
typedef struct {
	WinGeom c;
	EmitConvScratch s;
	const int32_t *w;        /* [OC][ICG][KH][KW] */
	int wide;                /* int64 dot products (emit_fold_bias) */
	const EmitReq32 *r32;    /* &req where qcc_requant32 is exact, or NULL */
	EmitReq32 req;
} EmitConvPrep;
typedef EmitConvScratch EmitConvLayout(const Node *n, const WinGeom *c);
typedef int EmitConvBody(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p);
/* The folded constants (bias - (zx + xoff) * sum w: a kernel that adds
 * xoff to every input element passes it) and the requantization's
 * tables (FN_c, FN_m, FN_s, FN_a), then `body` on the scratch `layout`. */
int emit_conv_node(Emit *e, const Node *n, const char *fn, int32_t xoff,
	EmitConvLayout *layout, EmitConvBody *body);
/* The values every conv template names ($fn, $xt, $yt, $wt, $zx, the
 * geometry $OC, $ICG, $KH, ..., $OH, $OW, $OHW, $HW, the scratch $buf,
 * $req, $toff). */
void emit_conv_vars(EmitVars *v, const Node *n, const char *fn,
	const EmitConvPrep *p);
/* `loops` (a for header over the run), then per element
 * yelem = the requantization of output channel o's accumulator aelem
 * (FN_c[o] added modulo 2^32 unless wide), at depth more tabs. */
void emit_row_requant(Emit *e, const Node *n, const char *fn,
	const char *loops, const char *yelem, const char *aelem, int wide,
	const EmitReq32 *r32, int depth);
/* The C element type of n's weights (input 1). */
const char *emit_wtype(const Node *n);
/* The data of constant input i as int32; NULL (reported) if computed. */
const int32_t *emit_const_data(const Node *n, int i, const char *what);
/* bias - zx * sum w per row of w[M][K] (malloc'ed); *wide if an int32 dot
 * product could overflow for some row. */
int64_t *emit_fold_bias(const Node *n, const int32_t *w, int64_t M,
	int64_t K, int *wide);
/* FN_c (the folded constants), and FN_m, FN_s (FN_a) of a per-channel
 * requantization, from the node or from r32 when not NULL. */
void emit_channel_consts(Emit *e, const Node *n, const char *fn,
	const int64_t *c, int64_t M, int wide, const EmitReq32 *r32);
/* The weight layout of the generic kernels (ir/pack.c): conv taps
 * channels last, [OC][KH][KW][ICG], rows of K >= 16 zero-padded to a
 * multiple of 8 (Kp) for the column and dense kernels. */
extern const PackSpec emit_pack;
/* Weights [M][K] of type t as FN_w [M][Kp], zero padded (emit_pack). */
void emit_packed_weights(Emit *e, const char *fn, const int32_t *w,
	int64_t M, int64_t K, DType t);

/* A target's conv kernel without scratch of its own: after the constants
 * FN_c, FN_m, FN_s (FN_a) are written as for the generic kernels,
 * body(e, n, fn, w, wide, r32) with the weights [OC][ICG][KH][KW] writes
 * its weights and the kernel. */
typedef int EmitConvTargetBody(Emit *e, const Node *n, const char *fn,
	const int32_t *w, int wide, const EmitReq32 *r32);
int emit_conv_target(Emit *e, const Node *n, const char *fn,
	EmitConvTargetBody *body);

/* emit_arm.c: the conv kernels of the cortex-m4 (DSP extension) and
 * aarch64-neon targets */
extern const KernelRow emit_arm_kernels[];
/* static int32_t FN_sxtb16_ror8(uint32_t u) ($fn from v): SXTB16 of u
 * rotated by 8 bits, in one instruction (gcc does not fold the rotation
 * into it). */
void emit_sxtb16_ror8(Emit *e, const EmitVars *v);

/* emit_sub.c: qconv2d and qdense with weights packed below a byte, for
 * every target (searched before the other tables) */
extern const KernelRow emit_sub_kernels[];
/* static int32_t FN_hsum(__m256i s) ($fn from v): the sum of its eight
 * lanes modulo 2^32, by shuffles. */
void emit_hsum(Emit *e, const EmitVars *v);

/* emit_dense.c: qdense, qmatmul */
extern const KernelRow emit_dense_kernels[];
/* The multiplier, shift, zero point and bounds of qcc_requant for output
 * channel expression `ch` of n, as C arguments (FN_m[ch], FN_s[ch] when
 * per channel). */
void emit_requant_args(Emit *e, const Node *n, const char *fn,
	const char *ch);
/* At the current depth, in a loop over rows m (step 4) of batch row b:
 * y[b][m + i] = the requantization of FN_c[m + i] (int64) plus the dot
 * product sum(ai), a C call of the function named `sum` on the
 * accumulator ai, for i < 4 and m + i < M. */
void emit_dense_store4(Emit *e, const Node *n, const char *fn,
	const char *sum);
/* A dense node's FN_c (bias - zx * sum w, int64 where needed), FN_m, FN_s;
 * returns its weights [M][K] (NULL, reported, if not constant) and sets
 * *wide as emit_fold_bias. */
const int32_t *emit_dense_consts(Emit *e, const Node *n, const char *fn,
	int *wide);

/* emit_elem.c: elementwise, pooling, movement, tables */
extern const KernelRow emit_elem_kernels[];
/* The loops over the index space of n's output, at the current depth, and
 * the index expression of each input's broadcast element (idx[i]) and of
 * the output element (iy): one flat loop over i when every input has the
 * output's shape, else nested loops over i0, i1, ... with literal strides
 * (0 for a broadcast dimension). The body goes at the same depth. */
#define EMIT_IDX_MAX 512
void emit_elem_loops(Emit *e, const Node *n, char (*idx)[EMIT_IDX_MAX],
	char *iy);
/* `int i0, i1, ...;` and a for line per dim of t (i0 < dims[0], ...), at
 * the current depth: the body goes at the same depth. */
void emit_loops(Emit *e, const Type *t);
/* "i0 * s0 + i1 * s1" for the strides given (zero strides dropped; "0"
 * when all are). */
void emit_index_expr(const int64_t *stride, int rank, char *buf,
	size_t size);
/* A whole elementwise kernel: `static void FN(const T0 *x0, ..., YT *y)`,
 * emit_elem_loops, the body tmpl (one statement, at the loops' depth plus
 * one) with the placeholders $i0 .. $i15 (the inputs' index expressions),
 * $iy and $yt (the output's) besides those of v, and the closing brace;
 * returns 0, as emitters do. */
int emit_elem_kernel(Emit *e, const Node *n, const char *fn, EmitVars *v,
	const char *tmpl);

/* emit_cond.c: the condition kernels qcompare, qwhere, not, logic */
extern const KernelRow emit_cond_kernels[];

/* emit_arith.c: qsum, qprelu, qdiv, qpwl, qlog_softmax */
extern const KernelRow emit_arith_kernels[];

/* emit_geo.c: resize, dilate, slice, gather, expand */
extern const KernelRow emit_geo_kernels[];
/* emit_x86.c: the kernels of x86-avx2 and x86-avx512-vnni */
extern const KernelRow emit_x86_kernels[];
/* The pixel lanes emit_x86.c's conv tiles compute for n (>= OH * OW). */
int64_t emit_x86_pixel_lanes(const Node *n);
/* emit_x86_small.c */
extern const KernelRow emit_x86_small_kernels[];
/* emit_x86_a16.c, emit_arm_a16.c: the x86 and aarch64 kernels of 16-bit
 * inputs */
extern const KernelRow emit_x86_a16_kernels[];
extern const KernelRow emit_arm_a16_kernels[];

/* emit_a16.c: what those kernels share */
int64_t emit_round_up(int64_t v, int64_t m);
/* The rows' conditions: a 16-bit input, 8-bit constant weights, int32
 * dot products, and for conv one group, for depthwise one input channel
 * a group. */
int emit_a16_conv_applies(const Node *n);
/* conv of any groups but depthwise ones (emit_a16_conv_open's group
 * loop) */
int emit_a16_gconv_applies(const Node *n);
int emit_a16_dw_applies(const Node *n);
int emit_a16_dense_applies(const Node *n);
/* conv: blocks of RB output rows, PB pixels (RB * OW rounded up to 16),
 * Kq pairs of taps, a group's output channels padded to OCp (a multiple
 * of 8) */
typedef struct {
	int64_t Kq, OCp, RB, PB;
} EmitA16Conv;
void emit_a16_conv_geom(const WinGeom *c, EmitA16Conv *k);
EmitConvScratch emit_a16_conv_scratch(const Node *n, const WinGeom *c);
int64_t emit_a16_conv_bytes(const Node *n);
/* The kernel up to a block's column filled, at depth 3 in the loop over
 * groups (if several) and blocks: `col` (int32_t pairs [Kq][PB] if pairs,
 * else int16_t [K][PB]), `acc` [OCp][PB] int32, the block's nq pixels
 * from output row oh0; v gets emit_conv_vars and $Kq, $OCp, $RB, $PB, and
 * $wrow: the row of the group's output channel oc in weights of OCp rows
 * a group. The target's tiles come next, writing acc, then
 * emit_a16_conv_close: the requantization of acc into y, and the
 * kernel's end. */
void emit_a16_conv_open(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, EmitVars *v, int pairs);
/* In a block (v as emit_a16_conv_open's, with xb, oh0, nr, nq, k, r, ow
 * and q declared): the column, tap k of pixel q at d[stride * q], d =
 * `dst` (a C expression of k), zx outside the input; a 1x1 layer's rows
 * copied from its input. */
void emit_a16_column(Emit *e, const WinGeom *c, const EmitVars *v,
	const char *dst, int stride);
void emit_a16_conv_close(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v);
/* A target's requantization of channel o's accumulators ac[q] into
 * yo[q], q < count (a C expression), at `depth` more tabs than 0 (q
 * declared); the _rq closes take one (NULL: emit_row_requant's loop). */
typedef void EmitA16Requant(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const char *count, int depth);
void emit_a16_conv_close_rq(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v, EmitA16Requant *rq);
/* depthwise: sw column phases of PH padded rows of RS elements (len
 * elements), PWS of them from the input, the others what a row's last
 * vector of 8 outputs reaches */
typedef struct {
	int64_t PH, PWS, RS, len;
} EmitA16Dw;
void emit_a16_dw_geom(const Node *n, const WinGeom *c, EmitA16Dw *k);
EmitConvScratch emit_a16_dw_scratch(const Node *n, const WinGeom *c);
int64_t emit_a16_dw_bytes(const Node *n);
/* At depth 0, after a depthwise kernel's loops wrote channel o's
 * accumulators ac[OH * OW] (o, ac, yo and q declared): their
 * requantization into yo, and the kernel's end. */
void emit_a16_dw_close(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v);
void emit_a16_dw_close_rq(Emit *e, const Node *n, const char *fn,
	const EmitConvPrep *p, const EmitVars *v, EmitA16Requant *rq);

/* emit_reduce.c: pad (integer), qaffine, qreduce */
extern const KernelRow emit_reduce_kernels[];

#endif
