/* check.c - model checks made once a model is read: weights quantization
 * cannot represent, and the memory the model's tensors need.
 *
 *   weights  every f32 constant a node uses is finite (a NaN or an infinity
 *            has no integer image), and a batchnorm variance is >= 0; zero
 *            and denormal values are legal
 *   memory   the bytes of every tensor of the graph (inputs, constants,
 *            node outputs: what the interpreter allocates for one sample)
 *            stay within graph_mem_limit, so a graph whose pads or
 *            broadcasts blow up fails here rather than in malloc
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "ir.h"

int64_t graph_mem_limit = GRAPH_MEM_LIMIT_DEFAULT;

int graph_mem_limit_parse(const char *s, int64_t *bytes)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	int shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (errno || end == s || *end || v <= 0 || v > (INT64_MAX >> shift))
		return -1;
	*bytes = (int64_t)v << shift;
	return 0;
}

/* The first element of an f32 constant that is NaN or infinite, or -1. */
static int64_t first_nonfinite(const Value *v)
{
	const float *d = v->data;
	int64_t n = type_numel(&v->type);
	for (int64_t i = 0; i < n; i++)
		if (!isfinite(d[i]))
			return i;
	return -1;
}

static int check_const(const Value *v)
{
	int64_t i = first_nonfinite(v);
	if (i < 0)
		return 0;
	float x = ((const float *)v->data)[i];
	diag_error(v->loc, "constant '%s' element %lld is %s", v->name,
		(long long)i, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
	return -1;
}

static int check_variance(const Value *v)
{
	const float *d = v->data;
	int64_t n = type_numel(&v->type);
	for (int64_t i = 0; i < n; i++) {
		if (d[i] < 0) {
			diag_error(v->loc, "constant '%s' element %lld is %.9g; a "
				"batchnorm variance cannot be negative", v->name,
				(long long)i, d[i]);
			return -1;
		}
	}
	return 0;
}

int graph_check_weights(const Graph *g)
{
	char *seen = calloc(g->nvalues ? g->nvalues : 1, 1);
	if (!seen) {
		diag_fail("out of memory checking the weights");
		return -1;
	}
	int bad = 0;
	for (int k = 0; k < g->nnodes; k++) {
		const Node *n = g->nodes[k];
		for (int i = 0; !n->dead && i < n->nin; i++) {
			const Value *v = n->in[i];
			if (!v || v->kind != VAL_CONST || v->type.elem != DT_F32 ||
			    seen[v->id])
				continue;
			seen[v->id] = 1;
			if (check_const(v) < 0 || (n->op == OP_BATCHNORM &&
					i == 4 && check_variance(v) < 0))
				bad = 1;
		}
	}
	free(seen);
	return bad ? -1 : 0;
}

int graph_check_memory(const Graph *g)
{
	int64_t total = 0;
	for (int i = 0; i < g->nvalues; i++) {
		const Value *v = g->values[i];
		if (v->kind == VAL_NODE && v->def->dead)
			continue;
		int64_t bytes = type_numel(&v->type) * 4;
		total += bytes;
		if (total <= graph_mem_limit)
			continue;
		char buf[TYPE_STR_MAX];
		diag_error(v->loc, "'%s' (%s, %lld bytes) takes the model's "
			"tensors to %lld bytes, over the limit of %lld bytes "
			"(--max-memory raises it)", v->name,
			type_str(&v->type, buf, sizeof buf), (long long)bytes,
			(long long)total, (long long)graph_mem_limit);
		return -1;
	}
	return 0;
}
