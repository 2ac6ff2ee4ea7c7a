/* pipeline.c - the pass table and the pass pipeline.
 *
 * The table lists every pass: its name (the file passes/NAME.c, the function
 * pass_NAME and the word in --passes=NAME), a one-line summary, and whether
 * it belongs to the default quantization pipeline, in that pipeline's order.
 * pipeline_run runs --passes=a,b,... when given, else the default pipeline;
 * it verifies the graph after every pass and prints it (`# after NAME` and
 * the canonical `.g`) after the pass named by --print-after, or after every
 * pass for --print-after=all.
 */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static const PassInfo passes[] = {
	{"qdq_elim", pass_qdq_elim,
		"turn quantize/dequantize pairs (QDQ models) into q(...) types", 1},
	{"token_dense", pass_token_dense,
		"a matmul by a constant matrix on rank >= 3 tokens becomes a dense "
		"layer over the rows (per-channel weights, bias folded)", 1},
	{"fold_bn", pass_fold_bn,
		"fold batchnorm into the preceding conv2d or dense", 1},
	{"fuse", pass_fuse,
		"fuse relu/relu6/clip into conv2d, dense and add", 1},
	{"crop_taps", pass_crop_taps,
		"crop conv2d kernels to the taps that read the input somewhere "
		"(drop edge taps that see only padding)", 1},
	{"cle", pass_cle,
		"cross-layer equalization of conv/dense pairs (--cle)", 0},
	{"observe", pass_observe,
		"mark every tensor to be quantized with an observe node", 1},
	{"calibrate", pass_calibrate,
		"run the calibration set and record what each observe node sees", 1},
	{"range", pass_range,
		"turn observations into q(scale, zp) on the float types", 1},
	{"bitalloc", pass_bitalloc,
		"choose each layer's weight bits within --flash-budget or "
		"--max-drop", 0},
	{"adaround", pass_adaround,
		"learn each weight's rounding on the calibration data (--adaround)",
		0},
	{"bias_correction", pass_bias_correction,
		"remove each layer's mean quantization error through its bias "
		"(--bias-correction)", 0},
	{"quantize", pass_quantize,
		"lower to integer ops (docs/arith.md): weights, biases, requantization",
		1},
	{"memplan", pass_memplan,
		"print the static arena plan of a lowered graph (C emission runs it)",
		0},
};

#define NPASSES ((int)(sizeof passes / sizeof passes[0]))

const PassInfo *pass_lookup(const char *name)
{
	for (int i = 0; i < NPASSES; i++)
		if (strcmp(passes[i].name, name) == 0)
			return &passes[i];
	return NULL;
}

int pass_count(void)
{
	return NPASSES;
}

const PassInfo *pass_at(int i)
{
	return i >= 0 && i < NPASSES ? &passes[i] : NULL;
}

/* Runs one pass, verifies, and prints when asked. */
static int run_one(Graph *g, const Options *o, const PassInfo *p)
{
	if (o->verbose)
		fprintf(stderr, "qcc: running pass %s\n", p->name);
	if (p->fn(g, o) < 0)
		return -1;
	if (graph_verify(g) != 0) {
		diag_fail("the graph is invalid after pass %s", p->name);
		return -1;
	}
	if (o->print_after && (strcmp(o->print_after, "all") == 0 ||
			strcmp(o->print_after, p->name) == 0)) {
		PrintOpts po = {0};
		printf("# after %s\n", p->name);
		print_graph(stdout, g, &po);
		fflush(stdout);
	}
	return 0;
}

static const char *known_names(char *buf, size_t size)
{
	size_t k = 0;
	buf[0] = 0;
	for (int i = 0; i < NPASSES && k < size; i++)
		k += snprintf(buf + k, size - k, i ? ", %s" : "%s", passes[i].name);
	return buf;
}

/* The names in a comma-separated list, each checked before any runs. */
static int run_list(Graph *g, const Options *o, const char *list)
{
	const PassInfo *todo[64];
	int ntodo = 0;
	const char *s = list;
	while (*s) {
		size_t len = strcspn(s, ",");
		char name[64];
		if (len == 0 || len >= sizeof name) {
			diag_fail("bad pass list '%s': expected names separated by "
				"commas", list);
			return -1;
		}
		memcpy(name, s, len);
		name[len] = 0;
		const PassInfo *p = pass_lookup(name);
		if (!p) {
			char known[256];
			diag_fail("unknown pass '%s' in --passes (known: %s)", name,
				known_names(known, sizeof known));
			return -1;
		}
		if (ntodo == (int)(sizeof todo / sizeof todo[0])) {
			diag_fail("too many passes in --passes");
			return -1;
		}
		todo[ntodo++] = p;
		s += len;
		if (*s == ',')
			s++;
	}
	for (int i = 0; i < ntodo; i++)
		if (run_one(g, o, todo[i]) < 0)
			return -1;
	return 0;
}

/* The default passes, and those outside it that an option adds, at their
 * place in the table (docs/ptq.md). */
int pass_in_pipeline(const PassInfo *p, const Options *o)
{
	return p->in_default || (o->cle && strcmp(p->name, "cle") == 0) ||
		(o->bias_correction && strcmp(p->name, "bias_correction") == 0) ||
		(o->adaround && strcmp(p->name, "adaround") == 0) ||
		((o->flash_budget > 0 || o->max_drop >= 0 || o->ram_budget > 0) &&
		strcmp(p->name, "bitalloc") == 0);
}

int pipeline_run(Graph *g, const Options *o)
{
	if (o->print_after && strcmp(o->print_after, "all") != 0 &&
	    !pass_lookup(o->print_after)) {
		char known[256];
		diag_fail("unknown pass '%s' in --print-after (known: all, %s)",
			o->print_after, known_names(known, sizeof known));
		return -1;
	}
	if (o->passes)
		return run_list(g, o, o->passes);
	for (int i = 0; i < NPASSES; i++)
		if (pass_in_pipeline(&passes[i], o) && run_one(g, o, &passes[i]) < 0)
			return -1;
	return 0;
}
