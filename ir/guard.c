/* guard.c - the nodes a run may skip. A where (or qwhere) whose condition
 * has one element takes all of one input and none of the other: that is
 * how an ONNX If decided at run time imports (docs/onnx.md). A node whose
 * output is read, directly or through other such nodes, only by the then
 * input (or only by the else input) of such a where runs only when the
 * condition says so; the interpreter, the simulator and the generated C
 * skip it otherwise. Computed from the graph alone, after any pass, so
 * that no pass has to carry it.
 */
#include <stdlib.h>

#include "ir.h"

enum { NEED_NONE, NEED_ALWAYS, NEED_GUARD };

typedef struct {
	int kind;
	const Value *cond;
	int when;
} Need;

static int selects_all(const Node *n)
{
	return (n->op == OP_WHERE || n->op == OP_QWHERE) && n->nin == 3 &&
		n->in[0] && type_numel(&n->in[0]->type) == 1;
}

static void merge(Need *to, Need from)
{
	if (from.kind == NEED_NONE || to->kind == NEED_ALWAYS)
		return;
	if (to->kind == NEED_NONE)
		*to = from;
	else if (from.kind == NEED_ALWAYS || from.cond != to->cond ||
		 from.when != to->when)
		to->kind = NEED_ALWAYS;
}

void graph_guards(const Graph *g, Guard *guard)
{
	Need *need = calloc(g->nvalues ? g->nvalues : 1, sizeof *need);
	int *at = malloc((g->nvalues ? g->nvalues : 1) * sizeof *at);
	if (!need || !at)
		abort();
	for (int i = 0; i < g->nvalues; i++)
		at[i] = -1;
	for (int k = 0; k < g->nnodes; k++)
		if (!g->nodes[k]->dead)
			at[g->nodes[k]->out->id] = k;
	for (int i = 0; i < g->noutputs; i++)
		need[g->outputs[i]->id].kind = NEED_ALWAYS;
	for (int k = g->nnodes - 1; k >= 0; k--) {
		const Node *n = g->nodes[k];
		guard[k].cond = NULL;
		guard[k].when = 0;
		if (n->dead)
			continue;
		Need self = need[n->out->id];
		/* a condition produced after node k cannot guard it */
		if (self.kind == NEED_GUARD && at[self.cond->id] < k) {
			guard[k].cond = self.cond;
			guard[k].when = self.when;
		} else if (self.kind == NEED_GUARD) {
			self.kind = NEED_ALWAYS;
		}
		for (int i = 0; i < n->nin; i++) {
			if (!n->in[i])
				continue;
			Need from = self;
			if (selects_all(n) && i > 0 && self.kind == NEED_ALWAYS) {
				from.kind = NEED_GUARD;
				from.cond = n->in[0];
				from.when = i == 1;
			}
			merge(&need[n->in[i]->id], from);
		}
	}
	free(need);
	free(at);
}
