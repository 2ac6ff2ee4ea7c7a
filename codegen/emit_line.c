/* emit_line.c - writing generated C: one indented line at a time, blocks,
 * and templates whose placeholders are named rather than positional.
 *
 *   EmitVars v = {0};
 *   emit_var(&v, "fn", fn);
 *   emit_vari(&v, "n", 16);
 *   emit_fill(e, "static void $fn(const int8_t *x)\n{\n"
 *       "\tfor (i = 0; i < $n; i++)\n", &v);
 *
 * `$name` ends at the first character that cannot be in a C identifier;
 * `${name}` is for a name followed by one (`${fn}_w`). A name missing from
 * the values is a compiler bug (assert; without asserts the placeholder is
 * written as it is, which no C compiler accepts). Every line the template
 * starts is indented by e->depth tabs (empty lines are not).
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "emit.h"

static void indent(Emit *e)
{
	for (int i = 0; i < e->depth; i++)
		fputc('\t', e->f);
}

static void vline(Emit *e, const char *fmt, va_list ap)
{
	indent(e);
	vfprintf(e->f, fmt, ap);
	fputc('\n', e->f);
}

void emit_line(Emit *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vline(e, fmt, ap);
	va_end(ap);
}

void emit_open(Emit *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vline(e, fmt, ap);
	va_end(ap);
	e->depth++;
}

void emit_close(Emit *e)
{
	assert(e->depth > 0);
	e->depth--;
	emit_line(e, "}");
}

/* ------------------------------------------------------------ templates */

void emit_var(EmitVars *v, const char *name, const char *val)
{
	size_t len = strlen(val) + 1;
	assert(v->n < EMIT_MAX_VARS && v->used + len <= sizeof v->text);
	v->name[v->n] = name;
	v->val[v->n++] = v->used;
	memcpy(v->text + v->used, val, len);
	v->used += (int)len;
}

void emit_vari(EmitVars *v, const char *name, long long val)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", val);
	emit_var(v, name, buf);
}

static const char *lookup(const EmitVars *v, const char *name, size_t len)
{
	for (int i = 0; i < v->n; i++)
		if (strlen(v->name[i]) == len && !memcmp(v->name[i], name, len))
			return v->text + v->val[i];
	return NULL;
}

static int ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

void emit_fill(Emit *e, const char *tmpl, const EmitVars *v)
{
	int line_start = 1;
	for (const char *s = tmpl; *s;) {
		if (line_start && *s != '\n')
			indent(e);
		line_start = 0;
		if (*s != '$') {
			line_start = *s == '\n';
			fputc(*s++, e->f);
			continue;
		}
		int braced = s[1] == '{';
		const char *name = s + 1 + braced, *end = name;
		while (ident_char(*end))
			end++;
		assert(end > name && (!braced || *end == '}'));
		const char *val = lookup(v, name, end - name);
		assert(val && "template placeholder without a value");
		/* without asserts, the placeholder stays: the C does not compile */
		if (val)
			fputs(val, e->f);
		else
			fwrite(s, 1, end + braced - s, e->f);
		s = end + braced;
	}
}
