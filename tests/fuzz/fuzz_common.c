/* fuzz_common.c - the private directory, silenced diagnostics and the
 * print/parse fixed-point check shared by the harnesses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char dir[64];
static FILE *real_stderr;

static void remove_dir(void)
{
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(real_stderr, "fuzz: cannot remove %s\n", dir);
}

const char *fuzz_init(void)
{
	if (dir[0])
		return dir;
	real_stderr = stderr;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/qcc-fuzz-XXXXXX",
		tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(remove_dir);
	/* qcc writes diagnostics through the stdio stream `stderr`; pointing
	 * it at /dev/null (glibc lets it be assigned) silences them while the
	 * sanitizers and libFuzzer keep writing to file descriptor 2. */
#ifdef __GLIBC__
	FILE *null = fopen("/dev/null", "w");
	if (null && !getenv("QCC_FUZZ_VERBOSE"))
		stderr = null;
#endif
	return dir;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", fuzz_init(), name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return NULL;
	size_t n = size ? fwrite(data, 1, size, f) : 0;
	if (fclose(f) != 0 || n != size)
		return NULL;
	return path;
}

void fuzz_bug(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz: ", real_stderr ? real_stderr : stderr);
	vfprintf(real_stderr ? real_stderr : stderr, fmt, ap);
	fputc('\n', real_stderr ? real_stderr : stderr);
	va_end(ap);
	abort();
}

/* The canonical text of g, malloc'd; *len gets its length. */
static char *print_text(const Graph *g, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	if (!f)
		fuzz_bug("open_memstream failed");
	PrintOpts o = {0};
	print_graph(f, g, &o);
	if (fclose(f) != 0)
		fuzz_bug("cannot print the graph");
	return text;
}

void fuzz_check_roundtrip(const Graph *g, const char *path)
{
	size_t n1, n2;
	char *t1 = print_text(g, &n1);
	Graph *g2 = parse_string(path, t1, n1);
	if (!g2)
		fuzz_bug("the printed graph does not parse:\n%s", t1);
	char *t2 = print_text(g2, &n2);
	graph_free(g2);
	if (n1 != n2 || memcmp(t1, t2, n1) != 0)
		fuzz_bug("print(parse(print(g))) != print(g):\n%s\n"
			"---- reprinted ----\n%s", t1, t2);
	free(t1);
	free(t2);
}
