/* main.c - the `qcc` command: reads the options, loads the model, runs the
 * pass pipeline when asked, then prints the IR, runs the model on .npy data
 * or emits code. Only main() exits; every step returns 0, or -1 after
 * reporting. No output may be one of the command's inputs (or another of
 * its outputs); output files are written to temporaries and all renamed
 * together once the command has succeeded (ir/outfile.c).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"

/* Constants with more elements than this go to the weights file that
 * `--emit=ir -o FILE.g` writes beside the text. */
#define WEIGHTS_INLINE_LIMIT 16

typedef struct {
	const char *model;
	const char *emit;       /* "ir" or NULL */
	const char *out;        /* -o */
	int run;                /* the `run` subcommand */
	const char **inputs;    /* run: --input files, in graph input order */
	int ninputs;
	const char **outputs;   /* run: --output files */
	int noutputs;
	int help, version, list_ops, list_passes, list_targets;
	Options opt;
	int eval;               /* the `eval` subcommand (driver/eval.c) */
	const char *data, *labels;   /* data: the first --data file */
	const char *score;      /* eval: the output scored (default the first) */
	InputShape *shapes;     /* --input-shape, one per option */
	int nshapes;
	const char **datas;     /* eval: --data files, one per graph input */
	int ndata;
	EmitOptions cgen;       /* -o FILE.c: --name, --float-helpers, --caller-arena,
	                           --target */
	char *out2;             /* written beside -o: FILE.h or FILE.safetensors */
	int rounding;           /* --rounding, or -1: the model's own */
	int quantized;          /* the pass pipeline ran */
} Cli;

static const char usage[] =
"usage: qcc [options] MODEL                   compile MODEL (.g or .onnx)\n"
"       qcc run MODEL --input X.npy ... --output Y.npy ...\n"
"                                             run MODEL on every sample\n"
"       qcc eval MODEL --calib C.npy --data X.npy --labels Y.npy [options]\n"
"                                             float vs quantized accuracy\n"
"\n"
"MODEL is a .g text model or an .onnx file.\n"
"\n"
"Output:\n"
"  --emit=ir            print the model as canonical .g text (after the\n"
"                       passes, if any); with -o FILE.g write FILE.g and put\n"
"                       every constant of more than 16 elements into the\n"
"                       sibling FILE.safetensors\n"
"  -o FILE.c           write FILE.c and FILE.h: integer-only C99 for the\n"
"                       quantized model (run the pipeline with --calib)\n"
"  --name NAME          C prefix: NAME_run, NAME_ARENA_SIZE (default: the\n"
"                       model's name)\n"
"  --float-helpers      also NAME_quantize_input and NAME_dequantize_output\n"
"  --caller-arena       NAME_run takes the arena (NAME_ARENA_SIZE bytes)\n"
"  --target NAME        the kernels' target (default generic: portable C99;\n"
"                       host: the best one this machine runs); see\n"
"                       --list-targets\n"
"\n"
"run:\n"
"  --input FILE.npy     one per graph input, in order; sample i is X[i], and\n"
"                       X's dims after the first must hold as many elements\n"
"                       as the graph input; integer arrays are converted\n"
"  --output FILE.npy    one per graph output, in order; shaped [N, dims...]\n"
"                       (a leading 1 in the output's dims is replaced by N);\n"
"                       float32 for f32 outputs, int32 for integer outputs\n"
"\n"
"eval:\n"
"  --data FILE.npy      test samples (as for run), one per graph input;\n"
"                       --labels FILE.npy their classes [N]; prints float\n"
"                       and quantized top-1 accuracy of the scored output,\n"
"                       their agreement, and per quantized tensor its bits,\n"
"                       scale, clipped fraction and SQNR (dB)\n"
"  --score NAME         the output whose top-1 is scored (default: the\n"
"                       first)\n"
"\n"
"Quantization (any of --calib or --passes runs the pass pipeline):\n"
"  --calib FILE.npy     calibration samples, one file per graph input in\n"
"                       graph order; runs the default pipeline\n"
"  --weight-bits N      weight bits, 1 to 8 (default 8); 1 is binary\n"
"                       (-1 or +1 times a channel's scale)\n"
"  --weight-group G     a scale per G consecutive weights of a channel\n"
"                       (G a multiple of 8, e.g. 16, 32, 64) for weights\n"
"                       of 2 to 4 bits\n"
"  --act-bits N         activation bits, 8 or 16 (default 8)\n"
"  --act-bits N=A,B     tensors A and B N bits wide (8 or 16; repeatable)\n"
"  --granularity G      per-channel (default) or per-tensor weights\n"
"  --range METHOD       activation range estimator (default minmax): minmax,\n"
"                       percentile:P (P-th percentile of |x|, e.g. 99.99),\n"
"                       mse (least squared error), kl (entropy, TensorRT),\n"
"                       bn[:A] (BatchNorm beta +- A*gamma, A=6), ce (least\n"
"                       cross-entropy through the next softmax)\n"
"  --range-for NAME=METHOD  the estimator for tensor NAME (repeatable)\n"
"  --symmetric-acts     symmetric activation ranges (zero point 0)\n"
"  --pow2-scales        round scales to powers of two\n"
"  --rounding R         how requantization rounds (docs/arith.md): away\n"
"                       (ties away from zero, the default), even (ties to\n"
"                       even, as ONNX), double (TFLite Micro / CMSIS-NN);\n"
"                       overrides the model's `rounding` statement\n"
"  --cle                cross-layer equalization before calibration\n"
"  --bias-correction    remove each layer's mean output error through its\n"
"                       bias (from --calib data, else BatchNorm statistics)\n"
"  --adaround           learn each weight's rounding (AdaRound)\n"
"  --adaround-iters N   AdaRound iterations per layer (default 1000)\n"
"  --seed N             seed of AdaRound's sampling (default 0)\n"
"  --flash-budget BYTES choose each conv2d/dense's weight bits (1, 2, 3, 4, 8)\n"
"                       for the least predicted loss within BYTES of packed\n"
"                       weights and per-channel constants (K, M, G: 2^10..)\n"
"  --max-drop POINTS    choose them for the fewest bytes whose top-1 drop\n"
"                       from float stays within POINTS (measured)\n"
"  --ram-budget BYTES   choose each activation's width (8, 16) for the least\n"
"                       predicted loss within BYTES of arena (K, M, G)\n"
"  --calib-labels Y.npy the classes of the --calib samples, for top-1 (else\n"
"                       the float model's own top-1 is the reference)\n"
"  --jobs N             threads calibration runs samples on (default\n"
"                       QCC_JOBS, else the online CPUs); results are the\n"
"                       same for any N\n"
"  --batch N            images the interpreter takes through a layer at\n"
"                       once, in calibration and `qcc run` (1..16, default\n"
"                       8); results are the same for any N\n"
"  --passes=A,B,...     run exactly these passes, in this order\n"
"  --print-after=PASS   print the IR after PASS (or `all`) to stdout\n"
"\n"
"Shapes (ONNX):\n"
"  --input-shape NAME=D0,D1,...  the dims of graph input NAME: fixes its\n"
"                       symbolic ones (a length, the batch); a fixed one\n"
"                       must agree (repeatable)\n"
"\n"
"Limits:\n"
"  --max-memory BYTES   the most the model's tensors may take (K, M, G:\n"
"                       powers of 1024; default 4G); a model over it is\n"
"                       refused before its data is allocated\n"
"\n"
"Information:\n"
"  --list-ops           every op with its inputs, attributes and summary\n"
"  --list-passes        every pass with its summary\n"
"  --list-targets       every C target with its kernels and when each applies\n"
"  -v                   verbose (qcc run: the nodes each sample ran and\n"
"                       skipped)\n"
"  --help               this text\n"
"  --version            the version\n"
"\n"
"Options taking a value accept --opt=VALUE and --opt VALUE.\n"
"Exit status: 0 on success, 1 on any error.\n";

/* ------------------------------------------------------------ arguments */

/* If argv[*i] is the option `name` taking a value, stores the value (from
 * `--name=V` or the next argument) and returns 1; -1 if it is missing. */
static int opt_value(int argc, char **argv, int *i, const char *name,
	const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	if (a[n] != 0)
		return 0;
	if (*i + 1 >= argc) {
		diag_fail("option '%s' needs a value", name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

/* A decimal integer (no blanks, nothing after it) in [lo, hi]. */
static int parse_int(const char *name, const char *s, int lo, int hi,
	int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || isspace((unsigned char)*s) || *end) {
		diag_fail("%s expects an integer, got '%s'", name, s);
		return -1;
	}
	if (errno == ERANGE || v < lo || v > hi) {
		if (lo == 1 && v < lo)
			diag_fail("%s must be at least 1, got %s", name, s);
		else
			diag_fail("%s must be between %d and %d, got %s", name, lo,
				hi, s);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* --input-shape NAME=D0,D1,...: positive dims, one option per name. */
static int input_shape_parse(Cli *c, const char *v)
{
	InputShape *s = &c->shapes[c->nshapes];
	const char *eq = strchr(v, '=');
	*s = (InputShape){.text = v};
	int ok = eq && eq > v;
	for (const char *p = eq ? eq + 1 : v; ok; p++) {
		char *end;
		errno = 0;
		long long d = strtoll(p, &end, 10);
		ok = isdigit((unsigned char)*p) && errno == 0 && d >= 1 &&
			d <= ((int64_t)1 << 40) && s->rank < QCC_MAX_RANK &&
			(*end == ',' || *end == 0);
		if (ok)
			s->dims[s->rank++] = d;
		if (!ok || *end == 0)
			break;
		p = end;
	}
	if (!ok) {
		diag_fail("--input-shape expects NAME=D0,D1,... with 1 to %d "
			"positive dimensions, got '%s'", QCC_MAX_RANK, v);
		return -1;
	}
	char *name = malloc(eq - v + 1);
	if (!name) {
		diag_fail("out of memory");
		return -1;
	}
	snprintf(name, eq - v + 1, "%s", v);
	s->name = name;
	for (int i = 0; i < c->nshapes; i++) {
		if (strcmp(c->shapes[i].name, name) == 0) {
			diag_fail("--input-shape %s: input '%s' is given a shape twice",
				v, name);
			free(name);
			return -1;
		}
	}
	c->nshapes++;
	return 0;
}

/* What range_method_parse accepts but cannot work: an infinite
 * parameter, or a percentile so low that most values are clipped and the
 * range can be zero. Unknown methods are left to the passes to report. */
static int check_range(const char *opt, const char *s, const char *method)
{
	RangeMethod m;
	if (range_method_parse(method, &m) < 0 || (m.kind != RM_PERCENTILE &&
	    m.kind != RM_BN))
		return 0;
	if (m.kind == RM_PERCENTILE && !(m.param >= 50 && m.param <= 100)) {
		diag_fail("%s %s: the percentile P must be between 50 and 100, "
			"e.g. percentile:99.99", opt, s);
		return -1;
	}
	if (!isfinite(m.param)) {
		diag_fail("%s %s: A must be a finite positive number, e.g. bn:6",
			opt, s);
		return -1;
	}
	return 0;
}

/* --act-bits BITS=NAME,NAME: 8 or 16, then names (checked against the
 * model by pass observe). */
static int act_bits_for(Options *o, const char *v)
{
	const char *eq = strchr(v, '=');
	int n = (int)(eq - v);
	if (!((n == 1 && v[0] == '8') || (n == 2 && strncmp(v, "16", 2) == 0)) ||
	    !eq[1] || eq[1] == ',' || eq[strlen(eq) - 1] == ',' ||
	    strstr(eq, ",,")) {
		diag_fail("--act-bits expects 8 or 16, or BITS=NAME,NAME with BITS "
			"8 or 16, got '%s'", v);
		return -1;
	}
	o->act_bits_for[o->nact_bits_for++] = v;
	return 1;
}

/* Options that take a value; returns 1 if argv[*i] was one, 0 if not,
 * -1 on error. */
static int value_option(Cli *c, int argc, char **argv, int *i)
{
	static const char *names[] = {"--emit", "-o", "--calib", "--weight-bits",
		"--act-bits", "--granularity", "--range", "--print-after",
		"--passes", "--input", "--output", "--range-for", "--data",
		"--labels", "--adaround-iters", "--seed", "--max-memory", "--score",
		"--input-shape", "--jobs", "--rounding", "--weight-group",
		"--flash-budget", "--max-drop", "--calib-labels", "--ram-budget",
		"--batch"};
	const char *v = NULL;
	int k, r = 0;
	for (k = 0; k < (int)(sizeof names / sizeof names[0]); k++)
		if ((r = opt_value(argc, argv, i, names[k], &v)) != 0)
			break;
	if (r <= 0)
		return r;
	Options *o = &c->opt;
	switch (k) {
	case 0:
		if (strcmp(v, "ir") != 0) {
			diag_fail("unknown --emit kind '%s'; expected ir", v);
			return -1;
		}
		c->emit = v;
		break;
	case 1: c->out = v; break;
	case 2:
		if (!o->calib_path)
			o->calib_path = v;
		o->calib_paths[o->ncalib++] = v;
		break;
	case 3:
		if (parse_int("--weight-bits", v, 1, 8, &o->weight_bits))
			return -1;
		break;
	case 4:
		if (strchr(v, '='))
			return act_bits_for(o, v);
		if (parse_int("--act-bits", v, -1000000, 1000000, &o->act_bits))
			return -1;
		if (o->act_bits != 8 && o->act_bits != 16) {
			diag_fail("--act-bits must be 8 or 16, got %d", o->act_bits);
			return -1;
		}
		break;
	case 5:
		if (strcmp(v, "per-channel") == 0) {
			o->granularity = GRAN_PER_CHANNEL;
		} else if (strcmp(v, "per-tensor") == 0) {
			o->granularity = GRAN_PER_TENSOR;
		} else {
			diag_fail("--granularity must be per-channel or per-tensor, "
				"got '%s'", v);
			return -1;
		}
		break;
	case 6:
		if (!*v) {
			diag_fail("--range needs a method, e.g. minmax");
			return -1;
		}
		if (check_range("--range", v, v))
			return -1;
		o->range_method = v;
		break;
	case 7: o->print_after = v; break;
	case 8: o->passes = v; break;
	case 9:
		if (!c->run) {
			diag_fail("--input is an option of `qcc run`");
			return -1;
		}
		c->inputs[c->ninputs++] = v;
		break;
	case 10:
		if (!c->run) {
			diag_fail("--output is an option of `qcc run`");
			return -1;
		}
		c->outputs[c->noutputs++] = v;
		break;
	case 11:
		if (strchr(v, '=') &&
		    check_range("--range-for", v, strchr(v, '=') + 1))
			return -1;
		o->range_for[o->nrange_for++] = v;
		break;
	case 12:
		if (!c->data)
			c->data = v;
		c->datas[c->ndata++] = v;
		break;
	case 13: c->labels = v; break;
	case 14:
		if (parse_int("--adaround-iters", v, 1, 1000000,
		    &o->adaround_iters))
			return -1;
		break;
	case 15: {
		int seed;
		if (parse_int("--seed", v, -1000000, 1000000, &seed))
			return -1;
		o->seed = (uint64_t)(int64_t)seed;
		break;
	}
	case 17:
		if (!c->eval) {
			diag_fail("--score is an option of `qcc eval`");
			return -1;
		}
		c->score = v;
		break;
	case 18:
		if (input_shape_parse(c, v))
			return -1;
		break;
	case 16:
		if (graph_mem_limit_parse(v, &graph_mem_limit)) {
			diag_fail("--max-memory expects a positive byte count with "
				"an optional K, M or G suffix, got '%s'", v);
			return -1;
		}
		break;
	case 19:
		if (parse_int("--jobs", v, 1, QCC_MAX_JOBS, &o->jobs))
			return -1;
		break;
	case 20:
		if ((c->rounding = rounding_find(v)) < 0) {
			diag_fail("--rounding must be away, even or double, got '%s'",
				v);
			return -1;
		}
		break;
	case 21:
		if (parse_int("--weight-group", v, 8, 1 << 20, &o->weight_group))
			return -1;
		if (o->weight_group % 8) {
			diag_fail("--weight-group must be a multiple of 8, got %d",
				o->weight_group);
			return -1;
		}
		break;
	case 22:
		if (graph_mem_limit_parse(v, &o->flash_budget)) {
			diag_fail("--flash-budget expects a positive byte count with "
				"an optional K, M or G suffix, got '%s'", v);
			return -1;
		}
		break;
	case 23: {
		char *end;
		o->max_drop = strtod(v, &end);
		if (end == v || *end || !(o->max_drop >= 0 && o->max_drop <= 100)) {
			diag_fail("--max-drop expects top-1 points from 0 to 100, e.g. "
				"0.5, got '%s'", v);
			return -1;
		}
		break;
	}
	case 24: o->calib_labels = v; break;
	case 25:
		if (graph_mem_limit_parse(v, &o->ram_budget)) {
			diag_fail("--ram-budget expects a positive byte count with "
				"an optional K, M or G suffix, got '%s'", v);
			return -1;
		}
		break;
	case 26:
		if (parse_int("--batch", v, 1, EXEC_MAX_BATCH, &o->batch))
			return -1;
		break;
	}
	return 1;
}

static int parse_args(Cli *c, int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "run") == 0) {
		c->run = 1;
		first = 2;
	}
	if (argc > 1 && strcmp(argv[1], "eval") == 0) {
		c->eval = 1;
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		int r = value_option(c, argc, argv, &i);
		if (r == 0) {
			r = opt_value(argc, argv, &i, "--name", &c->cgen.name);
			if (r > 0 && emit_name_check(c->cgen.name))
				return -1;
		}
		if (r == 0)
			r = opt_value(argc, argv, &i, "--target", &c->cgen.target);
		if (r < 0)
			return -1;
		if (r > 0)
			continue;
		if (!strcmp(a, "--float-helpers") || !strcmp(a, "--caller-arena")) {
			*(a[2] == 'f' ? &c->cgen.float_helpers :
				&c->cgen.caller_arena) = 1;
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			c->help = 1;
		else if (!strcmp(a, "--version"))
			c->version = 1;
		else if (!strcmp(a, "--list-ops"))
			c->list_ops = 1;
		else if (!strcmp(a, "--list-passes"))
			c->list_passes = 1;
		else if (!strcmp(a, "--list-targets"))
			c->list_targets = 1;
		else if (!strcmp(a, "--symmetric-acts"))
			c->opt.symmetric_acts = 1;
		else if (!strcmp(a, "--pow2-scales"))
			c->opt.pow2_scales = 1;
		else if (!strcmp(a, "--cle"))
			c->opt.cle = 1;
		else if (!strcmp(a, "--bias-correction"))
			c->opt.bias_correction = 1;
		else if (!strcmp(a, "--adaround"))
			c->opt.adaround = 1;
		else if (!strcmp(a, "-v"))
			c->opt.verbose = 1;
		else if (a[0] == '-' && a[1]) {
			diag_fail("unknown option '%s'; see qcc --help", a);
			return -1;
		} else if (c->model) {
			diag_fail("more than one model given: '%s' and '%s'",
				c->model, a);
			return -1;
		} else {
			c->model = a;
		}
	}
	return 0;
}

/* Checks option combinations once all are known. */
static int check_args(const Cli *c)
{
	if (emit_target_check(c->cgen.target))
		return -1;
	if (!c->model) {
		diag_fail("no model given; see qcc --help");
		return -1;
	}
	if (c->run && c->emit) {
		diag_fail("`qcc run` does not take --emit");
		return -1;
	}
	if (c->run && c->out) {
		diag_fail("`qcc run` writes its results with --output, not -o");
		return -1;
	}
	const Options *o = &c->opt;
	int alloc = o->flash_budget > 0 || o->max_drop >= 0 || o->ram_budget > 0;
	if (alloc && !o->calib_path) {
		int acts = o->flash_budget <= 0 && o->max_drop < 0;
		diag_fail("%s needs --calib: the %s sensitivity is measured on the "
			"calibration samples", o->flash_budget > 0 ? "--flash-budget" :
			o->max_drop >= 0 ? "--max-drop" : "--ram-budget",
			acts ? "activations'" : "layers'");
		return -1;
	}
	if (o->flash_budget > 0 && o->max_drop >= 0) {
		diag_fail("--flash-budget and --max-drop cannot be combined");
		return -1;
	}
	if (o->calib_labels && !alloc) {
		diag_fail("--calib-labels needs --flash-budget, --max-drop or "
			"--ram-budget");
		return -1;
	}
	const char *names[] = {c->opt.passes, c->opt.print_after};
	for (int k = 0; k < 2; k++) {
		const char *s = names[k];
		while (s && *s) {
			size_t n = strcspn(s, ",");
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)n, s);
			if (!(k == 1 && !strcmp(name, "all")) && !pass_lookup(name)) {
				diag_fail("unknown pass '%s'; see qcc --list-passes",
					name);
				return -1;
			}
			s += n + (s[n] == ',');
		}
	}
	return 0;
}

/* --------------------------------------------------------- information */

static void list_ops(void)
{
	printf("IR ops (.g):\n");
	for (int i = 0; i < OP_COUNT; i++) {
		const OpInfo *op = op_info(i);
		char arity[32];
		if (op->max_in < 0)
			snprintf(arity, sizeof arity, "%d+", op->min_in);
		else if (op->min_in == op->max_in)
			snprintf(arity, sizeof arity, "%d", op->min_in);
		else
			snprintf(arity, sizeof arity, "%d-%d", op->min_in, op->max_in);
		printf("%-15s inputs %-4s %s\n", op->name, arity, op->summary);
		if (*op->attr_spec)
			printf("%-15s attrs  %s\n", "", op->attr_spec);
	}
#ifdef QCC_WITH_ONNX
	putchar('\n');
	onnx_list_ops(stdout);
#endif
}

static void list_passes(void)
{
	for (int i = 0; i < pass_count(); i++) {
		const PassInfo *p = pass_at(i);
		printf("%-16s %s%s\n", p->name, p->summary,
			p->in_default ? "" : " (not in the default pipeline)");
	}
}

/* ---------------------------------------------------------------- model */

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcmp(path + n - e, ext) == 0;
}

static Graph *load_model(const char *path, const Cli *c)
{
	if (has_ext(path, ".g") && c->nshapes) {
		diag_fail("--input-shape %s: a .g model's input shapes are static; "
			"--input-shape fixes the symbolic dimensions of an ONNX model's "
			"inputs", c->shapes[0].text);
		return NULL;
	}
	if (has_ext(path, ".g"))
		return parse_file(path);
	if (has_ext(path, ".onnx")) {
#ifdef QCC_WITH_ONNX
		return onnx_load_shaped(path, c->shapes, c->nshapes);
#else
		diag_fail("this qcc was built without ONNX support");
		return NULL;
#endif
	}
	diag_fail("%s: unknown model format; expected a .g or .onnx file", path);
	return NULL;
}

/* ---------------------------------------------------------------- files */

/* The second file -o writes, beside the first (beside its target if -o
 * is a symbolic link, since the first names the second by its base name):
 * "dir/net.g" -> "dir/net.safetensors" with --emit=ir, "m.c" -> "m.h" for
 * C; NULL (and no error) when there is none, as for --emit=ir to a device
 * such as /dev/null (the constants are then all printed inline). */
static int companion_path(Cli *c)
{
	struct stat st;
	if (!c->out || (!c->emit && !has_ext(c->out, ".c")) || (c->emit &&
	    stat(c->out, &st) == 0 && !S_ISREG(st.st_mode)))
		return 0;
	char *t = link_target(c->out);
	const char *out = t && has_ext(t, c->emit ? "" : ".c") ? t : c->out;
	size_t n = strlen(out);
	if (c->emit && has_ext(out, ".g"))
		n -= 2;
	c->out2 = malloc(n + 13);
	if (c->out2 && c->emit)
		snprintf(c->out2, n + 13, "%.*s.safetensors", (int)n, out);
	else if (c->out2)
		snprintf(c->out2, n + 13, "%.*sh", (int)n - 1, out);
	free(t);
	if (!c->out2) {
		diag_fail("out of memory");
		return -1;
	}
	return 0;
}

/* A file a model names (weights, calib), relative to the model's
 * directory (malloc'd), or NULL if w is. */
static char *model_file(const char *w, const char *model)
{
	const char *slash = strrchr(model, '/');
	if (!w)
		return NULL;
	size_t nd = !slash || w[0] == '/' ? 0 :
		slash == model ? 1 : (size_t)(slash - model);
	size_t n = nd + strlen(w) + 2;
	char *p = malloc(n);
	if (p && nd)
		snprintf(p, n, "%.*s/%s", (int)nd, model, w);
	else if (p)
		snprintf(p, n, "%s", w);
	return p;
}

/* Refuses a command whose output is one of its inputs (with weights: the
 * model's weights file only, known after parsing) or another output, and
 * an input that is not a regular file (a FIFO would block). */
static int check_files(const Cli *c, const char *weights)
{
	int nin = 0, nout = 0, r = -1;
	NamedPath *in = calloc(c->ninputs + c->opt.ncalib + c->ndata + 3,
		sizeof *in);
	NamedPath *out = calloc(c->noutputs + 2, sizeof *out);
	if (!in || !out) {
		diag_fail("out of memory");
		goto done;
	}
	if (weights) {
		in[nin++] = (NamedPath){weights, "the model's weights file"};
	} else {
		in[nin++] = (NamedPath){c->model, "the input model"};
		for (int i = 0; i < c->opt.ncalib; i++)
			in[nin++] = (NamedPath){c->opt.calib_paths[i],
				"the --calib file"};
		for (int i = 0; i < c->ninputs; i++)
			in[nin++] = (NamedPath){c->inputs[i], "the --input file"};
		for (int i = 0; i < c->ndata; i++)
			in[nin++] = (NamedPath){c->datas[i], "the --data file"};
		if (c->labels)
			in[nin++] = (NamedPath){c->labels, "the --labels file"};
	}
	for (int i = 0; i < nin; i++)
		if (input_check(in[i].path))
			goto done;
	if (c->out)
		out[nout++] = (NamedPath){c->out, "output"};
	if (c->out2)
		out[nout++] = (NamedPath){c->out2, "output"};
	for (int i = 0; i < c->noutputs; i++)
		out[nout++] = (NamedPath){c->outputs[i], "output"};
	r = outfile_check(in, nin, out, nout);
done:
	free(in);
	free(out);
	return r;
}

/* ------------------------------------------------------------ emit=ir */

/* Writes FILE.g and FILE.safetensors (wpath): every constant with more
 * than WEIGHTS_INLINE_LIMIT elements goes to the weights file, named after
 * its value; the smaller ones, and all without wpath, are printed inline. */
static int emit_ir_files(Graph *g, const char *out, const char *wpath)
{
	NamedTensor *t = calloc(g->nvalues + 1, sizeof *t);
	if (!t) {
		diag_fail("out of memory");
		return -1;
	}
	int n = 0;
	for (int i = 0; i < g->nvalues; i++) {
		Value *v = g->values[i];
		if (v->kind != VAL_CONST)
			continue;
		v->ref = NULL;
		if (!wpath || type_numel(&v->type) <= WEIGHTS_INLINE_LIMIT)
			continue;
		v->ref = v->name;
		t[n] = (NamedTensor){v->name, v->type.elem, v->type.rank, {0},
			v->data};
		memcpy(t[n].dims, v->type.dims, sizeof t[n].dims);
		n++;
	}
	const char *slash = n ? strrchr(wpath, '/') : NULL;
	g->weights_path = n ? arena_strdup(&g->arena, slash ? slash + 1 : wpath)
		: NULL;
	int r = n ? safetensors_write(wpath, t, n) : 0;
	if (r == 0) {
		char *tmp;
		FILE *f = atomic_open(out, &tmp);
		if (f) {
			print_graph(f, g, &(PrintOpts){0});
			r = atomic_commit(f, tmp, out, 1);
		} else {
			r = -1;
		}
	}
	free(t);
	return r;
}

/* A write to standard output failed with err (0: unknown): reported
 * once. */
static int stdout_reported;
static int stdout_error(int err)
{
	if (!stdout_reported)
		diag_fail("cannot write to standard output: %s",
			strerror(err ? err : EIO));
	stdout_reported = 1;
	clearerr(stdout);
	return -1;
}

/* Standard output flushed and checked for any earlier write error. */
static int stdout_check(void)
{
	errno = 0;
	if (!stdout_reported && fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	return stdout_error(errno);
}

static int emit_ir(Graph *g, const Cli *c)
{
	if (c->out)
		return emit_ir_files(g, c->out, c->out2);
	print_graph(stdout, g, &(PrintOpts){0});
	return 0;   /* main checks standard output */
}

/* The default action: code generation. THE place where the C emitter is
 * hooked in (`qcc model.g --calib c.npy -o model.c`). */
static int emit_output(Graph *g, const Cli *c)
{
	if (!c->out || !has_ext(c->out, ".c")) {
		diag_fail("nothing to do: give -o FILE.c (C code) or --emit=ir");
		return -1;
	}
	EmitOptions o = c->cgen;
	o.quantized = c->quantized;
	return emit_c(g, &o, c->out, c->out2);
}

/* ----------------------------------------------------------------- run */

typedef struct {
	Npy a;
	int64_t n;        /* samples */
	int64_t per;      /* elements per sample */
} Batch;

static int load_batch(const char *path, const Value *in, Batch *b)
{
	if (npy_read(path, &b->a))
		return -1;
	if (b->a.rank < 1) {
		diag_fail("%s: expected a batch of samples, got a scalar", path);
		return -1;
	}
	b->n = b->a.dims[0];
	b->per = 1;
	for (int i = 1; i < b->a.rank; i++)
		b->per *= b->a.dims[i];
	int64_t want = type_numel(&in->type);
	char buf[TYPE_STR_MAX];
	if (b->per != want) {
		diag_fail("%s: a sample has %lld elements but input '%s' is %s "
			"(%lld elements)", path, (long long)b->per, in->name,
			type_str(&in->type, buf, sizeof buf), (long long)want);
		return -1;
	}
	if (dtype_is_int(in->type.elem) && b->a.is_float) {
		diag_fail("%s: input '%s' is %s and needs integer data, got "
			"floats", path, in->name, dtype_name(in->type.elem));
		return -1;
	}
	if (dtype_is_int(in->type.elem)) {
		int32_t lo = type_qmin(&in->type), hi = type_qmax(&in->type);
		for (int64_t i = 0; i < b->a.numel; i++) {
			if (b->a.i[i] < lo || b->a.i[i] > hi) {
				diag_fail("%s: element %lld is %lld, out of range "
					"[%d, %d] for input '%s'", path, (long long)i,
					(long long)b->a.i[i], (int)lo, (int)hi, in->name);
				return -1;
			}
		}
	}
	return 0;
}

/* [N] + dims, dropping a leading 1. */
static int out_shape(const Value *v, int64_t n, int64_t *dims, int *rank)
{
	const Type *t = &v->type;
	int skip = t->rank > 0 && t->dims[0] == 1;
	*rank = 1 + t->rank - skip;
	if (*rank > QCC_MAX_RANK) {
		diag_fail("output '%s' has too many dimensions for a batch",
			v->name);
		return -1;
	}
	dims[0] = n;
	for (int i = skip; i < t->rank; i++)
		dims[1 + i - skip] = t->dims[i];
	return 0;
}

/* With verbose, each sample's count of nodes run and skipped (the
 * branches of an If decided at run time) goes to stderr. */
static int run_batches(Graph *g, Batch *b, void **res, int64_t n,
	int nb, int verbose)
{
	Exec *e[EXEC_MAX_BATCH];
	nb = nb < 1 ? EXEC_DEFAULT_BATCH : nb;
	if (nb > n)
		nb = n > 0 ? (int)n : 1;
	for (int j = 0; j < nb; j++)
		e[j] = exec_new(g);
	for (int64_t s0 = 0; s0 < n; s0 += nb) {
		int m = n - s0 < nb ? (int)(n - s0) : nb;
		for (int j = 0; j < m; j++)
			for (int i = 0; i < g->ninputs; i++)
				exec_fill(e[j], g->inputs[i], &b[i].a, s0 + j);
		exec_run_batch(e, m);
		for (int j = 0; j < m; j++) {
			int64_t s = s0 + j;
			if (verbose) {
				int ran, skipped;
				exec_counts(e[j], &ran, &skipped);
				fprintf(stderr, "run: sample %lld: %d nodes run, %d "
					"skipped\n", (long long)s, ran, skipped);
			}
			for (int i = 0; i < g->noutputs; i++) {
				int64_t per = type_numel(&g->outputs[i]->type);
				memcpy((char *)res[i] + s * per * 4,
					exec_buffer(e[j], g->outputs[i]), per * 4);
			}
		}
	}
	for (int j = 0; j < nb; j++)
		exec_free(e[j]);
	return 0;
}

static int run_model(Graph *g, const Cli *c)
{
	if (c->ninputs != g->ninputs || c->noutputs != g->noutputs) {
		diag_fail("the model has %d input%s and %d output%s, but %d "
			"--input and %d --output were given", g->ninputs,
			g->ninputs == 1 ? "" : "s", g->noutputs,
			g->noutputs == 1 ? "" : "s", c->ninputs, c->noutputs);
		return -1;
	}
	int r = -1;
	/* a model without inputs (each ONNX input had an initializer, which
	 * makes it a constant) computes its outputs once */
	int64_t n = g->ninputs ? 0 : 1;
	if (!g->ninputs)
		diag_warning((Loc){0}, "the model has no inputs (an ONNX graph "
			"input with an initializer is a constant); its outputs are "
			"computed once");
	Batch *b = calloc(g->ninputs + 1, sizeof *b);
	void **res = calloc(g->noutputs + 1, sizeof *res);
	if (!b || !res) {
		diag_fail("out of memory");
		goto done;
	}
	for (int i = 0; i < g->ninputs; i++) {
		if (load_batch(c->inputs[i], g->inputs[i], &b[i]))
			goto done;
		if (i > 0 && b[i].n != b[0].n) {
			diag_fail("%s has %lld samples but %s has %lld", c->inputs[i],
				(long long)b[i].n, c->inputs[0], (long long)b[0].n);
			goto done;
		}
		n = b[i].n;
	}
	for (int i = 0; i < g->noutputs; i++) {
		int64_t per = type_numel(&g->outputs[i]->type);
		res[i] = malloc(n * per * 4 + 4);
		if (!res[i]) {
			diag_fail("out of memory for %lld samples", (long long)n);
			goto done;
		}
	}
	if (run_batches(g, b, res, n, c->opt.batch, c->opt.verbose))
		goto done;
	for (int i = 0; i < g->noutputs; i++) {
		int64_t dims[QCC_MAX_RANK];
		int rank;
		const Value *v = g->outputs[i];
		if (out_shape(v, n, dims, &rank))
			goto done;
		int w = v->type.elem == DT_F32 ?
			npy_write_f32(c->outputs[i], res[i], rank, dims) :
			npy_write_i32(c->outputs[i], res[i], rank, dims);
		if (w)
			goto done;
	}
	r = 0;
done:
	for (int i = 0; b && i < g->ninputs; i++)
		npy_free(&b[i].a);
	for (int i = 0; res && i < g->noutputs; i++)
		free(res[i]);
	free(b);
	free(res);
	return r;
}

/* ----------------------------------------------------------------- main */

/* --range bn[:A]: ranges from BatchNorm statistics, data-free when no
 * calibration data is given. */
static int range_is_bn(const char *method)
{
	RangeMethod m;
	return method && range_method_parse(method, &m) == 0 && m.kind == RM_BN;
}

/* A float model whose quantization its quantize/dequantize nodes give (a
 * QDQ ONNX model): the pipeline needs no calibration data (qdq_elim).
 * Dequantized constant weights alone (ONNX Runtime's dynamic quantization)
 * leave the activations to calibration. */
static int qdq_model(const Graph *g)
{
	int dq = 0;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		int op = n->op;
		if (op_has(op, OPF_INT) && op != OP_QUANTIZE && op != OP_DEQUANTIZE)
			return 0;
		dq |= op == OP_QUANTIZE ||
			(op == OP_DEQUANTIZE && n->in[0]->kind != VAL_CONST);
	}
	return dq;
}

/* No value but constants carries q(...): no activation of the model is
 * quantized yet. */
static int float_model(const Graph *g)
{
	for (int i = 0; i < g->nvalues; i++)
		if (g->values[i]->type.q.present && g->values[i]->kind != VAL_CONST)
			return 0;
	return 1;
}

static int qcc(int argc, char **argv)
{
	Cli c = {0};
	c.rounding = -1;
	options_default(&c.opt);
	c.inputs = calloc(argc, sizeof *c.inputs);
	c.outputs = calloc(argc, sizeof *c.outputs);
	c.opt.range_for = calloc(argc, sizeof *c.opt.range_for);
	c.opt.act_bits_for = calloc(argc, sizeof *c.opt.act_bits_for);
	c.opt.calib_paths = calloc(argc, sizeof *c.opt.calib_paths);
	c.datas = calloc(argc, sizeof *c.datas);
	c.shapes = calloc(argc, sizeof *c.shapes);
	c.opt.progress = 1;  /* shown only when stderr is a terminal */
	int r = -1;
	Graph *g = NULL;
	char *calib = NULL;   /* the model's own calibration set */
	if (!c.inputs || !c.outputs || !c.opt.range_for ||
	    !c.opt.act_bits_for || !c.opt.calib_paths ||
	    !c.datas || !c.shapes) {
		diag_fail("out of memory");
		goto done;
	}
	if (parse_args(&c, argc, argv))
		goto done;
	const char *jobs = getenv("QCC_JOBS");
	if (!c.opt.jobs && jobs && *jobs &&
	    parse_int("QCC_JOBS", jobs, 1, QCC_MAX_JOBS, &c.opt.jobs))
		goto done;
	const char *isa = getenv("QCC_FGEMM_ISA");
	if (fgemm_isa_level(isa) < 0) {
		diag_fail("QCC_FGEMM_ISA must be one of " FGEMM_ISA_NAMES
			", got '%s'", isa);
		goto done;
	}
	if (c.help || c.version || c.list_ops || c.list_passes ||
		c.list_targets) {
		if (c.help)
			if ((errno = 0, fputs(usage, stdout)) == EOF)
				stdout_error(errno);
		if (c.version)
			puts("qcc " QCC_VERSION);
		if (c.list_ops)
			list_ops();
		if (c.list_passes)
			list_passes();
		if (c.list_targets)
			emit_list_targets(stdout);
		r = 0;
		goto done;
	}
	c.opt.target = c.cgen.target;
	if (check_args(&c) || companion_path(&c) || check_files(&c, NULL))
		goto done;
	g = load_model(c.model, &c);
	if (!g)
		goto done;
	if (c.rounding >= 0)
		g->rounding = c.rounding;
	char *weights = model_file(g->weights_path, c.model);
	int bad = weights && check_files(&c, weights);
	free(weights);
	if (bad)
		goto done;
	outfile_defer(1);
	if (!c.opt.calib_path && g->calib_path)
		c.opt.calib_path = calib = model_file(g->calib_path, c.model);
	c.opt.data_free = !c.opt.calib_path && range_is_bn(c.opt.range_method);
	if (c.eval) {
		r = eval_model(g, &c.opt, c.datas, c.ndata, c.labels, c.score);
		goto done;
	}
	int quantize = c.opt.calib_path || c.opt.passes || c.opt.data_free ||
		(has_ext(c.model, ".onnx") && qdq_model(g));
	if (c.opt.print_after && !quantize) {
		diag_fail("--print-after: no pass runs on '%s': give --calib, "
			"--passes or --range bn, or name the calibration set in the "
			"model (calib \"FILE.npy\" in .g)", c.model);
		goto done;
	}
	if (quantize && pipeline_run(g, &c.opt))
		goto done;
	c.quantized = quantize;
	if (!quantize && !c.run && !c.emit && float_model(g)) {
		diag_fail("'%s' is a float model and nothing says how to quantize "
			"it: give --calib FILE.npy, name the calibration set in the "
			"model (calib \"FILE.npy\" in .g), or --range bn for data-free "
			"ranges (models with BatchNorm)", c.model);
		goto done;
	}
	if (c.run)
		r = run_model(g, &c);
	else if (c.emit)
		r = emit_ir(g, &c);
	else
		r = emit_output(g, &c);
done:
	if (r == 0 && diag_nerrors == 0)
		r = outfile_publish();
	else
		outfile_discard();
	graph_free(g);
	free(calib);
	free(c.out2);
	free(c.inputs);
	free(c.outputs);
	free(c.opt.range_for);
	free(c.opt.act_bits_for);
	free(c.opt.calib_paths);
	free(c.datas);
	for (int i = 0; c.shapes && i < c.nshapes; i++)
		free((char *)c.shapes[i].name);
	free(c.shapes);
	return r;
}

int main(int argc, char **argv)
{
	/* A file size limit makes a write fail with EFBIG, reported as any
	 * other write error, rather than kill qcc. */
	signal(SIGXFSZ, SIG_IGN);
	op_init();
	int r = qcc(argc, argv);
	if (stdout_check() != 0)
		r = -1;
	return r == 0 && diag_nerrors == 0 ? 0 : 1;
}
