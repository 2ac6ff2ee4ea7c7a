/* fuzz_g.c - fuzzes the `.g` reader (lexer, parser, verifier, weights
 * references) and the printer: every graph that parses must print to a
 * canonical text that is a fixed point of print(parse(.)).
 *
 * The source is parsed as `fuzz.g` in a private directory that also holds
 * `weights.safetensors` (a copy of QCC_FUZZ_WEIGHTS), so `weights` and `@ref`
 * statements reach the safetensors reader. Inputs with a string that could
 * name a file outside that directory (an absolute path or `..`) are skipped:
 * a weights path such as a FIFO or /dev/stdin would block the run, not find
 * a bug. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static char path[128];

static void setup(void)
{
	const char *dir = fuzz_init();
	snprintf(path, sizeof path, "%s/fuzz.g", dir);
	FILE *in = fopen(QCC_FUZZ_WEIGHTS, "rb");
	if (!in)
		fuzz_bug("cannot open %s", QCC_FUZZ_WEIGHTS);
	uint8_t buf[1 << 14];
	size_t n = fread(buf, 1, sizeof buf, in);
	fclose(in);
	if (!fuzz_write("weights.safetensors", buf, n))
		fuzz_bug("cannot copy %s", QCC_FUZZ_WEIGHTS);
}

/* Whether a string literal (scanned as the lexer does) is an absolute path
 * or holds `..`. Strings in comments count too: harmless. */
static int escapes_dir(const uint8_t *data, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		if (data[i] != '"')
			continue;
		size_t j = i + 1;
		if (j < size && data[j] == '/')
			return 1;
		for (; j < size && data[j] != '"' && data[j] != '\n'; j++) {
			if (data[j] == '\\')
				j++;
			else if (data[j] == '.' && j + 1 < size && data[j + 1] == '.')
				return 1;
		}
		i = j;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!path[0])
		setup();
	if (escapes_dir(data, size))
		return 0;
	Graph *g = parse_string(path, (const char *)data, size);
	if (!g)
		return 0;
	fuzz_check_roundtrip(g, path);
	graph_free(g);
	return 0;
}
