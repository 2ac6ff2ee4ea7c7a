/* diag.c - diagnostics: `file:line:col: error: msg`, the source line and a
 * caret under the column when the source text is known, else
 * `qcc: error: msg`. Messages are lower case with no final period. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int diag_nerrors;

typedef struct {
	char *file;
	char *text;
	size_t len;
} Source;

static Source *sources;
static int nsources;

/* A file registered again (the same path parsed twice) replaces its text, so
 * a long-running caller does not accumulate copies. */
void diag_add_source(const char *file, const char *text, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return;
	memcpy(copy, text, len);
	copy[len] = 0;
	for (int i = 0; i < nsources; i++) {
		if (strcmp(sources[i].file, file) == 0) {
			free(sources[i].text);
			sources[i].text = copy;
			sources[i].len = len;
			return;
		}
	}
	Source *s = realloc(sources, (nsources + 1) * sizeof *s);
	char *name = strdup(file);
	if (!s || !name) {
		free(copy);
		free(name);
		if (s)
			sources = s;
		return;
	}
	sources = s;
	s = &sources[nsources++];
	s->file = name;
	s->text = copy;
	s->len = len;
}

/* The text of line `line` of `file`, or NULL; *n gets its length. */
static const char *source_line(const char *file, int line, size_t *n)
{
	for (int i = nsources - 1; i >= 0; i--) {
		if (strcmp(sources[i].file, file) != 0)
			continue;
		const char *p = sources[i].text, *end = p + sources[i].len;
		for (int l = 1; l < line && p < end; l++) {
			const char *nl = memchr(p, '\n', end - p);
			if (!nl)
				return NULL;
			p = nl + 1;
		}
		const char *e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		*n = e - p;
		return p;
	}
	return NULL;
}

static void report(const char *kind, Loc loc, const char *fmt, va_list ap)
{
	if (loc.file && loc.line > 0)
		fprintf(stderr, "%s:%d:%d: %s: ", loc.file, loc.line, loc.col, kind);
	else if (loc.file)
		fprintf(stderr, "%s: %s: ", loc.file, kind);
	else
		fprintf(stderr, "qcc: %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);

	size_t n;
	const char *text = loc.file && loc.line > 0 ?
		source_line(loc.file, loc.line, &n) : NULL;
	if (!text)
		return;
	fprintf(stderr, "  %.*s\n  ", (int)n, text);
	for (int i = 1; i < loc.col && (size_t)i <= n; i++)
		fputc(text[i - 1] == '\t' ? '\t' : ' ', stderr);
	fputs("^\n", stderr);
}

void diag_error(Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("error", loc, fmt, ap);
	va_end(ap);
	diag_nerrors++;
}

void diag_warning(Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("warning", loc, fmt, ap);
	va_end(ap);
}

void diag_note(Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("note", loc, fmt, ap);
	va_end(ap);
}

void diag_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("error", (Loc){0}, fmt, ap);
	va_end(ap);
	diag_nerrors++;
}
