/* replay.c - runs a fuzz harness over files, without libFuzzer: each
 * argument is a file or a directory whose regular files are run in name
 * order. Used by the default test suite so that every input in
 * tests/fuzz/corpus keeps passing; a crash or a sanitizer report fails it.
 * Its own messages go to stdout: the harness silences stderr. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("replay: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	for (;;) {
		if (!buf)
			break;
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		uint8_t *nb = realloc(buf, cap * 2);
		if (!nb)
			free(buf);
		buf = nb;
		cap *= 2;
	}
	int bad = !buf || ferror(f);
	fclose(f);
	if (bad) {
		printf("replay: cannot read %s\n", path);
		free(buf);
		return -1;
	}
	/* A copy of exactly n bytes, so reading past the input is caught. */
	uint8_t *data = malloc(n ? n : 1);
	if (!data) {
		free(buf);
		return -1;
	}
	memcpy(data, buf, n);
	free(buf);
	fprintf(stdout, "replay: %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
	int nrun = 0, err = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			printf("replay: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			err |= run_file(argv[i]);
			nrun++;
			continue;
		}
		struct dirent **ents;
		int n = scandir(argv[i], &ents, NULL, by_name);
		if (n < 0) {
			printf("replay: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		for (int k = 0; k < n; k++) {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", argv[i], ents[k]->d_name);
			if (ents[k]->d_name[0] != '.' && stat(p, &st) == 0 &&
			    S_ISREG(st.st_mode)) {
				err |= run_file(p);
				nrun++;
			}
			free(ents[k]);
		}
		free(ents);
	}
	printf("replay: %d inputs\n", nrun);
	if (nrun == 0) {
		printf("replay: no inputs\n");
		return 1;
	}
	return err ? 1 : 0;
}
