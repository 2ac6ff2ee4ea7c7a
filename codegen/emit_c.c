/* emit_c.c - the C generator: a lowered graph in, one C99 source and one
 * header out.
 *
 * The generated code computes, bit for bit, what the integer kernels of
 * exec/ compute (docs/arith.md). Its integer core uses only <stdint.h> and <string.h>: no
 * float, no malloc, no libc call but memcpy/memset. Every tensor lives in one
 * static arena (or the caller's) at the offset of the memory plan
 * (passes/memplan.c); views alias their source. The caller passes the
 * quantized input and receives the quantized output; the optional float
 * helpers quantize and dequantize them exactly as the graph's boundary nodes.
 *
 * Layout of the .c: helpers, then per node its constants and its kernel
 * (emit_conv.c, emit_elem.c), then NAME_run calling the kernels in schedule
 * order, then the float helpers when asked for.
 */
#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"

/* -------------------------------------------------------------- helpers */

const char *emit_ctype(DType t)
{
	switch (t) {
	case DT_I32: return "int32_t";
	case DT_I16: return "int16_t";
	case DT_U8:
	case DT_U4: return "uint8_t";
	default: return "int8_t";
	}
}

int32_t emit_zp(const Value *v)
{
	return v->type.q.present ? v->type.q.zp[0] : 0;
}

const char *emit_sub(int32_t z)
{
	static char buf[8][24];
	static int next;
	char *b = buf[next++ % 8];
	if (z == 0)
		b[0] = 0;
	else if (z < 0)
		snprintf(b, sizeof buf[0], " + %lld", -(long long)z);
	else
		snprintf(b, sizeof buf[0], " - %d", (int)z);
	return b;
}

void emit_strides(const Type *t, int64_t *stride)
{
	int64_t s = 1;
	for (int d = t->rank - 1; d >= 0; d--) {
		stride[d] = s;
		s *= t->dims[d];
	}
}

void emit_comment(Emit *e, const Node *n)
{
	char buf[TYPE_STR_MAX];
	fprintf(e->f, "\n/* %s = %s(", n->out->name, op_info(n->op)->name);
	for (int i = 0; i < n->nin; i++) {
		if (!n->in[i]) {
			fprintf(e->f, "%s_", i ? ", " : "");
			continue;
		}
		fprintf(e->f, "%s%s %s", i ? ", " : "", n->in[i]->name,
			type_str(&n->in[i]->type, buf, sizeof buf));
	}
	fprintf(e->f, ") -> %s", type_str(&n->out->type, buf, sizeof buf));
	const OpInfo *op = op_info(n->op);
	for (int a = 0; a < op->nattr; a++) {
		const Attr *at = &n->attr[a];
		const char *name = op->attrs[a].name;
		if (!strcmp(name, "mult") || !strcmp(name, "shift") ||
			!strcmp(name, "table") || !strcmp(name, "acc_bound"))
			continue;
		if (at->kind == AK_INT)
			fprintf(e->f, " %s=%lld", name, (long long)at->i);
		else if (at->kind == AK_INTS) {
			fprintf(e->f, " %s=[", name);
			for (int k = 0; k < at->n && k < 8; k++)
				fprintf(e->f, "%s%lld", k ? "," : "", (long long)at->ints[k]);
			fprintf(e->f, "%s]", at->n > 8 ? ",..." : "");
		} else if (at->kind == AK_STR && at->s)
			fprintf(e->f, " %s=%s", name, at->s);
	}
	fprintf(e->f, " */\n");
}

/* Bytes as little-endian 32-bit words, 12 a line: about 2.75 characters a
 * byte, few tokens, so big models compile fast. Read back through an int8_t
 * or uint8_t pointer (a character type may alias anything). */
void emit_bytes(Emit *e, const char *name, const int32_t *v, int64_t n,
	int is_signed)
{
	int64_t words = (n + 3) / 4;
	fprintf(e->f, "static const uint32_t %s_words[%lld] = {\n", name,
		(long long)(words ? words : 1));
	for (int64_t w = 0; w < words; w++) {
		uint32_t x = 0;
		for (int b = 0; b < 4; b++)
			if (w * 4 + b < n)
				x |= (uint32_t)(uint8_t)v[w * 4 + b] << (8 * b);
		fprintf(e->f, "%s0x%08x,", w % 12 ? "" : "\t", (unsigned)x);
		if (w % 12 == 11 || w == words - 1)
			fputc('\n', e->f);
	}
	if (!words)
		fprintf(e->f, "\t0\n");
	fprintf(e->f, "};\n#define %s ((const %s *)%s_words)\n", name,
		is_signed ? "int8_t" : "uint8_t", name);
}

void emit_ints(Emit *e, const char *ctype, const char *name, const int64_t *v,
	int64_t n)
{
	fprintf(e->f, "static const %s %s[%lld] = {", ctype, name,
		(long long)(n ? n : 1));
	for (int64_t i = 0; i < n; i++) {
		if (i % 16 == 0)
			fprintf(e->f, "\n\t");
		/* INT32_MIN has no literal of type int */
		if (v[i] == INT32_MIN)
			fprintf(e->f, "-2147483647-1,");
		else
			fprintf(e->f, "%lld,", (long long)v[i]);
	}
	fprintf(e->f, "%s\n};\n", n ? "" : "0");
}

void emit_array(Emit *e, const char *name, DType t, const int32_t *v,
	int64_t n)
{
	if (memplan_elem_bytes(t) == 1) {
		emit_bytes(e, name, v, n, t != DT_U8 && t != DT_U4);
		return;
	}
	int64_t *w = malloc((n + 1) * sizeof *w);
	if (!w)
		abort();
	for (int64_t i = 0; i < n; i++)
		w[i] = v[i];
	emit_ints(e, emit_ctype(t), name, w, n);
	free(w);
}

/* -------------------------------------------------------- the boundary */

/* Whether the graph went through quantize (a quantize node, or a value
 * of an integer op): a float op left in it could not be lowered. */
static int was_quantized(const Graph *g)
{
	for (int k = 0; k < g->nnodes; k++)
		if (!g->nodes[k]->dead && op_has(g->nodes[k]->op, OPF_INT))
			return 1;
	return 0;
}

/* The error for a float op left in the graph: what would make it work. */
static void float_op_error(const Emit *e, const Node *n)
{
	const OpInfo *op = op_info(n->op);
	const char *name = n->out->name;
	if (!e->o->quantized && !was_quantized(e->g)) {
		diag_error(n->loc, "integer-only C cannot compute the float %s '%s'; "
			"quantize the model with --calib (an op that cannot be lowered "
			"stays float)", op->name, name);
		return;
	}
	if (op->qop == OP_NONE || op->lower == LOWER_NONE) {
		diag_error(n->loc, "node '%s' (%s): qcc has no integer form of %s, "
			"so it stays float and integer-only C cannot compute it; "
			"replace it in the model with ops docs/arith.md lists, or end "
			"the model before it and compute it in the caller", name,
			op->name, op->name);
		return;
	}
	if (op->lower == LOWER_SUM && n->nin > QSUM_MAX_IN) {
		diag_error(n->loc, "node '%s' (%s) of %d inputs stays float: its "
			"integer form takes at most %d, so integer-only C cannot "
			"compute it; split it into %ss of %d inputs or fewer", name,
			op->name, n->nin, QSUM_MAX_IN, op->name, QSUM_MAX_IN);
		return;
	}
	diag_error(n->loc, "node '%s' (%s) stays float: quantize could not "
		"lower it (see its warning), so integer-only C cannot compute it; "
		"docs/arith.md gives the inputs and attributes under which %s has "
		"an integer form", name, op->name, op->name);
}

static int in_list(const Value *const *list, int n, const Value *v)
{
	for (int i = 0; i < n; i++)
		if (list[i] == v)
			return 1;
	return 0;
}

/* The integer tensor the caller passes for graph input x: x itself, or the
 * output of its single quantize reader. */
static const Value *caller_input(const Graph *g, const Value *x)
{
	if (x->type.elem != DT_F32)
		return x;
	const Value *q = NULL;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		for (int i = 0; !n->dead && i < n->nin; i++) {
			if (n->in[i] != x)
				continue;
			if (n->op != OP_QUANTIZE || (q && q != n->out)) {
				diag_error(n->loc, "C generation needs the float "
					"input '%s' to feed a single quantize node; "
					"quantize the model first (--calib)", x->name);
				return NULL;
			}
			q = n->out;
		}
	}
	if (!q)
		diag_fail("input '%s' is not used", x->name);
	return q;
}

/* The integer tensor written for the caller for graph output y. */
static const Value *caller_output(const Value *y)
{
	if (y->type.elem != DT_F32)
		return y;
	if (y->kind != VAL_NODE || y->def->op != OP_DEQUANTIZE) {
		diag_error(y->loc, "C generation needs the float output '%s' "
			"to come from a dequantize node; quantize the model "
			"first (--calib)", y->name);
		return NULL;
	}
	return y->def->in[0];
}

/* Finds the integer inputs and outputs of the core and checks that every
 * other node is an integer op. */
static int find_core(Emit *e)
{
	Graph *g = e->g;
	if (g->ninputs < 1 || g->noutputs < 1) {
		diag_fail("C generation needs an input and an output; '%s' has "
			"%d input%s and %d output%s", g->name, g->ninputs,
			g->ninputs == 1 ? "" : "s", g->noutputs,
			g->noutputs == 1 ? "" : "s");
		return -1;
	}
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead || n->op == OP_QUANTIZE || n->op == OP_DEQUANTIZE)
			continue;
		if (n->out->type.elem == DT_F32) {
			float_op_error(e, n);
			return -1;
		}
	}
	e->nins = g->ninputs;
	e->nouts = g->noutputs;
	for (int i = 0; i < g->ninputs; i++)
		if (!(e->ins[i] = caller_input(g, g->inputs[i])))
			return -1;
	for (int i = 0; i < g->noutputs; i++)
		if (!(e->outs[i] = caller_output(g->outputs[i])))
			return -1;
	for (int i = 0; i < e->nins + e->nouts; i++) {
		int is_out = i >= e->nins;
		const Value *v = is_out ? e->outs[i - e->nins] : e->ins[i];
		const QParams *q = &v->type.q;
		if (!is_out && v == g->inputs[i] && !q->present)
			continue;  /* integer ids, passed as they are */
		if (!q->present || q->axis >= 0) {
			diag_fail("C generation needs a per-tensor quantized %s; '%s' "
				"has %s", is_out ? "output" : "input", v->name,
				q->present ? "per-axis parameters" : "none");
			return -1;
		}
	}
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (n->dead)
			continue;
		if ((n->op == OP_QUANTIZE && !in_list(e->ins, e->nins, n->out)) ||
		    (n->op == OP_DEQUANTIZE && !n->out->is_output)) {
			diag_error(n->loc, "C generation supports quantize and "
				"dequantize only at the graph's input and output; "
				"'%s' is inside the graph", n->out->name);
			return -1;
		}
	}
	return 0;
}

/* The name of input or output i in the API: `input` and `output` (upper:
 * INPUT, OUTPUT) when there is one, else numbered from 0. */
static const char *io_name(const Emit *e, int is_out, int i, int upper)
{
	static char buf[4][40];
	static int k;
	const char *w = is_out ? (upper ? "OUTPUT" : "output") :
		(upper ? "INPUT" : "input");
	k = (k + 1) % 4;
	if ((is_out ? e->nouts : e->nins) > 1)
		snprintf(buf[k], sizeof buf[k], "%s%d", w, i);
	else
		snprintf(buf[k], sizeof buf[k], "%s", w);
	return buf[k];
}

/* --------------------------------------------------------------- nodes */

static int emits_code(const Node *n)
{
	return !n->dead && n->op != OP_QUANTIZE && n->op != OP_DEQUANTIZE &&
		!memplan_is_view(n);
}

/* The kernel row of a node that emits code, chosen once by check_kernels. */
static const KernelRow *row_of(const Emit *e, const Node *n)
{
	const KernelRow *r = e->row[n->id];
	assert(r);
	return r;
}

/* The scratch of a node's kernel: that of the row its code comes from. */
static int64_t scratch_of(void *user, const Node *n)
{
	const KernelRow *r = emits_code(n) ? row_of(user, n) : NULL;
	return r && r->scratch ? r->scratch(n) : 0;
}

/* The kernel's parameters: the leading inputs its row names (a kernel
 * with weights of its own takes only its data input), or all. */
static int ndata(const Emit *e, const Node *n)
{
	int k = row_of(e, n)->nparams;
	return k < 0 ? n->nin : k;
}

/* Chooses the kernel of every node that emits code (the memory plan's
 * scratch and the emission both read this choice); each must have one on
 * the target. The generic kernels round through qcc_round_shift, which
 * follows the graph's rounding; the kernels of other targets implement
 * the default rounding only, so another rounding takes generic's rows. */
static int check_kernels(Emit *e)
{
	const Target *t = e->g->rounding == ROUND_AWAY ? e->target :
		emit_target_find("generic");
	for (int k = 0; k < e->g->nnodes; k++) {
		const Node *n = e->g->nodes[k];
		e->row[k] = emits_code(n) ? emit_kernel_find(t, n) : NULL;
		if (emits_code(n) && !e->row[k]) {
			diag_error(n->loc, "C generation has no kernel for %s ('%s') "
				"on target '%s'", op_info(n->op)->name, n->out->name,
				e->target->name);
			return -1;
		}
	}
	return 0;
}

static void fn_name(const Node *n, int k, char *buf, size_t size)
{
	int len = snprintf(buf, size, "k%d_", k);
	for (const char *s = n->out->name; *s && len + 1 < (int)size; s++)
		buf[len++] = isalnum((unsigned char)*s) ? *s : '_';
	buf[len] = 0;
}

/* A constant that a kernel takes as a data input: one array per value. */
static void emit_data_const(Emit *e, const Value *v)
{
	if (v->kind != VAL_CONST || e->const_done[v->id])
		return;
	e->const_done[v->id] = 1;
	char name[300];
	snprintf(name, sizeof name, "c%d_", v->id);
	size_t len = strlen(name);
	for (const char *s = v->name; *s && len + 1 < sizeof name; s++)
		name[len++] = isalnum((unsigned char)*s) ? *s : '_';
	name[len] = 0;
	fprintf(e->f, "\n/* constant %s */\n", v->name);
	emit_array(e, name, v->type.elem, v->data, type_numel(&v->type));
}

/* The C expression of a value's storage in NAME_run. */
static void value_ptr(Emit *e, const Value *v, char *buf, size_t size)
{
	const Value *r = memplan_root(v);
	const char *ct = emit_ctype(v->type.elem);
	int64_t off = memplan_view_offset(v);
	if (off) {  /* a slice view: the run starting off elements in */
		char base[300];
		value_ptr(e, r, base, sizeof base);
		snprintf(buf, size, "(%.300s + %lld)", base, (long long)off);
		return;
	}
	for (int i = 0; i < e->nins; i++) {
		if (r == e->ins[i]) {
			snprintf(buf, size, "%s", io_name(e, 0, i, 0));
			return;
		}
	}
	for (int i = 0; i < e->nouts; i++) {
		if (r == memplan_caller_root(e->outs[i])) {
			snprintf(buf, size, "%s", io_name(e, 1, i, 0));
			return;
		}
	}
	if (r->kind == VAL_CONST) {
		int len = snprintf(buf, size, "c%d_", r->id);
		for (const char *s = r->name; *s && len + 1 < (int)size; s++)
			buf[len++] = isalnum((unsigned char)*s) ? *s : '_';
		buf[len] = 0;
	} else {
		int s = e->plan.slot[r->id];
		snprintf(buf, size, "(%s *)(a + %lld)", ct,
			(long long)e->plan.buf[s].offset);
	}
}

/* ------------------------------------------------------------ the file */

static const char helper_round_shift[] =
	"\n/* R(p, n): p / 2^n rounded to nearest, ties away from zero, for\n"
	" * |p| < 2^62, 0 <= n <= 62. For n > 0 that is\n"
	" * floor((p + 2^(n-1) - (p < 0)) / 2^n), shifted here as an unsigned\n"
	" * number offset by 2^62: no branch, no shift of a negative number. */\n"
	"static inline int64_t qcc_round_shift(int64_t p, int n)\n{\n"
	"\tuint64_t half = n > 0 ? (uint64_t)1 << (n - 1) : 0;\n"
	"\tuint64_t u = (uint64_t)p + half - (uint64_t)(n > 0 && p < 0) +\n"
	"\t\t((uint64_t)1 << 62);\n"
	"\treturn (int64_t)(u >> n) - ((int64_t)1 << (62 - n));\n}\n";

/* `rounding even`: ties to even, on the magnitude. */
static const char helper_round_even[] =
	"\n/* R(p, n): p / 2^n rounded to nearest, ties to even (the graph's\n"
	" * rounding), for |p| < 2^62, 0 <= n <= 62 */\n"
	"static inline int64_t qcc_round_shift(int64_t p, int n)\n{\n"
	"\tuint64_t m = p < 0 ? 0 - (uint64_t)p : (uint64_t)p;\n"
	"\tif (n > 0) {\n"
	"\t\tuint64_t half = (uint64_t)1 << (n - 1);\n"
	"\t\tuint64_t r = m & ((half << 1) - 1);\n"
	"\t\tm >>= n;\n"
	"\t\tm += r > half || (r == half && (m & 1));\n"
	"\t}\n"
	"\treturn p < 0 ? -(int64_t)m : (int64_t)m;\n}\n";

/* `rounding double`: floor((p + 2^(k-1)) / 2^k) by the 2^62 offset (ties
 * up, gemmlowp's doubling high multiply for k = 31), then ties away. */
static const char helper_round_double[] =
	"\n/* floor(p / 2^k + 1/2) for |p| < 2^62, 0 <= k <= 31 */\n"
	"static inline int64_t qcc_round_up(int64_t p, int k)\n{\n"
	"\tuint64_t half = k > 0 ? (uint64_t)1 << (k - 1) : 0;\n"
	"\tuint64_t u = (uint64_t)p + half + ((uint64_t)1 << 62);\n"
	"\treturn (int64_t)(u >> k) - ((int64_t)1 << (62 - k));\n}\n"
	"\n/* R(p, n) rounding twice (the graph's rounding), as TFLite's\n"
	" * MultiplyByQuantizedMultiplier on p = acc * mult: the rounding\n"
	" * doubling high multiply p / 2^31 (ties up), then a rounding right\n"
	" * shift by n - 31 (ties away from zero); n <= 31 rounds once. */\n"
	"static inline int64_t qcc_round_shift(int64_t p, int n)\n{\n"
	"\tif (n <= 31)\n\t\treturn qcc_round_up(p, n);\n"
	"\tint64_t h = qcc_round_up(p, 31);\n"
	"\tint64_t m = (h < 0 ? -h : h) + ((int64_t)1 << (n - 32));\n"
	"\treturn h < 0 ? -(m >> (n - 31)) : m >> (n - 31);\n}\n";

static const char helper_clamp[] =
	"\nstatic inline int32_t qcc_clamp(int64_t v, int32_t lo, int32_t hi)\n"
	"{\n\treturn (int32_t)(v < lo ? lo : v > hi ? hi : v);\n}\n";

static const char helper_requant[] =
	"\n/* clamp(zy + R(acc * mult, shift), lo, hi) */\n"
	"static inline int32_t qcc_requant(int64_t acc, int32_t mult, int shift,\n"
	"\tint32_t zy, int32_t lo, int32_t hi)\n{\n"
	"\treturn qcc_clamp(zy + qcc_round_shift(acc * mult, shift), lo, hi);\n"
	"}\n";

static const char helper_isqrt[] =
	"\n/* floor(sqrt(n)) for every n: Newton's iteration from a start above\n"
	" * the root decreases strictly until it reaches the floor. */\n"
	"static uint64_t qcc_isqrt(uint64_t n)\n{\n"
	"\tuint64_t x = (uint64_t)1 << 32, y;\n"
	"\tint bits = 0;\n"
	"\tif (n < 2)\n\t\treturn n;\n"
	"\twhile (bits < 64 && (n >> bits) != 0)\n\t\tbits++;\n"
	"\tif (bits < 63)\n\t\tx = (uint64_t)1 << ((bits + 1) / 2);\n"
	"\telse\n\t\tx--;\n"
	"\tfor (;;) {\n\t\ty = (x + n / x) >> 1;\n"
	"\t\tif (y >= x)\n\t\t\treturn x;\n\t\tx = y;\n\t}\n}\n";

/* The same for 33 <= shift <= 62 in 32-bit lanes, where qcc proved per
 * node that acc * mult is never a negative multiple of 2^32 (so the tie
 * correction of R never applies and the low word of the product cannot
 * change the result): with h the high word of acc * mult + 2^62,
 * R = ((h + 2^(shift - 33)) >> (shift - 32)) - 2^(62 - shift). The caller
 * passes sh = shift - 32, half = 2^(shift - 33) and
 * base = zy - 2^(62 - shift). */
static const char helper_requant32[] =
	"\n/* clamp(zy + R(acc * mult, 32 + sh), lo, hi) when acc * mult is never a\n"
	" * negative multiple of 2^32 (checked by qcc): half = 2^(sh - 1),\n"
	" * base = zy - 2^(30 - sh), 1 <= sh <= 30 */\n"
	"static inline int32_t qcc_requant32(int32_t acc, int32_t mult, int sh,\n"
	"\tuint32_t half, int32_t base, int32_t lo, int32_t hi)\n{\n"
	"\tuint32_t h = (uint32_t)(((uint64_t)((int64_t)acc * mult) +\n"
	"\t\t((uint64_t)1 << 62)) >> 32);\n"
	"\tint32_t v = base + (int32_t)((h + half) >> sh);\n"
	"\treturn v < lo ? lo : v > hi ? hi : v;\n}\n";

/* The SSE2 products of the generic conv kernels (emit_conv.c,
 * sse2_products), each used under #if defined(__SSE2__) beside the C loops
 * it stands for: pmaddwd on pairs of int16 products, exact in int32. */
static const char helper_sse2_include[] =
	"\n#if defined(__SSE2__)\n#include <emmintrin.h>\n"
	"#elif defined(__aarch64__) && defined(__ARM_NEON)\n"
	"#include <arm_neon.h>\n#define QCC_NEON 1\n#endif\n";

/* The AVX2 twins of the SSE2 helpers (below): in the generic target's C,
 * where gcc or clang (8 or later) compiles for x86-64 ELF, each twin is
 * built for AVX2 by a function target attribute whatever the flags, and
 * the SSE2 helper hands its work to it when cpuid says the CPU has AVX2
 * and xgetbv that the system saves the YMM registers (asked once, kept in
 * a static; constant under -mavx2). The twins compute the same int32
 * sums, so both paths give the same bytes; QCC_NO_RUNTIME_ISA keeps the
 * SSE2 path, and every other compiler or machine the portable code. */
static const char helper_rt_isa_generic[] =
	"\n#if !defined(QCC_NO_RUNTIME_ISA) && defined(__x86_64__) && \\\n"
	"\tdefined(__SSE2__) && defined(__ELF__) && (defined(__clang__) ? \\\n"
	"\t__clang_major__ >= 8 : defined(__GNUC__) && __GNUC__ >= 8)\n"
	"/* AVX2 twins of the SSE2 helpers, chosen at run time */\n"
	"#define QCC_RT_AVX2 1\n"
	"#define QCC_AVX2 __attribute__((target(\"avx2\")))\n"
	"#include <immintrin.h>\n"
	"#if defined(__AVX2__)\n#define qcc_avx2() 1\n#else\n"
	"#include <cpuid.h>\n"
	"static int qcc_avx2_state = -1;\n"
	"\n/* 1 if the CPU has AVX2 (cpuid leaves 1 and 7) and the system saves\n"
	" * the YMM registers (XCR0 bits 1 and 2), found once */\n"
	"static int qcc_avx2(void)\n{\n"
	"\tint v = __atomic_load_n(&qcc_avx2_state, __ATOMIC_RELAXED);\n"
	"\tif (v < 0) {\n"
	"\t\tunsigned a, b, c, d, xlo, xhi;\n"
	"\t\tv = 0;\n"
	"\t\tif (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE) &&\n"
	"\t\t\t(c & bit_AVX)) {\n"
	"\t\t\t__asm__ __volatile__(\"xgetbv\" : \"=a\"(xlo), \"=d\"(xhi) : \"c\"(0));\n"
	"\t\t\t(void)xhi;\n"
	"\t\t\tv = (xlo & 6) == 6 && __get_cpuid_count(7, 0, &a, &b, &c, &d) &&\n"
	"\t\t\t\t(b & bit_AVX2) != 0;\n"
	"\t\t}\n"
	"\t\t__atomic_store_n(&qcc_avx2_state, v, __ATOMIC_RELAXED);\n"
	"\t}\n"
	"\treturn v;\n}\n"
	"#endif\n#endif\n";

/* The x86 targets: the twins always, their instruction set the file's. */
static const char helper_rt_isa_x86[] =
	"\n/* the AVX2 twins of the SSE2 helpers, always */\n"
	"#define QCC_RT_AVX2 1\n#define QCC_AVX2\n#define qcc_avx2() 1\n";

/* Four vectors' lane sums side by side: a[j] = the sum of vj's lanes. */
static const char helper_sse2_sum4[] =
	"\n#if defined(__SSE2__)\n"
	"/* a[j] = the sum of the four lanes of vj, j < 4 */\n"
	"static inline void qcc_sum4_sse2(int32_t *a, __m128i v0, __m128i v1,\n"
	"\t__m128i v2, __m128i v3)\n"
	"{\n"
	"\t__m128i s01 = _mm_add_epi32(_mm_unpacklo_epi32(v0, v1),\n"
	"\t\t_mm_unpackhi_epi32(v0, v1));\n"
	"\t__m128i s23 = _mm_add_epi32(_mm_unpacklo_epi32(v2, v3),\n"
	"\t\t_mm_unpackhi_epi32(v2, v3));\n"
	"\t_mm_storeu_si128((__m128i *)a, _mm_add_epi32(\n"
	"\t\t_mm_unpacklo_epi64(s01, s23), _mm_unpackhi_epi64(s01, s23)));\n"
	"}\n"
	"#endif\n";

/* The AVX2 twins' shared pieces. */
static const char helper_avx2_fold[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* the two halves of v added */\n"
	"QCC_AVX2 static inline __m128i qcc_fold_avx2(__m256i v)\n"
	"{\n"
	"\treturn _mm_add_epi32(_mm256_castsi256_si128(v),\n"
	"\t\t_mm256_extracti128_si256(v, 1));\n"
	"}\n"
	"#endif\n";

static const char helper_avx2_store16[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* acc[0..15] from the madd sums of interleaved pixel pairs: a0 holds\n"
	" * pixels 0-3 and 8-11, a1 pixels 4-7 and 12-15 */\n"
	"QCC_AVX2 static inline void qcc_store16_avx2(int32_t *acc, __m256i a0,\n"
	"\t__m256i a1)\n"
	"{\n"
	"\t_mm256_storeu_si256((__m256i *)acc, _mm256_permute2x128_si256(a0, a1,\n"
	"\t\t0x20));\n"
	"\t_mm256_storeu_si256((__m256i *)(acc + 8),\n"
	"\t\t_mm256_permute2x128_si256(a0, a1, 0x31));\n"
	"}\n"
	"#endif\n";

static const char helper_avx2_taps[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* qcc_taps_sse2 sixteen pixels a step; returns the pixels done */\n"
	"QCC_AVX2 static int qcc_taps_avx2(int32_t *acc, const int16_t *pl, int n,\n"
	"\tconst int8_t *w, const int *off, int taps)\n"
	"{\n"
	"\t__m256i wv[16];\n"
	"\tint q = 0, k;\n"
	"\tfor (k = 0; k < taps; k += 2)\n"
	"\t\twv[k / 2] = _mm256_set1_epi32((int32_t)((uint32_t)(uint16_t)w[k] |\n"
	"\t\t\t(k + 1 < taps ? (uint32_t)(uint16_t)w[k + 1] << 16 : 0)));\n"
	"\tfor (; q + 16 <= n; q += 16) {\n"
	"\t\t__m256i a0 = _mm256_setzero_si256(), a1 = a0;\n"
	"\t\tfor (k = 0; k < taps; k += 2) {\n"
	"\t\t\t__m256i x0 = _mm256_loadu_si256((const __m256i *)\n"
	"\t\t\t\t(pl + q + off[k]));\n"
	"\t\t\t__m256i x1 = k + 1 < taps ? _mm256_loadu_si256((const __m256i *)\n"
	"\t\t\t\t(pl + q + off[k + 1])) : _mm256_setzero_si256();\n"
	"\t\t\ta0 = _mm256_add_epi32(a0, _mm256_madd_epi16(\n"
	"\t\t\t\t_mm256_unpacklo_epi16(x0, x1), wv[k / 2]));\n"
	"\t\t\ta1 = _mm256_add_epi32(a1, _mm256_madd_epi16(\n"
	"\t\t\t\t_mm256_unpackhi_epi16(x0, x1), wv[k / 2]));\n"
	"\t\t}\n"
	"\t\tqcc_store16_avx2(acc + q, a0, a1);\n"
	"\t}\n"
	"\treturn q;\n"
	"}\n"
	"#endif\n";

static const char helper_sse2_taps[] =
	"\n#if defined(__SSE2__)\n"
	"/* acc[q] = sum_k w[k] * pl[q + off[k]], q < n: eight pixels a step,\n"
	" * taps in pairs (pmaddwd on the two taps' values interleaved) */\n"
	"static void qcc_taps_sse2(int32_t *acc, const int16_t *pl, int n,\n"
	"\tconst int8_t *w, const int *off, int taps)\n"
	"{\n"
	"\t__m128i wv[16];\n"
	"\tint q = 0, k;\n"
	"#if defined(QCC_RT_AVX2)\n"
	"\tif (qcc_avx2())\n"
	"\t\tq = qcc_taps_avx2(acc, pl, n, w, off, taps);\n"
	"#endif\n"
	"\tfor (k = 0; k < taps; k += 2)\n"
	"\t\twv[k / 2] = _mm_set1_epi32((int32_t)((uint32_t)(uint16_t)w[k] |\n"
	"\t\t\t(k + 1 < taps ? (uint32_t)(uint16_t)w[k + 1] << 16 : 0)));\n"
	"\tfor (; q + 8 <= n; q += 8) {\n"
	"\t\t__m128i a0 = _mm_setzero_si128(), a1 = a0;\n"
	"\t\tfor (k = 0; k < taps; k += 2) {\n"
	"\t\t\t__m128i x0 = _mm_loadu_si128((const __m128i *)(pl + q + off[k]));\n"
	"\t\t\t__m128i x1 = k + 1 < taps ? _mm_loadu_si128((const __m128i *)\n"
	"\t\t\t\t(pl + q + off[k + 1])) : _mm_setzero_si128();\n"
	"\t\t\ta0 = _mm_add_epi32(a0, _mm_madd_epi16(_mm_unpacklo_epi16(x0, x1),\n"
	"\t\t\t\twv[k / 2]));\n"
	"\t\t\ta1 = _mm_add_epi32(a1, _mm_madd_epi16(_mm_unpackhi_epi16(x0, x1),\n"
	"\t\t\t\twv[k / 2]));\n"
	"\t\t}\n"
	"\t\t_mm_storeu_si128((__m128i *)(acc + q), a0);\n"
	"\t\t_mm_storeu_si128((__m128i *)(acc + q + 4), a1);\n"
	"\t}\n"
	"\tfor (; q < n; q++) {\n"
	"\t\tint32_t s = 0;\n"
	"\t\tfor (k = 0; k < taps; k++)\n"
	"\t\t\ts += w[k] * pl[q + off[k]];\n"
	"\t\tacc[q] = s;\n"
	"\t}\n"
	"}\n"
	"#endif\n";

static const char helper_sse2_i8x8[] =
	"\n#if defined(__SSE2__)\n"
	"/* the eight int8 at p as int16 */\n"
	"static inline __m128i qcc_i8x8_sse2(const int8_t *p)\n"
	"{\n"
	"\t__m128i v = _mm_loadl_epi64((const __m128i *)p);\n"
	"\treturn _mm_srai_epi16(_mm_unpacklo_epi8(v, v), 8);\n"
	"}\n"
	"#endif\n";

static const char helper_avx2_pointwise[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* qcc_pointwise_sse2 sixteen pixels a step; returns the pixels done */\n"
	"QCC_AVX2 static int qcc_pointwise_avx2(int32_t *acc, const int8_t *x,\n"
	"\tint n, int stride, const int8_t *w, int chans)\n"
	"{\n"
	"\t__m256i wv[16];\n"
	"\tint p = 0, c;\n"
	"\tfor (c = 0; c < chans; c += 2)\n"
	"\t\twv[c / 2] = _mm256_set1_epi32((int32_t)((uint32_t)(uint16_t)w[c] |\n"
	"\t\t\t(c + 1 < chans ? (uint32_t)(uint16_t)w[c + 1] << 16 : 0)));\n"
	"\tfor (; p + 16 <= n; p += 16) {\n"
	"\t\t__m256i a0 = _mm256_setzero_si256(), a1 = a0;\n"
	"\t\tfor (c = 0; c < chans; c += 2) {\n"
	"\t\t\t__m256i x0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(\n"
	"\t\t\t\t(const __m128i *)(x + c * stride + p)));\n"
	"\t\t\t__m256i x1 = c + 1 < chans ? _mm256_cvtepi8_epi16(\n"
	"\t\t\t\t_mm_loadu_si128((const __m128i *)(x + (c + 1) * stride + p))) :\n"
	"\t\t\t\t_mm256_setzero_si256();\n"
	"\t\t\ta0 = _mm256_add_epi32(a0, _mm256_madd_epi16(\n"
	"\t\t\t\t_mm256_unpacklo_epi16(x0, x1), wv[c / 2]));\n"
	"\t\t\ta1 = _mm256_add_epi32(a1, _mm256_madd_epi16(\n"
	"\t\t\t\t_mm256_unpackhi_epi16(x0, x1), wv[c / 2]));\n"
	"\t\t}\n"
	"\t\tqcc_store16_avx2(acc + p, a0, a1);\n"
	"\t}\n"
	"\treturn p;\n"
	"}\n"
	"#endif\n";

static const char helper_sse2_pointwise[] =
	"\n#if defined(__SSE2__)\n"
	"/* acc[p] = sum_c w[c] * x[c * stride + p], p < n: eight pixels a step,\n"
	" * channels in pairs */\n"
	"static void qcc_pointwise_sse2(int32_t *acc, const int8_t *x, int n,\n"
	"\tint stride, const int8_t *w, int chans)\n"
	"{\n"
	"\t__m128i wv[16];\n"
	"\tint p = 0, c;\n"
	"#if defined(QCC_RT_AVX2)\n"
	"\tif (qcc_avx2())\n"
	"\t\tp = qcc_pointwise_avx2(acc, x, n, stride, w, chans);\n"
	"#endif\n"
	"\tfor (c = 0; c < chans; c += 2)\n"
	"\t\twv[c / 2] = _mm_set1_epi32((int32_t)((uint32_t)(uint16_t)w[c] |\n"
	"\t\t\t(c + 1 < chans ? (uint32_t)(uint16_t)w[c + 1] << 16 : 0)));\n"
	"\tfor (; p + 8 <= n; p += 8) {\n"
	"\t\t__m128i a0 = _mm_setzero_si128(), a1 = a0;\n"
	"\t\tfor (c = 0; c < chans; c += 2) {\n"
	"\t\t\t__m128i x0 = qcc_i8x8_sse2(x + c * stride + p);\n"
	"\t\t\t__m128i x1 = c + 1 < chans ?\n"
	"\t\t\t\tqcc_i8x8_sse2(x + (c + 1) * stride + p) : _mm_setzero_si128();\n"
	"\t\t\ta0 = _mm_add_epi32(a0, _mm_madd_epi16(_mm_unpacklo_epi16(x0, x1),\n"
	"\t\t\t\twv[c / 2]));\n"
	"\t\t\ta1 = _mm_add_epi32(a1, _mm_madd_epi16(_mm_unpackhi_epi16(x0, x1),\n"
	"\t\t\t\twv[c / 2]));\n"
	"\t\t}\n"
	"\t\t_mm_storeu_si128((__m128i *)(acc + p), a0);\n"
	"\t\t_mm_storeu_si128((__m128i *)(acc + p + 4), a1);\n"
	"\t}\n"
	"\tfor (; p < n; p++) {\n"
	"\t\tint32_t s = 0;\n"
	"\t\tfor (c = 0; c < chans; c++)\n"
	"\t\t\ts += w[c] * x[c * stride + p];\n"
	"\t\tacc[p] = s;\n"
	"\t}\n"
	"}\n"
	"#endif\n";

static const char helper_avx2_dot[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* qcc_dot4_sse2 sixteen taps a step, the last eight (kp an odd multiple\n"
	" * of 8) in 128 bits */\n"
	"QCC_AVX2 static inline void qcc_dot4_avx2(int32_t *a, const int16_t *c0,\n"
	"\tconst int16_t *c1, const int16_t *c2, const int16_t *c3, int kp,\n"
	"\tconst int8_t *w)\n"
	"{\n"
	"\t__m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;\n"
	"\t__m128i r0, r1, r2, r3;\n"
	"\tint k;\n"
	"\tfor (k = 0; k + 16 <= kp; k += 16) {\n"
	"\t\t__m256i wk = _mm256_cvtepi8_epi16(_mm_loadu_si128(\n"
	"\t\t\t(const __m128i *)(w + k)));\n"
	"\t\ta0 = _mm256_add_epi32(a0, _mm256_madd_epi16(wk,\n"
	"\t\t\t_mm256_loadu_si256((const __m256i *)(c0 + k))));\n"
	"\t\ta1 = _mm256_add_epi32(a1, _mm256_madd_epi16(wk,\n"
	"\t\t\t_mm256_loadu_si256((const __m256i *)(c1 + k))));\n"
	"\t\ta2 = _mm256_add_epi32(a2, _mm256_madd_epi16(wk,\n"
	"\t\t\t_mm256_loadu_si256((const __m256i *)(c2 + k))));\n"
	"\t\ta3 = _mm256_add_epi32(a3, _mm256_madd_epi16(wk,\n"
	"\t\t\t_mm256_loadu_si256((const __m256i *)(c3 + k))));\n"
	"\t}\n"
	"\tr0 = qcc_fold_avx2(a0), r1 = qcc_fold_avx2(a1);\n"
	"\tr2 = qcc_fold_avx2(a2), r3 = qcc_fold_avx2(a3);\n"
	"\tif (k < kp) {\n"
	"\t\t__m128i wk = _mm_cvtepi8_epi16(_mm_loadl_epi64(\n"
	"\t\t\t(const __m128i *)(w + k)));\n"
	"\t\tr0 = _mm_add_epi32(r0, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c0 + k))));\n"
	"\t\tr1 = _mm_add_epi32(r1, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c1 + k))));\n"
	"\t\tr2 = _mm_add_epi32(r2, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c2 + k))));\n"
	"\t\tr3 = _mm_add_epi32(r3, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c3 + k))));\n"
	"\t}\n"
	"\tqcc_sum4_sse2(a, r0, r1, r2, r3);\n"
	"}\n"
	"\n/* qcc_dot_sse2 by qcc_dot4_avx2 */\n"
	"QCC_AVX2 static void qcc_dot_avx2(int32_t *acc, const int16_t *col, int n,\n"
	"\tint kp, const int8_t *w)\n"
	"{\n"
	"\tqcc_dot_rows(acc, col, n, kp, w, qcc_dot4_avx2);\n"
	"}\n"
	"#endif\n";

static const char helper_sse2_dot4[] =
	"\n#if defined(__SSE2__)\n"
	"/* a[j] = sum_k cj[k] * w[k], j < 4, kp a multiple of 8: eight k per\n"
	" * pmaddwd, the four sums across lanes at the end */\n"
	"static inline void qcc_dot4_sse2(int32_t *a, const int16_t *c0,\n"
	"\tconst int16_t *c1, const int16_t *c2, const int16_t *c3, int kp,\n"
	"\tconst int8_t *w)\n"
	"{\n"
	"\t__m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0;\n"
	"\tint k;\n"
	"\tfor (k = 0; k < kp; k += 8) {\n"
	"\t\t__m128i wk = qcc_i8x8_sse2(w + k);\n"
	"\t\ta0 = _mm_add_epi32(a0, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c0 + k))));\n"
	"\t\ta1 = _mm_add_epi32(a1, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c1 + k))));\n"
	"\t\ta2 = _mm_add_epi32(a2, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c2 + k))));\n"
	"\t\ta3 = _mm_add_epi32(a3, _mm_madd_epi16(wk,\n"
	"\t\t\t_mm_loadu_si128((const __m128i *)(c3 + k))));\n"
	"\t}\n"
	"\tqcc_sum4_sse2(a, a0, a1, a2, a3);\n"
	"}\n"
	"\n/* acc[p] = sum_k col[p * kp + k] * w[k], p < n: four pixels a step\n"
	" * (dot4: qcc_dot4_sse2 or its AVX2 twin, inlined into each caller), the\n"
	" * last one to three as a step whose missing rows repeat the last\n"
	" * pixel's (small maps: a 2x2 map is all remainder) */\n"
	"static inline void qcc_dot_rows(int32_t *acc, const int16_t *col, int n,\n"
	"\tint kp, const int8_t *w, void (*dot4)(int32_t *, const int16_t *,\n"
	"\tconst int16_t *, const int16_t *, const int16_t *, int, const int8_t *))\n"
	"{\n"
	"\tint p = 0;\n"
	"\tfor (; p + 4 <= n; p += 4) {\n"
	"\t\tconst int16_t *c0 = col + p * kp;\n"
	"\t\tdot4(acc + p, c0, c0 + kp, c0 + 2 * kp, c0 + 3 * kp, kp, w);\n"
	"\t}\n"
	"\tif (p < n) {\n"
	"\t\tconst int16_t *c0 = col + p * kp, *last = col + (n - 1) * kp;\n"
	"\t\tint32_t a[4];\n"
	"\t\tdot4(a, c0, p + 1 < n ? c0 + kp : last, p + 2 < n ? c0 + 2 * kp : last,\n"
	"\t\t\tlast, kp, w);\n"
	"\t\tmemcpy(acc + p, a, (size_t)(n - p) * sizeof a[0]);\n"
	"\t}\n"
	"}\n"
	"#endif\n";

static const char helper_sse2_dot[] =
	"\n#if defined(__SSE2__)\n"
	"/* acc[p] = sum_k col[p * kp + k] * w[k], p < n, kp a multiple of 8 */\n"
	"static void qcc_dot_sse2(int32_t *acc, const int16_t *col, int n, int kp,\n"
	"\tconst int8_t *w)\n"
	"{\n"
	"#if defined(QCC_RT_AVX2)\n"
	"\tif (qcc_avx2()) {\n"
	"\t\tqcc_dot_avx2(acc, col, n, kp, w);\n"
	"\t\treturn;\n"
	"\t}\n"
	"#endif\n"
	"\tqcc_dot_rows(acc, col, n, kp, w, qcc_dot4_sse2);\n"
	"}\n"
	"#endif\n";

/* The dense kernel's four weight rows against the widened input row, for
 * x86, where the C loop's vectorisation hangs on the compiler (clang at
 * -O2 runs mlp's 4.5 times slower than gcc with -march=native):
 * pmaddwd on sixteen taps of each row a step, exact in int32 as the C
 * loop's sums are; the SSE2 one for the generic target (under
 * #if defined(__SSE2__)), the AVX2 one for the x86 targets. */
static const char helper_sse2_rows4[] =
	"\n#if defined(__SSE2__)\n"
	"/* the sixteen int8 at p as two vectors of eight int16 times x0, x1,\n"
	" * summed */\n"
	"static inline __m128i qcc_madd16_sse2(const int8_t *p, __m128i x0,\n"
	"\t__m128i x1)\n"
	"{\n"
	"\t__m128i v = _mm_loadu_si128((const __m128i *)p);\n"
	"\t__m128i sign = _mm_cmpgt_epi8(_mm_setzero_si128(), v);\n"
	"\treturn _mm_add_epi32(_mm_madd_epi16(x0, _mm_unpacklo_epi8(v, sign)),\n"
	"\t\t_mm_madd_epi16(x1, _mm_unpackhi_epi8(v, sign)));\n"
	"}\n"
	"\n"
	"/* a[j] = sum_k w[j * kp + k] * xv[k], j < 4, kp a multiple of 16 */\n"
	"static void qcc_rows4_sse2(int32_t *a, const int8_t *w, int kp,\n"
	"\tconst int16_t *xv)\n"
	"{\n"
	"\t__m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0;\n"
	"\tint k;\n"
	"#if defined(QCC_RT_AVX2)\n"
	"\tif (qcc_avx2()) {\n"
	"\t\tqcc_rows4_avx2(a, w, kp, xv);\n"
	"\t\treturn;\n"
	"\t}\n"
	"#endif\n"
	"\tfor (k = 0; k < kp; k += 16) {\n"
	"\t\t__m128i x0 = _mm_loadu_si128((const __m128i *)(xv + k));\n"
	"\t\t__m128i x1 = _mm_loadu_si128((const __m128i *)(xv + k + 8));\n"
	"\t\ta0 = _mm_add_epi32(a0, qcc_madd16_sse2(w + k, x0, x1));\n"
	"\t\ta1 = _mm_add_epi32(a1, qcc_madd16_sse2(w + kp + k, x0, x1));\n"
	"\t\ta2 = _mm_add_epi32(a2, qcc_madd16_sse2(w + 2 * kp + k, x0, x1));\n"
	"\t\ta3 = _mm_add_epi32(a3, qcc_madd16_sse2(w + 3 * kp + k, x0, x1));\n"
	"\t}\n"
	"\tqcc_sum4_sse2(a, a0, a1, a2, a3);\n"
	"}\n"
	"#endif\n";

static const char helper_avx2_rows4[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* the sixteen int8 at p, widened, times x */\n"
	"QCC_AVX2 static inline __m256i qcc_madd16_avx2(const int8_t *p, __m256i x)\n"
	"{\n"
	"\treturn _mm256_madd_epi16(x,\n"
	"\t\t_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)p)));\n"
	"}\n"
	"\n"
	"/* a[j] = sum_k w[j * kp + k] * xv[k], j < 4, kp a multiple of 16; not\n"
	" * inlined: gcc -O3 -march=native spills the loop's pointers inside\n"
	" * the kernel (mlp: 7.1 us, 5.2 not inlined) */\n"
	"QCC_AVX2 __attribute__((noinline))\n"
	"static void qcc_rows4_avx2(int32_t *a, const int8_t *w, int kp,\n"
	"\tconst int16_t *xv)\n"
	"{\n"
	"\t__m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;\n"
	"\tint k;\n"
	"\tfor (k = 0; k < kp; k += 16) {\n"
	"\t\t__m256i xk = _mm256_loadu_si256((const __m256i *)(xv + k));\n"
	"\t\ta0 = _mm256_add_epi32(a0, qcc_madd16_avx2(w + k, xk));\n"
	"\t\ta1 = _mm256_add_epi32(a1, qcc_madd16_avx2(w + kp + k, xk));\n"
	"\t\ta2 = _mm256_add_epi32(a2, qcc_madd16_avx2(w + 2 * kp + k, xk));\n"
	"\t\ta3 = _mm256_add_epi32(a3, qcc_madd16_avx2(w + 3 * kp + k, xk));\n"
	"\t}\n"
	"\tqcc_sum4_sse2(a, qcc_fold_avx2(a0), qcc_fold_avx2(a1),\n"
	"\t\tqcc_fold_avx2(a2), qcc_fold_avx2(a3));\n"
	"}\n"
	"#endif\n";

/* qcc_requant32 over a run of int8 results, the folded constant c added
 * modulo 2^32 first, for x86 (SSE2: every x86-64 compiler), where the
 * kernels call it in place of their C loop: four lanes at a time whatever
 * the flags. pmuludq gives the unsigned high word of acc * mult, and since
 * mult >= 0 the signed one is that minus mult where acc < 0; the
 * saturating packs and the 16-bit clamp are the clamp to [lo, hi], which
 * lies in int8. The remainder one by one. */
static const char helper_avx2_requant32_run[] =
	"\n#if defined(QCC_RT_AVX2)\n"
	"/* qcc_requant32_run in eight lanes; returns the results done */\n"
	"QCC_AVX2 static int qcc_requant32_avx2(int8_t *t, const int32_t *acc, int n,\n"
	"\tint32_t c, int32_t m, int sh, uint32_t half, int32_t base, int32_t lo,\n"
	"\tint32_t hi)\n{\n"
	"\tconst __m256i vc = _mm256_set1_epi32(c), vm = _mm256_set1_epi32(m);\n"
	"\tconst __m256i odd = _mm256_set_epi32(-1, 0, -1, 0, -1, 0, -1, 0);\n"
	"\tconst __m256i add = _mm256_set1_epi32((int32_t)(half + (1u << 30)));\n"
	"\tconst __m256i vb = _mm256_set1_epi32(base);\n"
	"\tconst __m128i cnt = _mm_cvtsi32_si128(sh);\n"
	"\tconst __m256i vlo = _mm256_set1_epi16((int16_t)lo);\n"
	"\tconst __m256i vhi = _mm256_set1_epi16((int16_t)hi);\n"
	"\tint q = 0;\n"
	"\tfor (; q + 16 <= n; q += 16) {\n"
	"\t\t__m256i r[2], v;\n"
	"\t\tint j;\n"
	"\t\tfor (j = 0; j < 2; j++) {\n"
	"\t\t\t__m256i a = _mm256_add_epi32(vc,\n"
	"\t\t\t\t_mm256_loadu_si256((const __m256i *)(acc + q + 8 * j)));\n"
	"\t\t\t__m256i pe = _mm256_mul_epu32(a, vm);\n"
	"\t\t\t__m256i po = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), vm);\n"
	"\t\t\t__m256i h = _mm256_or_si256(_mm256_srli_epi64(pe, 32),\n"
	"\t\t\t\t_mm256_and_si256(po, odd));\n"
	"\t\t\th = _mm256_sub_epi32(h,\n"
	"\t\t\t\t_mm256_and_si256(_mm256_srai_epi32(a, 31), vm));\n"
	"\t\t\tr[j] = _mm256_add_epi32(vb,\n"
	"\t\t\t\t_mm256_srl_epi32(_mm256_add_epi32(h, add), cnt));\n"
	"\t\t}\n"
	"\t\t/* the pack works per 128-bit half: quarters 0, 2, 1, 3 */\n"
	"\t\tv = _mm256_permute4x64_epi64(_mm256_packs_epi32(r[0], r[1]), 0xd8);\n"
	"\t\tv = _mm256_min_epi16(_mm256_max_epi16(v, vlo), vhi);\n"
	"\t\t_mm_storeu_si128((__m128i *)(t + q), _mm_packs_epi16(\n"
	"\t\t\t_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1)));\n"
	"\t}\n"
	"\treturn q;\n}\n#endif\n";

static const char helper_requant32_run[] =
	"\n#if defined(__SSE2__)\n"
	"/* t[q] = qcc_requant32(c + acc[q] (mod 2^32), ...), q < n */\n"
	"static void qcc_requant32_run(int8_t *t, const int32_t *acc, int n,\n"
	"\tint32_t c, int32_t m, int sh, uint32_t half, int32_t base, int32_t lo,\n"
	"\tint32_t hi)\n{\n"
	"\tint q = 0;\n"
	"#if defined(QCC_RT_AVX2)\n"
	"\tif (qcc_avx2())\n"
	"\t\tq = qcc_requant32_avx2(t, acc, n, c, m, sh, half, base, lo, hi);\n"
	"#endif\n"
	"#if defined(__SSE2__)\n"
	"\tconst __m128i vc = _mm_set1_epi32(c), vm = _mm_set1_epi32(m);\n"
	"\tconst __m128i odd = _mm_set_epi32(-1, 0, -1, 0);\n"
	"\tconst __m128i add = _mm_set1_epi32((int32_t)(half + (1u << 30)));\n"
	"\tconst __m128i vb = _mm_set1_epi32(base), cnt = _mm_cvtsi32_si128(sh);\n"
	"\tconst __m128i vlo = _mm_set1_epi16((int16_t)lo);\n"
	"\tconst __m128i vhi = _mm_set1_epi16((int16_t)hi);\n"
	"\tfor (; q + 16 <= n; q += 16) {\n"
	"\t\t__m128i r[4], lo16, hi16;\n"
	"\t\tint j;\n"
	"\t\tfor (j = 0; j < 4; j++) {\n"
	"\t\t\t__m128i a = _mm_add_epi32(vc,\n"
	"\t\t\t\t_mm_loadu_si128((const __m128i *)(acc + q + 4 * j)));\n"
	"\t\t\t__m128i pe = _mm_mul_epu32(a, vm);\n"
	"\t\t\t__m128i po = _mm_mul_epu32(_mm_srli_epi64(a, 32), vm);\n"
	"\t\t\t__m128i h = _mm_or_si128(_mm_srli_epi64(pe, 32),\n"
	"\t\t\t\t_mm_and_si128(po, odd));\n"
	"\t\t\th = _mm_sub_epi32(h, _mm_and_si128(_mm_srai_epi32(a, 31), vm));\n"
	"\t\t\tr[j] = _mm_add_epi32(vb,\n"
	"\t\t\t\t_mm_srl_epi32(_mm_add_epi32(h, add), cnt));\n"
	"\t\t}\n"
	"\t\tlo16 = _mm_min_epi16(_mm_max_epi16(_mm_packs_epi32(r[0], r[1]),\n"
	"\t\t\tvlo), vhi);\n"
	"\t\thi16 = _mm_min_epi16(_mm_max_epi16(_mm_packs_epi32(r[2], r[3]),\n"
	"\t\t\tvlo), vhi);\n"
	"\t\t_mm_storeu_si128((__m128i *)(t + q), _mm_packs_epi16(lo16, hi16));\n"
	"\t}\n"
	"#endif\n"
	"\tfor (; q < n; q++)\n"
	"\t\tt[q] = (int8_t)qcc_requant32((int32_t)((uint32_t)c +\n"
	"\t\t\t(uint32_t)acc[q]), m, sh, half, base, lo, hi);\n}\n#endif\n";

/* The file's head, and the helpers the body calls (an unused static
 * function is a warning). */
static void emit_prelude(Emit *e, const char *header, const char *body)
{
	FILE *f = e->f;
	int requant = strstr(body, "qcc_requant(") != NULL;
	int clamp = requant || strstr(body, "qcc_clamp(");
	int round = requant || strstr(body, "qcc_round_shift(");
	const Target *t = e->target;
	/* the AVX2 twins: chosen at run time in generic C, always where the
	 * target has AVX2 (elsewhere their #if leaves them out) */
	const char *rt_isa = t->gcc_isa && strstr(t->gcc_isa, "avx2") ?
		helper_rt_isa_x86 : !t->guard ? helper_rt_isa_generic : "";
	fprintf(f, "/* %s.c - generated by qcc %s from model %s; do not edit.\n"
		" * Integer-only inference (docs/arith.md): no float, no malloc.\n"
		" * Target: %s (qcc --target; qcc --list-targets says what it "
		"needs).\n */\n", e->prefix, QCC_VERSION, e->g->name, t->name);
	if (t->guard)
		fprintf(f, "#if !(%s)\n#error \"%s\"\n#endif\n", t->guard,
			t->guard_msg);
	fprintf(f, "#include <stdint.h>\n#include <string.h>\n%s\n"
		"#include \"%s\"\n\n", t->includes ? t->includes : "", header);
	fprintf(f,
		"#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__)\n"
		"#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__\n"
		"#error \"weights are packed for little-endian targets\"\n"
		"#endif\n#endif\n");
	if (t->gcc_isa)
		fprintf(f, "\n/* the target's instruction set for every function "
			"below, whatever the flags */\n#if defined(__clang__)\n"
			"#pragma clang attribute push(__attribute__((target(\"%s\"))), "
			"apply_to = function)\n#elif defined(__GNUC__)\n"
			"#pragma GCC target(\"%s\")\n#endif\n", t->clang_isa,
			t->gcc_isa);
	if (t->pragmas)
		fputs(t->pragmas, f);
	if (round)
		fputs(e->g->rounding == ROUND_EVEN ? helper_round_even :
			e->g->rounding == ROUND_DOUBLE ? helper_round_double :
			helper_round_shift, f);
	if (clamp)
		fputs(helper_clamp, f);
	if (requant)
		fputs(helper_requant, f);
	/* each helper where the body names one of its users, in this order */
	const struct {
		const char *used_by[3];
		const char *text;
	} helpers[] = {
		{{"qcc_requant32", NULL}, helper_requant32},
		{{"qcc_requant32_run(", "_sse2(", NULL}, helper_sse2_include},
		{{"qcc_requant32_run(", "_sse2(", "qcc_rows4_avx2("}, rt_isa},
		{{"qcc_dot_sse2(", "qcc_rows4_", NULL}, helper_sse2_sum4},
		{{"qcc_dot_sse2(", "qcc_rows4_", NULL}, helper_avx2_fold},
		{{"qcc_taps_sse2(", "qcc_pointwise_sse2(", NULL}, helper_avx2_store16},
		{{"qcc_requant32_run(", NULL}, helper_avx2_requant32_run},
		{{"qcc_requant32_run(", NULL}, helper_requant32_run},
		{{"qcc_taps_sse2(", NULL}, helper_avx2_taps},
		{{"qcc_taps_sse2(", NULL}, helper_sse2_taps},
		{{"qcc_pointwise_sse2(", "qcc_dot_sse2(", NULL}, helper_sse2_i8x8},
		{{"qcc_pointwise_sse2(", NULL}, helper_avx2_pointwise},
		{{"qcc_pointwise_sse2(", NULL}, helper_sse2_pointwise},
		{{"qcc_dot_sse2(", NULL}, helper_sse2_dot4},
		{{"qcc_dot_sse2(", NULL}, helper_avx2_dot},
		{{"qcc_dot_sse2(", NULL}, helper_sse2_dot},
		{{"qcc_rows4_", NULL}, helper_avx2_rows4},
		{{"qcc_rows4_sse2(", NULL}, helper_sse2_rows4},
		{{"qcc_isqrt(", NULL}, helper_isqrt},
	};
	for (size_t i = 0; i < sizeof helpers / sizeof helpers[0]; i++)
		for (int j = 0; j < 3 && helpers[i].used_by[j]; j++)
			if (strstr(body, helpers[i].used_by[j])) {
				fputs(helpers[i].text, f);
				break;
			}
}

static void emit_plan_comment(Emit *e)
{
	fprintf(e->f, "\n/* memory plan (offset, bytes, first and last step):\n");
	memplan_print(e->f, &e->plan, " *   ");
	fprintf(e->f, " */\n");
}

/* Opens, switches or closes the if block of a branch of an If decided at
 * run time (graph_guards) so that the next call is under guard g: a run of
 * calls with the same guard shares one block, and then and else blocks of
 * one condition that follow each other are one if/else. */
static void open_guard(Emit *e, Guard *open, const Guard *g)
{
	if (open->cond == g->cond && open->when == g->when)
		return;
	if (open->cond && open->cond == g->cond) {
		fprintf(e->f, "\t} else {\n");
	} else {
		if (open->cond)
			fprintf(e->f, "\t}\n");
		if (g->cond) {
			char ptr[400];
			value_ptr(e, g->cond, ptr, sizeof ptr);
			fprintf(e->f, "\tif (%s(%s)[0]) {\n", g->when ? "" : "!", ptr);
		}
	}
	*open = *g;
}

static void emit_run(Emit *e)
{
	FILE *f = e->f;
	const char *p = e->prefix;
	Graph *g = e->g;
	/* The static arena's address is read through a volatile pointer once
	 * a run, so that no compiler specializes a kernel on constant tensor
	 * addresses. arm-none-eabi-gcc 12 at -O2 miscompiled such a clone:
	 * two identical transposes of a ViT merged by ipa-icf, cloned by
	 * ipa-cp with both addresses built in; ivopts wrote the loads as
	 * MEM[0B + index], pure-const took that for a NULL dereference,
	 * declared the clone const, and the call was deleted (found by
	 * codegen/vit_op17/m4_qemu). */
	if (!e->o->caller_arena)
		fprintf(f, "\nstatic union {\n\tint64_t align;\n"
			"\tunsigned char bytes[%lld];\n} qcc_arena;\n"
			"/* the arena's address, read once a run through a volatile: "
			"no kernel\n * is specialized on constant tensor addresses "
			"*/\nstatic unsigned char *volatile qcc_arena_p = "
			"qcc_arena.bytes;\n",
			(long long)(e->plan.size ? e->plan.size : 1));
	fprintf(f, "\nint %s_run(", p);
	for (int i = 0; i < e->nins; i++)
		fprintf(f, "const %s *%s, ", emit_ctype(e->ins[i]->type.elem),
			io_name(e, 0, i, 0));
	for (int i = 0; i < e->nouts; i++)
		fprintf(f, "%s *%s%s", emit_ctype(e->outs[i]->type.elem),
			io_name(e, 1, i, 0), i + 1 < e->nouts ? ", " : "");
	fprintf(f, "%s)\n{\n", e->o->caller_arena ? ", void *arena" : "");
	if (e->o->caller_arena)
		fprintf(f, "\tunsigned char *a = arena;\n");
	else
		fprintf(f, "\tunsigned char *a = qcc_arena_p;\n");
	fprintf(f, "\t(void)a;\n");
	Guard *guard = malloc((g->nnodes + 1) * sizeof *guard);
	if (!guard)
		abort();
	graph_guards(g, guard);
	Guard open = {NULL, 0};  /* the if block the calls are in */
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		if (!emits_code(n))
			continue;
		char fn[300], ptr[400];
		open_guard(e, &open, &guard[k]);
		fn_name(n, k, fn, sizeof fn);
		fprintf(f, "%s\t%s(", open.cond ? "\t" : "", fn);
		for (int i = 0; i < ndata(e, n); i++) {
			if (!n->in[i])
				continue;
			value_ptr(e, n->in[i], ptr, sizeof ptr);
			fprintf(f, "%s, ", ptr);
		}
		value_ptr(e, n->out, ptr, sizeof ptr);
		fprintf(f, "%s", ptr);
		int s = e->plan.scratch_slot[k];
		if (s >= 0)
			fprintf(f, ", a + %lld", (long long)e->plan.buf[s].offset);
		fprintf(f, ");\n");
	}
	Guard none = {NULL, 0};
	open_guard(e, &open, &none);
	free(guard);
	/* an output that aliases an input, a constant or an earlier output,
	 * or is a slice of an arena tensor: copy it */
	for (int i = 0; i < e->nouts; i++) {
		const Value *r = memplan_root(e->outs[i]);
		int copy = in_list(e->ins, e->nins, r) || r->kind == VAL_CONST ||
			memplan_caller_root(e->outs[i]) != r;
		for (int j = 0; j < i; j++)
			copy |= memplan_caller_root(e->outs[j]) == r;
		if (!copy)
			continue;
		char ptr[400];
		value_ptr(e, e->outs[i], ptr, sizeof ptr);
		fprintf(f, "\tmemcpy(%s, %s, %lld);\n", io_name(e, 1, i, 0), ptr,
			(long long)(type_numel(&e->outs[i]->type) *
			memplan_elem_bytes(e->outs[i]->type.elem)));
	}
	fprintf(f, "\treturn 0;\n}\n");
}

/* The float helpers: quantize as the graph's quantize node (ONNX
 * QuantizeLinear: round half to even, saturate, NaN to zp), dequantize as
 * its dequantize node; one of each per input and output. Only written when
 * asked for. */
static void emit_float_helpers(Emit *e)
{
	fprintf(e->f, "\n/* float helpers (--float-helpers) */");
	for (int k = 0; k < e->nins + e->nouts; k++) {
		int is_out = k >= e->nins, i = is_out ? k - e->nins : k;
		const Type *t = is_out ? &e->outs[i]->type : &e->ins[i]->type;
		EmitVars v = {0};
		char scale[40];
		snprintf(scale, sizeof scale, "%.9e", (double)t->q.scale[0]);
		emit_var(&v, "p", e->prefix);
		emit_var(&v, "io", io_name(e, is_out, i, 0));
		emit_var(&v, "t", emit_ctype(t->elem));
		emit_vari(&v, "n", type_numel(t));
		emit_vari(&v, "z", t->q.zp[0]);
		emit_vari(&v, "qmin", type_qmin(t));
		emit_vari(&v, "qmax", type_qmax(t));
		emit_var(&v, "s", scale);
		if (is_out)
			emit_fill(e, "\nvoid ${p}_dequantize_$io(const $t *q, float *y)\n"
				"{\n\tint32_t i;\n\tfor (i = 0; i < $n; i++)\n"
				"\t\ty[i] = (float)((int32_t)q[i] - $z) * ${s}f;\n}\n", &v);
		else
			emit_fill(e, "\nvoid ${p}_quantize_$io(const float *x, $t *q)\n"
				"{\n\tint32_t i;\n\tfor (i = 0; i < $n; i++) {\n"
				"\t\tfloat r = x[i] / ${s}f;\n"
				"\t\tint32_t t;\n\t\tfloat frac;\n"
				"\t\tif (r != r) {\n\t\t\tq[i] = $z;\n\t\t\tcontinue;\n\t\t}\n"
				"\t\tif (r > 1e9f || r < -1e9f) {\n"
				"\t\t\tq[i] = r > 0 ? $qmax : $qmin;\n\t\t\tcontinue;\n\t\t}\n"
				"\t\tt = (int32_t)r;\n\t\tfrac = r - (float)t;\n"
				"\t\tif (frac > 0.5f || (frac == 0.5f && (t & 1)))\n"
				"\t\t\tt++;\n"
				"\t\telse if (frac < -0.5f || (frac == -0.5f && (t & 1)))\n"
				"\t\t\tt--;\n"
				"\t\tq[i] = ($t)qcc_clamp((int64_t)t + $z, $qmin, $qmax);\n"
				"\t}\n}\n", &v);
	}
}

/* The body (kernels, NAME_run, helpers) goes to memory first so that the
 * prelude can hold exactly the helper functions it calls. */
static int emit_source(Emit *e, const char *header)
{
	Graph *g = e->g;
	FILE *out = e->f;
	char *body = NULL;
	size_t len = 0;
	int r = 0;
	e->f = open_memstream(&body, &len);
	if (!e->f) {
		e->f = out;
		diag_fail("out of memory");
		return -1;
	}
	emit_plan_comment(e);
	for (int k = 0; k < g->nnodes && r == 0; k++) {
		const Node *n = g->nodes[k];
		if (!emits_code(n))
			continue;
		for (int i = 0; i < ndata(e, n); i++)
			if (n->in[i])
				emit_data_const(e, n->in[i]);
		char fn[300];
		fn_name(n, k, fn, sizeof fn);
		emit_comment(e, n);
		r = row_of(e, n)->emit(e, n, fn);
	}
	if (r == 0) {
		/* an output that is a constant (or a view of one) */
		for (int i = 0; i < e->nouts; i++)
			emit_data_const(e, memplan_root(e->outs[i]));
		emit_run(e);
		if (e->o->float_helpers)
			emit_float_helpers(e);
	}
	int ok = fclose(e->f) == 0 && body;
	e->f = out;
	if (r == 0 && !ok) {
		diag_fail("out of memory");
		r = -1;
	}
	if (r == 0) {
		emit_prelude(e, header, body);
		fwrite(body, 1, len, out);
		if (e->target->gcc_isa)
			fprintf(out, "\n#if defined(__clang__)\n"
				"#pragma clang attribute pop\n#endif\n");
	}
	free(body);
	return r;
}

static void emit_io_macros(Emit *e, FILE *f, int is_out, int i)
{
	const char *p = e->prefix, *what = io_name(e, is_out, i, 1);
	const Value *v = is_out ? e->outs[i] : e->ins[i];
	const Type *t = &v->type;
	if ((is_out ? e->nouts : e->nins) > 1)
		fprintf(f, "#define %s_%s_NAME \"%s\"\n", p, what,
			is_out ? e->g->outputs[i]->name : e->g->inputs[i]->name);
	fprintf(f, "#define %s_%s_SIZE %lld\n", p, what,
		(long long)type_numel(t));
	fprintf(f, "#define %s_%s_RANK %d\n", p, what, t->rank);
	fprintf(f, "#define %s_%s_SHAPE {", p, what);
	for (int d = 0; d < t->rank; d++)
		fprintf(f, "%s%lld", d ? ", " : "", (long long)t->dims[d]);
	fprintf(f, "%s}\n", t->rank ? "" : "1");
	/* integer ids without q(...): scale 1, zero point 0 */
	fprintf(f, "#define %s_%s_SCALE %.9ef\n", p, what,
		t->q.present ? (double)t->q.scale[0] : 1.0);
	fprintf(f, "#define %s_%s_ZERO_POINT %d\n", p, what,
		t->q.present ? (int)t->q.zp[0] : 0);
	fprintf(f, "#define %s_%s_QMIN %d\n", p, what, (int)type_qmin(t));
	fprintf(f, "#define %s_%s_QMAX %d\n", p, what, (int)type_qmax(t));
}

/* NAME_run's parameters: "const NAME_input_t *input, ..." */
static void emit_run_params(Emit *e, FILE *f)
{
	const char *p = e->prefix;
	for (int i = 0; i < e->nins; i++)
		fprintf(f, "const %s_%s_t *%s, ", p, io_name(e, 0, i, 0),
			io_name(e, 0, i, 0));
	for (int i = 0; i < e->nouts; i++)
		fprintf(f, "%s_%s_t *%s%s", p, io_name(e, 1, i, 0),
			io_name(e, 1, i, 0), i + 1 < e->nouts ? ", " : "");
}

/* The model-independent tables of every input and output, and
 * QCC_MODEL_RUN_ARRAYS(in, out, arena), which calls NAME_run on arrays of
 * pointers (arena ignored without --caller-arena). */
static void emit_io_tables(Emit *e, FILE *f)
{
	static const char *field[] = {"SIZE", "SCALE", "ZERO_POINT", "QMIN",
		"QMAX", "RANK", "SHAPE"};
	const char *p = e->prefix;
	fprintf(f, "#define QCC_MODEL_NUM_INPUTS %d\n#define QCC_MODEL_NUM_OUTPUTS "
		"%d\n", e->nins, e->nouts);
	for (int is_out = 0; is_out < 2; is_out++) {
		int n = is_out ? e->nouts : e->nins;
		const char *w = is_out ? "OUTPUT" : "INPUT";
		for (size_t k = 0; k < sizeof field / sizeof field[0]; k++) {
			fprintf(f, "#define QCC_MODEL_%s_%sS {", w, field[k]);
			for (int i = 0; i < n; i++)
				fprintf(f, "%s%s_%s_%s", i ? ", " : "", p,
					io_name(e, is_out, i, 1), field[k]);
			fprintf(f, "}\n");
		}
		fprintf(f, "#define QCC_MODEL_%s_BYTES {", w);
		for (int i = 0; i < n; i++)
			fprintf(f, "%ssizeof(%s_%s_t)", i ? ", " : "", p,
				io_name(e, is_out, i, 0));
		fprintf(f, "}\n");
	}
	fprintf(f, "#define QCC_MODEL_RUN_ARRAYS(in, out, arena) %s%s_run(",
		e->o->caller_arena ? "" : "((void)(arena), ", p);
	for (int i = 0; i < e->nins; i++)
		fprintf(f, "(const %s_%s_t *)(in)[%d], ", p, io_name(e, 0, i, 0), i);
	for (int i = 0; i < e->nouts; i++)
		fprintf(f, "(%s_%s_t *)(out)[%d]%s", p, io_name(e, 1, i, 0), i,
			i + 1 < e->nouts ? ", " : "");
	fprintf(f, "%s)\n", e->o->caller_arena ? ", (arena)" : ")");
}

static void emit_header(Emit *e, FILE *f)
{
	const char *p = e->prefix;
	char guard[300];
	size_t i;
	for (i = 0; p[i] && i + 3 < sizeof guard; i++)
		guard[i] = (char)toupper((unsigned char)p[i]);
	strcpy(guard + i, "_H");
	fprintf(f, "/* %s.h - generated by qcc %s from model %s; do not edit. */\n"
		"#ifndef %s\n#define %s\n\n#include <stdint.h>\n\n"
		"#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n",
		p, QCC_VERSION, e->g->name, guard, guard);
	fprintf(f, "/* the kernels' target (qcc --target) */\n"
		"#define %s_TARGET \"%s\"\n\n", p, e->target->name);
	fprintf(f, "/* real = SCALE * (q - ZERO_POINT); shapes are NCHW as in "
		"the model */\n");
	for (int k = 0; k < e->nins; k++)
		emit_io_macros(e, f, 0, k);
	for (int k = 0; k < e->nouts; k++)
		emit_io_macros(e, f, 1, k);
	for (int k = 0; k < e->nins + e->nouts; k++) {
		int is_out = k >= e->nins, j = is_out ? k - e->nins : k;
		fprintf(f, "typedef %s %s_%s_t;\n", emit_ctype(is_out ?
			e->outs[j]->type.elem : e->ins[j]->type.elem), p,
			io_name(e, is_out, j, 0));
	}
	fprintf(f, "\n/* bytes of working memory (one static arena, or the "
		"caller's) */\n#define %s_ARENA_SIZE %lld\n", p,
		(long long)e->plan.size);
	fprintf(f, "#define %s_CALLER_ARENA %d\n\n", p, e->o->caller_arena);
	int many = e->nins > 1 || e->nouts > 1;
	if (e->o->caller_arena)
		fprintf(f, "/* Runs the model on one quantized %s. arena: "
			"%s_ARENA_SIZE bytes, 8-byte\n * aligned, one per concurrent "
			"call. %s must not overlap.\n * Returns 0. */\n"
			"int %s_run(", many ? "sample" : "input", p,
			many ? "Inputs and outputs" : "input and output", p);
	else
		fprintf(f, "/* Runs the model on one quantized %s (not "
			"reentrant: one static arena).\n * %s must not "
			"overlap. Returns 0. */\n"
			"int %s_run(", many ? "sample" : "input",
			many ? "Inputs and outputs" : "input and output", p);
	emit_run_params(e, f);
	fprintf(f, "%s);\n", e->o->caller_arena ? ", void *arena" : "");
	if (e->o->float_helpers) {
		fprintf(f, "\n#define %s_FLOAT_HELPERS 1\n", p);
		for (int k = 0; k < e->nins; k++)
			fprintf(f, "void %s_quantize_%s(const float *x, %s_%s_t *q);\n",
				p, io_name(e, 0, k, 0), p, io_name(e, 0, k, 0));
		for (int k = 0; k < e->nouts; k++)
			fprintf(f, "void %s_dequantize_%s(const %s_%s_t *q, float *y);"
				"\n", p, io_name(e, 1, k, 0), p, io_name(e, 1, k, 0));
	}
	fprintf(f, "\n/* model-independent names, for runtime_stub/qcc_npy_main.c "
		"and the like */\n#ifndef QCC_MODEL_NO_ALIASES\n");
	static const char *alias[] = {"SIZE", "RANK", "SHAPE", "SCALE",
		"ZERO_POINT", "QMIN", "QMAX"};
	fprintf(f, "#define QCC_MODEL_NAME \"%s\"\n", p);
	for (int is_out = 0; is_out < 2; is_out++)
		for (size_t k = 0; (is_out ? e->nouts : e->nins) == 1 &&
		    k < sizeof alias / sizeof alias[0]; k++)
			fprintf(f, "#define QCC_MODEL_%s_%s %s_%s_%s\n",
				is_out ? "OUTPUT" : "INPUT", alias[k], p,
				is_out ? "OUTPUT" : "INPUT", alias[k]);
	fprintf(f, "#define QCC_MODEL_ARENA_SIZE %s_ARENA_SIZE\n"
		"#define QCC_MODEL_CALLER_ARENA %s_CALLER_ARENA\n"
		"#define QCC_MODEL_TARGET %s_TARGET\n", p, p, p);
	fprintf(f, "#define QCC_MODEL_RUN %s_run\n", p);
	if (e->nins == 1)
		fprintf(f, "typedef %s_input_t qcc_model_input_t;\n", p);
	if (e->nouts == 1)
		fprintf(f, "typedef %s_output_t qcc_model_output_t;\n", p);
	emit_io_tables(e, f);
	if (e->o->float_helpers && !many)
		fprintf(f, "#define QCC_MODEL_FLOAT_HELPERS 1\n"
			"#define QCC_MODEL_QUANTIZE_INPUT %s_quantize_input\n"
			"#define QCC_MODEL_DEQUANTIZE_OUTPUT %s_dequantize_output\n",
			p, p);
	fprintf(f, "#endif\n");
	fprintf(f, "\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}

/* ------------------------------------------------------------- driver */

/* Whether the C prefix made of s (other characters than letters and
 * digits become '_') begins with qcc_model in any case: the header's
 * model-independent QCC_MODEL_ aliases would collide with its macros. */
static int reserved_prefix(const char *s)
{
	char up[10] = {0};
	for (int i = 0; i < 9 && s[i]; i++)
		up[i] = isalnum((unsigned char)s[i]) ?
			(char)toupper((unsigned char)s[i]) : '_';
	return strcmp(up, "QCC_MODEL") == 0;
}

int emit_name_check(const char *s)
{
	int ok = isalpha((unsigned char)*s) || *s == '_';
	for (const char *p = s; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || *p == '_';
	if (!ok) {
		diag_fail("--name expects a C identifier, got '%s'", s);
		return -1;
	}
	if (*s == '_') {
		diag_fail("--name %s: names beginning with '_' are reserved", s);
		return -1;
	}
	if (reserved_prefix(s)) {
		diag_fail("--name %s: names beginning with qcc_model (in any "
			"case) are reserved for the header's QCC_MODEL_ aliases", s);
		return -1;
	}
	return 0;
}

/* The model's name made an identifier: other characters become '_'. */
static char *default_prefix(const char *name)
{
	size_t n = strlen(name);
	char *p = malloc(n + 3);
	if (!p)
		return NULL;
	size_t j = 0;
	if (!isalpha((unsigned char)name[0]) && name[0] != '_')
		p[j++] = 'm';
	for (size_t i = 0; i < n; i++)
		p[j++] = isalnum((unsigned char)name[i]) ? name[i] : '_';
	p[j] = 0;
	return p;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int64_t emit_arena_bytes(Graph *g, const char *target, int64_t *peak)
{
	EmitOptions o = {.target = target, .quantized = 1};
	Emit e = {.g = g, .o = &o};
	e.target = emit_target_find(target ? target : "generic");
	e.row = calloc(g->nnodes + 1, sizeof *e.row);
	e.ins = calloc(g->ninputs + 1, sizeof *e.ins);
	e.outs = calloc(g->noutputs + 1, sizeof *e.outs);
	int64_t size = -1;
	for (int i = 0; i < g->nvalues; i++)
		g->values[i]->id = i;
	for (int i = 0; i < g->nnodes; i++)
		g->nodes[i]->id = i;
	if (!e.row || !e.ins || !e.outs)
		diag_fail("out of memory");
	else if (!find_core(&e) && !check_kernels(&e) &&
	    !memplan_build(g, scratch_of, &e, &e.plan))
		size = e.plan.size;
	if (size >= 0 && peak) {
		MemPlan p;
		*peak = memplan_build(g, NULL, NULL, &p) ? -1 : p.peak;
		memplan_free(&p);
	}
	memplan_free(&e.plan);
	free(e.row);
	free(e.ins);
	free(e.outs);
	return size;
}

int emit_c(Graph *g, const EmitOptions *o, const char *path_c,
	const char *path_h)
{
	Emit e = {0};
	char *prefix = NULL, *tmp_c = NULL, *tmp_h = NULL;
	FILE *fc = NULL, *fh = NULL;
	int r = -1;
	e.g = g;
	e.o = o;
	if (emit_target_check(o->target))
		return -1;
	e.target = emit_target_find(o->target ? o->target : "generic");
	if (o->name && emit_name_check(o->name))
		return -1;
	if (!o->name && reserved_prefix(g->name)) {
		diag_fail("the model's name '%s' makes a C prefix reserved for the "
			"header's QCC_MODEL_ aliases; give --name NAME", g->name);
		return -1;
	}
	prefix = default_prefix(o->name ? o->name : g->name);
	e.const_done = calloc(g->nvalues + 1, 1);
	e.row = calloc(g->nnodes + 1, sizeof *e.row);
	e.ins = calloc(g->ninputs + 1, sizeof *e.ins);
	e.outs = calloc(g->noutputs + 1, sizeof *e.outs);
	if (!prefix || !e.const_done || !e.row || !e.ins || !e.outs) {
		diag_fail("out of memory");
		goto done;
	}
	e.prefix = prefix;
	for (int i = 0; i < g->nvalues; i++)
		g->values[i]->id = i;
	for (int i = 0; i < g->nnodes; i++)
		g->nodes[i]->id = i;
	if (find_core(&e) || check_kernels(&e) ||
		memplan_build(g, scratch_of, &e, &e.plan))
		goto done;
	if (e.plan.size > e.plan.peak)
		diag_warning((Loc){0}, "the memory plan uses %lld bytes, more than "
			"the %lld bytes live at the peak", (long long)e.plan.size,
			(long long)e.plan.peak);
	fc = atomic_open(path_c, &tmp_c);
	if (!fc)
		goto done;
	e.f = fc;
	int ok = emit_source(&e, base_name(path_h)) == 0;
	fh = ok ? atomic_open(path_h, &tmp_h) : NULL;
	if (fh)
		emit_header(&e, fh);
	else
		ok = 0;
	if (fh && atomic_commit(fh, tmp_h, path_h, ok) != 0)
		ok = 0;
	fh = NULL;
	if (atomic_commit(fc, tmp_c, path_c, ok) != 0)
		ok = 0;  /* the driver discards the unpublished .h */
	fc = NULL;
	r = ok ? 0 : -1;
done:
	memplan_free(&e.plan);
	free(e.const_done);
	free(e.row);
	free(e.ins);
	free(e.outs);
	free(prefix);
	return r;
}
