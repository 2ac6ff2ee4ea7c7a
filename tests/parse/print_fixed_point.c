/* print_fixed_point.c - graphs that text cannot produce but an importer or
 * a pass can: a model name that is not an identifier, float attributes with
 * more precision than %.9g keeps (one of them equal to its default once
 * printed), a constant that names an outside tensor without a weights
 * file. print(parse(print(g))) must equal print(g) byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static char *print(const Graph *g, size_t *len)
{
	char *buf;
	FILE *f = open_memstream(&buf, len);
	print_graph(f, g, &(PrintOpts){0});
	fclose(f);
	return buf;
}

int main(void)
{
	Graph *g = graph_new("torch-jit-export");
	Type t = {.elem = DT_F32, .rank = 2, .dims = {1, 3}};
	Value *x = graph_add_input(g, "x", &t, (Loc){0});
	float *k = graph_alloc_data(g, &t);
	k[0] = 0.1f, k[1] = -2, k[2] = 1e-30f;
	Value *c = graph_add_const(g, "k", &t, k, (Loc){0});
	c->ref = "outside.k";   /* no weights file: printed inline */
	Value *in[2] = {x, c};
	Node *a = graph_add_node(g, OP_ADD, in, 2, "a", NULL, (Loc){0});
	shape_infer_node(g, a);
	Node *l = graph_add_node(g, OP_LEAKY_RELU, &a->out, 1, "l", NULL,
		(Loc){0});
	attr_set_float(g, l, "alpha", 0.0100000000001);  /* prints as 0.01 */
	shape_infer_node(g, l);
	Node *cl = graph_add_node(g, OP_CLIP, &l->out, 1, "y", NULL, (Loc){0});
	attr_set_float(g, cl, "max", 0.1000000001);
	shape_infer_node(g, cl);
	graph_mark_output(g, cl->out);

	size_t n1, n2;
	char *t1 = print(g, &n1);
	Graph *h = parse_string("printed.g", t1, n1);
	if (!h) {
		fprintf(stderr, "the printed graph does not parse:\n%s", t1);
		return 1;
	}
	char *t2 = print(h, &n2);
	int ok = n1 == n2 && memcmp(t1, t2, n1) == 0;
	if (!ok)
		fprintf(stderr, "not a fixed point:\n%s----\n%s", t1, t2);
	if (!strstr(t1, "model torch_jit_export\n") ||
	    strstr(t1, "alpha") || !strstr(t1, "clip(l, max=0.1)\n") ||
	    !strstr(t1, "= [0.100000001, -2, 1e-30]")) {
		fprintf(stderr, "unexpected text:\n%s", t1);
		ok = 0;
	}
	free(t1);
	free(t2);
	graph_free(g);
	graph_free(h);
	return ok ? 0 : 1;
}
