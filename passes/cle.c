/* cle.c - cross-layer equalization (Nagel et al. 2019), high-bias absorption.
 *
 * requires: a float graph after fold_bn and fuse; f32 weights and biases used
 *   by one node each.
 * guarantees: for each conv2d/dense pair A -> B joined by positively
 *   homogeneous ops (A's clamp [0 or -inf, ...]; OPF_POS_HOMOG in ops.def:
 *   relu, maxpool2d, avgpool2d, global_avgpool, a flatten), output channel
 *   c of A is divided by s_c and input channel c of B multiplied by it,
 *   swept over chains until every s_c is 1 within 1e-6 (new constants
 *   `W_cle`). The float function is kept, except: A's clamp [0, 6] would
 *   become [0, 6 / s_c] per channel, which the IR cannot hold, so it becomes
 *   [0, max_c 6 / s_c]; and high-bias absorption.
 * maths: s_c = sqrt(rA_c rB_c) / rB_c, r a channel's max |w|: both end at
 *   sqrt(rA_c rB_c). Absorption (relu, BatchNorm statistics, B dense or
 *   unpadded): max(0, beta - 3|gamma|) moves from A's bias through B's
 *   weights into B's bias; exact while A's pre-activation stays above it.
 */
#include <math.h>
#include <string.h>

#include "ir.h"

#define MAX_SWEEPS 500
#define CONVERGED 1e-6

/* One conv2d or dense with its weights in double while they are rescaled. */
typedef struct {
	Node *n;
	double *w, *b;      /* b NULL without a bias */
	int64_t numel;
	int64_t oc;         /* output channels */
	int64_t icg;        /* input channels per group (conv) or K (dense) */
	int64_t groups;
	int64_t ksz;        /* kh * kw (conv), 1 (dense) */
	int trans;          /* dense with [K, M] weights */
	double *oscale;     /* output channel c was multiplied by oscale[c] */
	double *absorbed;   /* bias moved out of channel c */
	int changed;
} Layer;

typedef struct {
	Layer *a, *b;
	int64_t nc;         /* channels between them */
	int64_t flat;       /* b's input elements per channel (flatten) */
	int relaxed;        /* a's upper bound must be dropped */
	int changed;        /* some s_c != 1 */
	int absorb;         /* the path lets a bias shift through */
} Pair;

static int is_f32_const(const Value *v)
{
	return v && v->kind == VAL_CONST && v->data && v->type.elem == DT_F32 &&
		!v->type.q.present && v->nuse == 1;
}

/* The Layer of node n, made on first use (kept in n->out->aux). */
static Layer *layer_of(Graph *g, Node *n)
{
	if (n->out->aux)
		return n->out->aux;
	Value *w = n->in[1], *b = n->nin > 2 ? n->in[2] : NULL;
	if (!is_f32_const(w) || (b && !is_f32_const(b)) || n->out->type.q.present)
		return NULL;
	Layer *l = arena_alloc(&g->arena, sizeof *l);
	l->n = n;
	l->numel = type_numel(&w->type);
	if (n->op == OP_CONV2D) {
		if (w->type.rank != 4)
			return NULL;
		l->oc = w->type.dims[0];
		l->icg = w->type.dims[1];
		l->ksz = w->type.dims[2] * w->type.dims[3];
		l->groups = attr_int(n, "groups");
	} else {
		if (w->type.rank != 2)
			return NULL;
		l->trans = attr_int(n, "trans_w") == 0;
		l->oc = w->type.dims[l->trans ? 1 : 0];
		l->icg = w->type.dims[l->trans ? 0 : 1];
		l->ksz = 1;
		l->groups = 1;
	}
	if (l->oc <= 0 || l->groups <= 0 || l->oc % l->groups)
		return NULL;
	l->w = arena_alloc(&g->arena, l->numel * sizeof *l->w);
	for (int64_t i = 0; i < l->numel; i++)
		l->w[i] = ((const float *)w->data)[i];
	if (b) {
		l->b = arena_alloc(&g->arena, l->oc * sizeof *l->b);
		for (int64_t i = 0; i < l->oc; i++)
			l->b[i] = ((const float *)b->data)[i];
	}
	l->oscale = arena_alloc(&g->arena, l->oc * sizeof *l->oscale);
	l->absorbed = arena_alloc(&g->arena, l->oc * sizeof *l->absorbed);
	for (int64_t c = 0; c < l->oc; c++)
		l->oscale[c] = 1;
	n->out->aux = l;
	return l;
}

/* Index of weight (o, k) where k runs over one output channel's inputs. */
static int64_t widx(const Layer *l, int64_t o, int64_t k)
{
	return l->trans ? k * l->oc + o : o * l->icg * l->ksz + k;
}

/* max |w| of output channel o. */
static double out_range(const Layer *l, int64_t o)
{
	double r = 0;
	for (int64_t k = 0; k < l->icg * l->ksz; k++)
		r = fmax(r, fabs(l->w[widx(l, o, k)]));
	return r;
}

static void out_scale(Layer *l, int64_t o, double f)
{
	for (int64_t k = 0; k < l->icg * l->ksz; k++)
		l->w[widx(l, o, k)] *= f;
	if (l->b)
		l->b[o] *= f;
	l->oscale[o] *= f;
}

/* The weights of input channel c of l (flat elements each): visits every
 * (output channel, weight index) pair. Returns the max |w|, and multiplies
 * them by f when f != 1, or adds their sum times shift to the bias when
 * shift != 0. */
static double in_channel(Layer *l, int64_t c, int64_t flat, double f,
	double shift)
{
	double r = 0;
	int64_t per = l->icg / flat;        /* channels per group */
	int64_t g = c / per, j = (c % per) * flat;
	int64_t ocg = l->oc / l->groups;
	for (int64_t o = g * ocg; o < (g + 1) * ocg; o++) {
		double sum = 0;
		for (int64_t e = j * l->ksz; e < (j + flat) * l->ksz; e++) {
			double *w = &l->w[widx(l, o, e)];
			r = fmax(r, fabs(*w));
			*w *= f;
			sum += *w;
		}
		if (shift != 0)
			l->b[o] += sum * shift;
	}
	return r;
}

/* The single node reading v, or NULL. */
static Node *only_user(Graph *g, const Value *v)
{
	if (v->nuse != 1 || v->is_output)
		return NULL;
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		for (int i = 0; !n->dead && i < n->nin; i++)
			if (n->in[i] == v)
				return n;
	}
	return NULL;
}

/* A flatten or reshape of [N, C, ...] into [N, C * ...]: channel c becomes
 * a run of consecutive columns. */
static int flattens(const Node *u)
{
	const Type *in = &u->in[0]->type, *out = &u->out->type;
	if (in->rank < 2 || out->rank != 2 || out->dims[0] != in->dims[0])
		return 0;
	return op_attr_index(u->op, "axis") < 0 || attr_int(u, "axis") == 1;
}

/* The layer B that A's output reaches through homogeneous ops; fills p. */
static int find_pair(Graph *g, Layer *a, Pair *p)
{
	double lo = attr_float(a->n, "act_min"), hi = attr_float(a->n, "act_max");
	if ((lo != 0 && lo != -INFINITY) || (lo == -INFINITY && hi != INFINITY))
		return 0;
	memset(p, 0, sizeof *p);
	p->a = a;
	p->nc = a->oc;
	p->absorb = lo == 0;
	Value *v = a->n->out;
	for (;;) {
		Node *u = only_user(g, v);
		if (!u || u->in[0] != v)
			return 0;
		if (op_has(u->op, OPF_LAYER)) {
			Layer *b = layer_of(g, u);
			if (!b || b->icg * b->groups % a->oc)
				return 0;
			p->b = b;
			p->flat = b->icg * b->groups / a->oc;
			if (p->flat != 1 && u->op != OP_DENSE)
				return 0;
			if (u->op == OP_CONV2D) {
				int np;
				const int64_t *pad = attr_ints(u, "pad", &np);
				for (int i = 0; i < np; i++)
					if (pad[i])
						p->absorb = 0;
			}
			p->absorb &= b->b != NULL;
			p->relaxed = hi != INFINITY;
			return 1;
		}
		if (!op_has(u->op, OPF_POS_HOMOG) ||
		    (op_has(u->op, OPF_VIEW) && !flattens(u)))
			return 0;
		if (op_attr_index(u->op, "count_include_pad") >= 0 &&
		    attr_int(u, "count_include_pad"))
			p->absorb = 0;  /* padding zeros shift the mean */
		v = u->out;
	}
}

/* One equalization step of a pair; returns the largest |log s_c|. */
static double equalize(Pair *p)
{
	double worst = 0;
	for (int64_t c = 0; c < p->nc; c++) {
		double r1 = out_range(p->a, c);
		double r2 = in_channel(p->b, c, p->flat, 1, 0);
		if (r1 <= 0 || r2 <= 0)
			continue;
		double s = sqrt(r1 * r2) / r2;
		if (s == 1)
			continue;
		out_scale(p->a, c, 1 / s);
		in_channel(p->b, c, p->flat, s, 0);
		worst = fmax(worst, fabs(log(s)));
		p->changed = p->a->changed = p->b->changed = 1;
	}
	return worst;
}

/* Moves max(0, beta - 3|gamma|) of A's bias into B's. */
static void absorb_high_bias(Pair *p)
{
	int nb, ng;
	const double *beta = attr_floats(p->a->n, "bn_beta", &nb);
	const double *gamma = attr_floats(p->a->n, "bn_gamma", &ng);
	if (!p->absorb || !p->a->b || nb != p->nc || ng != p->nc)
		return;
	for (int64_t c = 0; c < p->nc; c++) {
		double f = p->a->oscale[c];
		double shift = fmax(0, f * (beta[c] - 3 * fabs(gamma[c])));
		if (shift <= 0)
			continue;
		p->a->b[c] -= shift;
		p->a->absorbed[c] += shift;
		in_channel(p->b, c, p->flat, 1, shift);
		p->a->changed = p->b->changed = 1;
	}
}

/* bn_beta/bn_gamma describe the output's mean and spread: they follow the
 * channel scales and the absorbed bias. */
static void rescale_bn_stats(Graph *g, Layer *l)
{
	int nb, ng;
	const double *beta = attr_floats(l->n, "bn_beta", &nb);
	const double *gamma = attr_floats(l->n, "bn_gamma", &ng);
	if (nb != l->oc || ng != l->oc)
		return;
	double *nbeta = arena_alloc(&g->arena, nb * sizeof *nbeta);
	double *ngamma = arena_alloc(&g->arena, ng * sizeof *ngamma);
	for (int64_t c = 0; c < l->oc; c++) {
		nbeta[c] = beta[c] * l->oscale[c] - l->absorbed[c];
		ngamma[c] = gamma[c] * l->oscale[c];
	}
	attr_set_floats(g, l->n, "bn_beta", nbeta, nb);
	attr_set_floats(g, l->n, "bn_gamma", ngamma, ng);
}

/* A new constant `NAME_cle` holding d, or old itself if d rounds to it. */
static Value *new_const(Graph *g, Value *old, const double *d)
{
	int64_t n = type_numel(&old->type);
	int64_t i = 0;
	while (i < n && (float)d[i] == ((const float *)old->data)[i])
		i++;
	if (i == n)
		return old;
	char base[256];
	snprintf(base, sizeof base, "%s_cle", old->name);
	Value *v = graph_add_const(g, graph_fresh_name(g, base), &old->type,
		graph_alloc_data(g, &old->type), old->loc);
	for (i = 0; i < n; i++)
		((float *)v->data)[i] = (float)d[i];
	return v;
}

/* Writes a changed layer's weights back as new constants. */
static void commit(Graph *g, Layer *l)
{
	Node *n = l->n;
	rescale_bn_stats(g, l);
	node_set_input(n, 1, new_const(g, n->in[1], l->w));
	if (l->b)
		node_set_input(n, 2, new_const(g, n->in[2], l->b));
}

/* A's clamp [0, hi] would become [0, hi * f_c] per channel (f_c the
 * channel's scale); the IR has one bound, so it becomes the loosest,
 * hi * max f_c: exact for values below a channel's own bound, and never
 * clipping what the original kept. */
static void relax(Graph *g, Layer *a, const Options *o)
{
	double hi = attr_float(a->n, "act_max"), f = 0;
	for (int64_t c = 0; c < a->oc; c++)
		f = fmax(f, a->oscale[c]);
	attr_set_float(g, a->n, "act_max", hi * f);
	if (o->verbose)
		fprintf(stderr, "cle: %s: clamp [0, %g] relaxed to [0, %g]\n",
			a->n->out->name, hi, hi * f);
}

int pass_cle(Graph *g, const Options *o)
{
	/* 1. collect the pairs */
	Pair *pairs = arena_alloc(&g->arena, (g->nnodes + 1) * sizeof *pairs);
	int npairs = 0;
	for (int k = 0; k < g->nnodes; k++)
		g->nodes[k]->out->aux = NULL;
	for (int k = 0; k < g->nnodes; k++) {
		Node *n = g->nodes[k];
		if (n->dead || !op_has(n->op, OPF_LAYER))
			continue;
		Layer *a = layer_of(g, n);
		if (a && find_pair(g, a, &pairs[npairs]))
			npairs++;
	}
	/* 2. sweep until the scales settle */
	int sweep;
	double worst = 0;
	for (sweep = 0; sweep < MAX_SWEEPS; sweep++) {
		worst = 0;
		for (int i = 0; i < npairs; i++)
			worst = fmax(worst, equalize(&pairs[i]));
		if (worst < CONVERGED)
			break;
	}
	/* 3. relax bounded clamps, absorb high biases, write back */
	for (int i = 0; i < npairs; i++) {
		if (pairs[i].relaxed && pairs[i].changed)
			relax(g, pairs[i].a, o);
	}
	for (int i = 0; i < npairs; i++)
		if (attr_float(pairs[i].a->n, "act_max") == INFINITY)
			absorb_high_bias(&pairs[i]);
	for (int k = 0; k < g->nnodes; k++) {
		Layer *l = g->nodes[k]->out->aux;
		if (l && l->changed)
			commit(g, l);
		g->nodes[k]->out->aux = NULL;
	}
	if (o->verbose)
		fprintf(stderr, "cle: %d pair%s, %d sweep%s, last max |log s| %g\n",
			npairs, npairs == 1 ? "" : "s", sweep + 1, sweep ? "s" : "",
			worst);
	graph_compact(g);
	return 0;
}
