/* mutate.c - runs a fuzz harness over mutated copies of files, without
 * libFuzzer, in bounded time: for each file (a directory is searched for
 * `model.onnx` files and `*.onnx` files, recursively, in name order) the
 * file itself, then N mutants made with a fixed seed:
 *   - 1 to 8 random bytes replaced,
 *   - the file truncated at a random length,
 *   - a random run of bytes copied over another place,
 *   - a random byte set to 0x80 or 0xff (a varint that does not end, a
 *     length past the end).
 * A crash or a sanitizer report fails it (run it in the -DQCC_SANITIZE=ON
 * build to make that strict); the harness checks what it checks for every
 * input (for ONNX: the import, the print/parse fixed point, the float run).
 *
 *   fuzz_mutate_onnx [--mutants N] [--seed S] FILE_OR_DIR...
 *
 * Its own messages go to stdout: the harness silences stderr. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static uint64_t state;
static int nmutants = 16, nfiles;

/* xorshift64*: the same mutants on every run and machine. */
static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 2685821657736338717ULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(next() % n) : 0;
}

/* One mutant of the n bytes in, into out (capacity n); its length. */
static size_t mutant(const uint8_t *in, size_t n, uint8_t *out)
{
	memcpy(out, in, n);
	switch (next() % 4) {
	case 0:
		for (int k = 1 + (int)below(8); k > 0 && n; k--)
			out[below(n)] = (uint8_t)next();
		return n;
	case 1:
		return below(n);
	case 2: {
		size_t len = 1 + below(32), from = below(n), to = below(n);
		for (size_t i = 0; i < len && from + i < n && to + i < n; i++)
			out[to + i] = in[from + i];
		return n;
	}
	default:
		if (n)
			out[below(n)] = next() & 1 ? 0xff : 0x80;
		return n;
	}
}

static uint8_t *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16;
	uint8_t *buf = malloc(cap);
	*n = 0;
	while (buf) {
		*n += fread(buf + *n, 1, cap - *n, f);
		if (*n < cap)
			break;
		uint8_t *nb = realloc(buf, cap *= 2);
		if (!nb)
			free(buf);
		buf = nb;
	}
	fclose(f);
	return buf;
}

/* The file and its mutants, each in a buffer of exactly its length (so
 * that reading past the input is caught). */
static int run_file(const char *path)
{
	size_t n;
	uint8_t *in = read_all(path, &n);
	uint8_t *tmp = in ? malloc(n ? n : 1) : NULL;
	if (!tmp) {
		printf("mutate: cannot read %s\n", path);
		free(in);
		return -1;
	}
	printf("mutate: %s\n", path);
	fflush(stdout);
	for (int m = 0; m <= nmutants; m++) {
		size_t len = m ? mutant(in, n, tmp) : (memcpy(tmp, in, n), n);
		uint8_t *data = malloc(len ? len : 1);
		if (!data)
			break;
		memcpy(data, tmp, len);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	free(tmp);
	free(in);
	nfiles++;
	return 0;
}

static int wanted(const char *name)
{
	size_t len = strlen(name);
	return len > 5 && !strcmp(name + len - 5, ".onnx");
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		printf("mutate: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	struct dirent **ents;
	int n = scandir(path, &ents, NULL, by_name), err = 0;
	for (int k = 0; k < n; k++) {
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", path, ents[k]->d_name);
		if (ents[k]->d_name[0] != '.' && stat(p, &st) == 0 &&
		    (S_ISDIR(st.st_mode) || wanted(ents[k]->d_name)))
			err |= run_path(p);
		free(ents[k]);
	}
	free(ents);
	return n < 0 ? -1 : err;
}

int main(int argc, char **argv)
{
	int err = 0, i = 1;
	state = 0x9e3779b97f4a7c15ULL;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "--mutants"))
			nmutants = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--seed"))
			state ^= strtoull(argv[i + 1], NULL, 10);
		else
			break;
	}
	if (i >= argc || nmutants < 0) {
		printf("usage: fuzz_mutate_onnx [--mutants N] [--seed S] "
			"FILE_OR_DIR...\n");
		return 2;
	}
	for (; i < argc; i++)
		err |= run_path(argv[i]);
	printf("mutate: %d files, %d mutants each\n", nfiles, nmutants);
	return err || !nfiles ? 1 : 0;
}
