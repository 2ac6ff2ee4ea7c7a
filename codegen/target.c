/* target.c - the targets of the C generator and its kernel-selection
 * table.
 *
 * A target is a name (--target NAME) and the kernel rows written for it.
 * The rows live beside their emitters (emit_conv.c, emit_dense.c,
 * emit_elem.c, emit_cond.c, emit_arith.c), one array per file;
 * `kernel_tables` below lists the arrays, so a kernel of a new op is one
 * row in its emitter file. A target with a base (e.g. a SIMD target over
 * generic) takes the base's row wherever it has none of its own that
 * applies.
 *
 * `--target host` is the last target of the table whose host_runs() says
 * the machine running qcc can execute its code (generic if none), so a
 * target is listed after the ones it supersedes.
 */
#include <string.h>

#include "emit.h"

/* Whether this machine runs the x86 targets' code (qcc built for x86-64
 * by gcc or clang; elsewhere they are never the host's). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
static int runs_avx2(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

static int runs_avx512_vnni(void)
{
	__builtin_cpu_init();
	return runs_avx2() && __builtin_cpu_supports("avx512f") &&
		__builtin_cpu_supports("avx512bw") &&
		__builtin_cpu_supports("avx512dq") &&
		__builtin_cpu_supports("avx512vl") &&
		__builtin_cpu_supports("avx512vnni");
}
#else
#define runs_avx2 NULL
#define runs_avx512_vnni NULL
#endif

/* gcc >= 8 or clang >= 8 compiling for x86-64: the target attributes and
 * intrinsics the x86 kernels use. */
#define X86_GUARD "defined(__x86_64__) && (defined(__clang__) ? " \
	"__clang_major__ >= 8 : defined(__GNUC__) && __GNUC__ >= 8)"

/* gcc vectorizes at -O2 only the loops its "very cheap" cost model
 * accepts, and with AVX-512 enabled (-march=native) it prefers 512-bit
 * vectors, which the short loops of these kernels run slower than
 * 256-bit ones (measured: docs/codegen.md); the kernels ask for the
 * dynamic cost model and 256-bit vectors whatever the flags. */
#define GCC_VECTORIZE_X86(more) "\n/* gcc: vectorize these loops at -O2 " \
	"too, at most 256 bits wide */\n" \
	"#if defined(__GNUC__) && !defined(__clang__)\n" \
	"#pragma GCC optimize(\"tree-vectorize\", \"vect-cost-model=dynamic\")\n" \
	"#if defined(__x86_64__) || defined(__i386__)\n" more \
	"#pragma GCC target(\"prefer-vector-width=256\")\n#endif\n#endif\n"
#define GCC_VECTORIZE GCC_VECTORIZE_X86("")

/* The generic target on x86 also asks for the loop peeling, unswitching
 * and cloning of -O3, which the SSE2 helpers of its kernels (emit_c.c)
 * need at -O2 to run as fast as at -O3 (cnn_bn 63 -> 52 us); so does
 * x86-avx2, whose depthwise layers take those kernels (mobilenet_ish at
 * gcc -O2: 35.0 -> 29.5 us). x86-avx512-vnni, whose figures were measured
 * without them, keeps GCC_VECTORIZE. */
#define GCC_VECTORIZE_GENERIC GCC_VECTORIZE_X86( \
	"#pragma GCC optimize(\"peel-loops\", \"unswitch-loops\", " \
	"\"ipa-cp-clone\", \"predictive-commoning\")\n")

static int aarch64_runs(void)
{
#if defined(__aarch64__)
	return 1;
#else
	return 0;
#endif
}

static const Target targets[] = {
	{"generic", "portable C99 (the default): plain loops with literal trip "
		"counts, which compilers vectorize", NULL,
		NULL, NULL, NULL, NULL, NULL, NULL, GCC_VECTORIZE_GENERIC},
	{"x86-avx2", "x86-64 with AVX2 and FMA (Haswell, Zen 1 on): "
		"vpmaddwd kernels; gcc or clang", "generic", X86_GUARD,
		"target x86-avx2 needs gcc or clang (8 or later) compiling for x86-64",
		"#include <immintrin.h>\n", "avx2,fma", "avx2,fma", runs_avx2,
		GCC_VECTORIZE_GENERIC},
	{"x86-avx512-vnni", "x86-64 with AVX-512 F/BW/DQ/VL and VNNI (Ice Lake, "
		"Zen 4 on): vpdpbusd kernels; gcc or clang", "x86-avx2", X86_GUARD,
		"target x86-avx512-vnni needs gcc or clang (8 or later) compiling "
		"for x86-64", "#include <immintrin.h>\n",
		"avx2,fma,avx512f,avx512bw,avx512dq,avx512vl,avx512vnni",
		"avx2,fma,avx512f,avx512bw,avx512dq,avx512vl,avx512vnni",
		runs_avx512_vnni, GCC_VECTORIZE},
	{"cortex-m4", "Arm Cortex-M4 and later M cores with the DSP extension "
		"(arm-none-eabi-gcc -mcpu=cortex-m4): dual 16-bit multiply-adds "
		"(SMLAD), small scratch", "generic",
		"defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32)",
		"qcc --target cortex-m4: needs an Arm compiler for a core with the "
		"DSP extension (e.g. -mcpu=cortex-m4 -mthumb)",
		"#include <arm_acle.h>\n", NULL, NULL, NULL, NULL},
	{"cortex-m7", "Arm Cortex-M7: the kernels of cortex-m4", "cortex-m4",
		"defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32)",
		"qcc --target cortex-m7: needs an Arm compiler for a core with the "
		"DSP extension (e.g. -mcpu=cortex-m7 -mthumb)",
		"#include <arm_acle.h>\n", NULL, NULL, NULL, NULL},
	{"aarch64-neon", "64-bit Arm with NEON (aarch64-linux-gnu-gcc): Armv8.0 "
		"kernels whatever the compiler's flags (SDOT is aarch64-dotprod's)",
		"generic",
		"defined(__aarch64__) && defined(__ARM_NEON)",
		"qcc --target aarch64-neon: needs a compiler for 64-bit Arm (NEON)",
		"#include <arm_neon.h>\n", NULL, NULL, aarch64_runs, NULL},
	{"aarch64-dotprod", "64-bit Arm with the dot-product extension "
		"(Armv8.2-A and later): the kernels of aarch64-neon, always SDOT",
		"aarch64-neon", "defined(__aarch64__) && defined(__ARM_NEON) && "
		"(defined(__ARM_FEATURE_DOTPROD) || !defined(__clang__))",
		"qcc --target aarch64-dotprod: needs gcc for 64-bit Arm, or clang "
		"with -march=armv8.2-a+dotprod", "#include <arm_neon.h>\n",
		"arch=armv8.2-a+dotprod", "dotprod", NULL, NULL},
};

/* emit_sub_kernels first: a target's own 8-bit rows must not take packed
 * weights. */
static const KernelRow *const kernel_tables[] = {
	emit_sub_kernels,
	emit_conv_kernels,
	emit_dense_kernels,
	emit_elem_kernels,
	emit_cond_kernels,
	emit_arith_kernels,
	emit_reduce_kernels,
	emit_geo_kernels,
	emit_x86_small_kernels,
	emit_x86_kernels,
	emit_x86_a16_kernels,
	emit_arm_kernels,
	emit_arm_a16_kernels,
};

#define NTARGETS (int)(sizeof targets / sizeof targets[0])
#define NTABLES (int)(sizeof kernel_tables / sizeof kernel_tables[0])

/* The target --target host names on this machine. */
static const Target *host_target(void)
{
	for (int i = NTARGETS - 1; i > 0; i--)
		if (targets[i].host_runs && targets[i].host_runs())
			return &targets[i];
	return &targets[0];
}

const Target *emit_target_find(const char *name)
{
	if (!strcmp(name, "host"))
		return host_target();
	for (int i = 0; i < NTARGETS; i++)
		if (!strcmp(targets[i].name, name))
			return &targets[i];
	return NULL;
}

int emit_target_check(const char *name)
{
	if (!name || emit_target_find(name))
		return 0;
	char list[256];
	size_t len = 0;
	list[0] = 0;
	for (int i = 0; i < NTARGETS && len < sizeof list; i++)
		len += snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
			targets[i].name);
	diag_fail("unknown target '%s'; expected host or one of: %s", name,
		list);
	return -1;
}

/* The first row of n's op written for target t itself that applies. */
static const KernelRow *own_row(const Target *t, const Node *n)
{
	for (int i = 0; i < NTABLES; i++)
		for (const KernelRow *r = kernel_tables[i]; r->emit; r++)
			if (r->op == (int)n->op && !strcmp(r->target, t->name) &&
				(!r->applies || r->applies(n)))
				return r;
	return NULL;
}

const KernelRow *emit_kernel_find(const Target *t, const Node *n)
{
	for (; t; t = t->base ? emit_target_find(t->base) : NULL) {
		const KernelRow *r = own_row(t, n);
		if (r)
			return r;
	}
	return NULL;
}

void emit_list_targets(FILE *f)
{
	fprintf(f, "host  the best target this machine runs: %s\n\n",
		host_target()->name);
	for (int i = 0; i < NTARGETS; i++) {
		const Target *t = &targets[i];
		fprintf(f, "%s%s  %s\n", i ? "\n" : "", t->name, t->summary);
		if (t->base)
			fprintf(f, "  (other ops: the kernels of %s)\n", t->base);
		for (int k = 0; k < NTABLES; k++)
			for (const KernelRow *r = kernel_tables[k]; r->emit; r++)
				if (!strcmp(r->target, t->name))
					fprintf(f, "  %-16s %-16s %s\n", op_info(r->op)->name,
						r->name, r->when);
	}
}
