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

static const Target targets[] = {
	{"generic", "portable C99 (the default): plain loops with literal trip "
		"counts, which compilers vectorize", NULL,
		NULL, NULL, NULL, NULL, NULL, NULL},
};

static const KernelRow *const kernel_tables[] = {
	emit_conv_kernels,
	emit_dense_kernels,
	emit_elem_kernels,
	emit_cond_kernels,
	emit_arith_kernels,
	emit_geo_kernels,
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
