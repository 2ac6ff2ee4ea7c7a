/* onnx_pattern.c - the patterns exporters write for one op, recognised on
 * a graph's ONNX nodes before they are imported: LayerNormalization as
 * torch.onnx.export writes it before opset 17 (ReduceMean, Sub, Pow,
 * ReduceMean, Add, Sqrt, Div, then Mul and Add for the scale and bias)
 * becomes layernorm; GELU in its erf form (Div by sqrt 2, Erf, Add 1, Mul
 * by x and by 1/2) and its tanh form (x + 0.044715 x^3, times
 * sqrt(2/pi), Tanh, Add 1, Mul by x and 1/2) becomes gelu; x * Sigmoid(x)
 * silu; x * HardSigmoid(x) (alpha 1/6) and x * relu6(x + 3) / 6
 * hardswish; ONNX Runtime's dynamic quantization of MatMul and Conv is
 * the float op on dequantized weights (onnx_dynq.c).
 *
 * A pattern is matched from a node only it has (ReduceMean's Div, Erf,
 * Tanh, Sigmoid, HardSigmoid, the Clip of relu6) through producers and
 * single consumers; every intermediate must be used only inside the
 * pattern (not by another node, a subgraph or as a graph output) and
 * every constant must be the pattern's value, so a near miss is imported
 * node by node. The fused op is emitted at the pattern's last node and its
 * other nodes are skipped, except Constant nodes, which import as usual.
 * What only shapes decide (LayerNormalization's axes a suffix of the
 * input's dims, its scale and bias shaped like them) is checked there; if
 * it fails, the pattern's nodes are imported then, in their order.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_pattern.h"

/* ---- the names of the graph ---- */

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The entry of name (created if add), or NULL. */
static PatName *lookup(Pat *P, const char *name, int add)
{
	if (!name || !*name)
		return NULL;
	for (uint32_t i = hash(name) & (P->cap - 1);; i = (i + 1) & (P->cap - 1)) {
		PatName *e = &P->tab[i];
		if (!e->name) {
			if (!add)
				return NULL;
			*e = (PatName){name, -1, 0, -1};
			return e;
		}
		if (!strcmp(e->name, name))
			return e;
	}
}

/* Counts the reads of node p (node k of the graph, or inside its
 * subgraphs, add 0: only names the graph has) and of its subgraphs. */
static void count_reads(Pat *P, const Onnx__NodeProto *p, int k, int add)
{
	for (size_t j = 0; j < p->n_input; j++) {
		PatName *e = lookup(P, p->input[j], add);
		if (e && e->uses++ == 0)
			e->user = k;
	}
	for (size_t a = 0; a < p->n_attribute; a++) {
		const Onnx__AttributeProto *at = p->attribute[a];
		for (size_t i = 0; at->g && i < at->g->n_node; i++)
			count_reads(P, at->g->node[i], k, 0);
		for (size_t b = 0; b < at->n_graphs; b++)
			for (size_t i = 0; at->graphs[b] && i < at->graphs[b]->n_node; i++)
				count_reads(P, at->graphs[b]->node[i], k, 0);
	}
}

static int index_names(Pat *P, const Onnx__GraphProto *gp)
{
	int64_t names = (int64_t)gp->n_output + 16;
	for (int k = 0; k < P->n; k++)
		names += (int64_t)P->node[k]->n_input + P->node[k]->n_output;
	for (P->cap = 16; P->cap < 2 * names; P->cap *= 2)
		if (P->cap > (1 << 28))
			return -1;
	P->tab = calloc(P->cap, sizeof *P->tab);
	P->claimed = calloc(P->n + 1, 1);
	if (!P->tab || !P->claimed)
		return -1;
	for (int k = 0; k < P->n; k++)
		for (size_t j = 0; j < P->node[k]->n_output; j++) {
			PatName *e = lookup(P, P->node[k]->output[j], 1);
			if (e)
				e->prod = k;
		}
	for (int k = 0; k < P->n; k++)
		count_reads(P, P->node[k], k, 1);
	for (size_t i = 0; i < gp->n_output; i++) {
		PatName *e = lookup(P, gp->output[i]->name, 1);
		if (e)
			e->uses += 2;  /* a graph output is never an intermediate */
	}
	return 0;
}

PatName *pat_name(Pat *P, const char *name)
{
	return lookup(P, name, 0);
}

/* ---- the pieces of a match ---- */

/* Node k if it is a free op of type op (default domain), else NULL. */
const Onnx__NodeProto *node_is(Pat *P, int k, const char *op)
{
	if (k < 0 || k >= P->n || P->claimed[k])
		return NULL;
	const Onnx__NodeProto *p = P->node[k];
	const char *d = p->domain ? p->domain : "";
	if (!p->op_type || strcmp(p->op_type, op) || p->n_output < 1 ||
	    !*p->output[0] || (*d && strcmp(d, "ai.onnx")))
		return NULL;
	return p;
}

/* The producer of name if it is a free op of type op. */
const Onnx__NodeProto *made_by(Pat *P, const char *name,
	const char *op, int *k)
{
	PatName *e = lookup(P, name, 0);
	*k = e ? e->prod : -1;
	return e ? node_is(P, *k, op) : NULL;
}

/* The one node reading name (an intermediate read once), if it is of
 * type op. */
const Onnx__NodeProto *read_by(Pat *P, const char *name,
	const char *op, int *k)
{
	PatName *e = lookup(P, name, 0);
	*k = e && e->uses == 1 ? e->user : -1;
	return e && e->uses == 1 ? node_is(P, *k, op) : NULL;
}

int once(Pat *P, const char *name)
{
	PatName *e = lookup(P, name, 0);
	return e && e->uses == 1;
}

/* Input i of p, "" if absent. */
const char *pat_in(const Onnx__NodeProto *p, size_t i)
{
	return i < p->n_input && p->input[i] ? p->input[i] : "";
}

/* The input of the two-input p that is not name, or NULL if name is not
 * one of them (p's other input when both are name). */
const char *other(const Onnx__NodeProto *p, const char *name)
{
	if (p->n_input != 2)
		return NULL;
	if (!strcmp(pat_in(p, 0), name))
		return pat_in(p, 1);
	return strcmp(pat_in(p, 1), name) ? NULL : pat_in(p, 0);
}

/* The name an Identity chain forwards (exporters write one to share an
 * initializer between modules). */
static const char *through_identity(Pat *P, const char *name)
{
	int k;
	const Onnx__NodeProto *p;
	for (int hops = 0; hops < 64 && (p = made_by(P, name, "Identity", &k)) &&
	     p->n_input == 1; hops++)
		name = pat_in(p, 0);
	return name;
}

/* The values of a constant (an initializer, a folded tensor or a Constant
 * node, through Identity nodes), up to max of them; -1 if name is not
 * known at import time. */
static int const_values(Pat *P, const char *name, double *v, int max)
{
	name = through_identity(P, name);
	Sym *s = sym_get(P->c, name);
	const Tens *t = s && s->t && !s->v ? s->t : NULL;
	int k;
	const Onnx__NodeProto *p = t ? NULL : made_by(P, name, "Constant", &k);
	if (p && p->n_attribute == 1 && p->attribute[0]->name &&
	    !strcmp(p->attribute[0]->name, "value_float"))
		return v[0] = p->attribute[0]->f, 1;
	if (p && p->n_attribute == 1 && p->attribute[0]->t)
		t = tens_peek(P->c, p->attribute[0]->t);
	if (!t || t->numel > max)
		return -1;
	for (int64_t i = 0; i < t->numel; i++)
		v[i] = t->is_float ? t->f[i] : (double)t->i[i];
	return (int)t->numel;
}

/* name is a constant whose every element is want (to float precision). */
int is_value(Pat *P, const char *name, double want)
{
	double v[64];
	int n = const_values(P, name, v, 64);
	for (int i = 0; i < n; i++)
		if (fabs(v[i] - want) > 1e-6 * fmax(1, fabs(want)))
			return 0;
	return n > 0;
}

/* A scalar-valued constant (every element equal) into *v. */
static int scalar(Pat *P, const char *name, double *v)
{
	double w[64];
	int n = const_values(P, name, w, 64);
	for (int i = 1; i < n; i++)
		if (w[i] != w[0])
			return 0;
	*v = w[0];
	return n > 0;
}

/* Adds node k (when there is one) to the match. */
void take(PatFuse *f, int k)
{
	if (k >= 0 && f->nnode < PAT_MAX_NODES)
		f->node[f->nnode++] = k;
}

/* ---- GELU ---- */

/* Both GELU forms end in a = Add(t, 1) and x * a * 1/2 in any
 * association: Mul(Mul(x, a), 1/2), Mul(Mul(a, 1/2), x) or
 * Mul(a, Mul(x, 1/2)). */
static int gelu_tail(Pat *P, PatFuse *f, const char *t, const char *x)
{
	int k;
	const Onnx__NodeProto *add = read_by(P, t, "Add", &k);
	const char *one = add ? other(add, t) : NULL;
	if (!one || !is_value(P, one, 1))
		return 0;
	take(f, k);
	const char *a = add->output[0];
	const Onnx__NodeProto *m = read_by(P, a, "Mul", &k);
	const char *y = m ? other(m, a) : NULL;
	if (!y)
		return 0;
	take(f, k);
	if (!strcmp(y, x) || is_value(P, y, 0.5)) {
		const char *ma = m->output[0];
		const Onnx__NodeProto *m2 = read_by(P, ma, "Mul", &k);
		const char *z = m2 ? other(m2, ma) : NULL;
		take(f, k);
		return z && (strcmp(y, x) ? !strcmp(z, x) : is_value(P, z, 0.5));
	}
	const Onnx__NodeProto *h = made_by(P, y, "Mul", &k);
	const char *z = h && once(P, y) ? other(h, x) : NULL;
	take(f, k);
	return z && is_value(P, z, 0.5);
}

/* The x of Div(x, c) or Mul(x, 1/c) (either order), read once. */
static const char *scaled_input(Pat *P, PatFuse *f, const char *u, double c)
{
	int k;
	const Onnx__NodeProto *d = once(P, u) ? made_by(P, u, "Div", &k) : NULL;
	if (d && is_value(P, pat_in(d, 1), c))
		return take(f, k), pat_in(d, 0);
	d = once(P, u) ? made_by(P, u, "Mul", &k) : NULL;
	if (d && is_value(P, pat_in(d, 1), 1 / c))
		return take(f, k), pat_in(d, 0);
	if (d && is_value(P, pat_in(d, 0), 1 / c))
		return take(f, k), pat_in(d, 1);
	return NULL;
}

/* x * Phi(x) = x/2 (1 + erf(x / sqrt 2)), from its Erf. */
static int match_gelu_erf(Pat *P, int k, PatFuse *f)
{
	const Onnx__NodeProto *e = node_is(P, k, "Erf");
	const char *x = e ? scaled_input(P, f, pat_in(e, 0), 1.41421356237309504880) : NULL;
	if (!x)
		return 0;
	take(f, k);
	f->op = OP_GELU;
	f->x = x;
	return gelu_tail(P, f, e->output[0], x);
}

/* The x of x^3 written Pow(x, 3), Mul(x, Mul(x, x)) or Mul(Mul(x, x), x),
 * read once. */
static const char *cube_of(Pat *P, PatFuse *f, const char *name)
{
	int k, k2;
	const Onnx__NodeProto *p = once(P, name) ? made_by(P, name, "Pow", &k) :
		NULL;
	if (p && is_value(P, pat_in(p, 1), 3))
		return take(f, k), pat_in(p, 0);
	p = once(P, name) ? made_by(P, name, "Mul", &k) : NULL;
	for (int i = 0; p && i < 2; i++) {
		const char *sq = pat_in(p, i), *x = pat_in(p, 1 - i);
		const Onnx__NodeProto *s = once(P, sq) ? made_by(P, sq, "Mul", &k2) :
			NULL;
		if (s && !strcmp(pat_in(s, 0), x) && !strcmp(pat_in(s, 1), x)) {
			take(f, k);
			take(f, k2);
			return x;
		}
	}
	return NULL;
}

/* x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), from its Tanh. */
static int match_gelu_tanh(Pat *P, int k, PatFuse *f)
{
	int km, ka, kc;
	const double c = 0.79788456080286535588;  /* sqrt(2/pi) */
	const Onnx__NodeProto *t = node_is(P, k, "Tanh");
	const char *u = t ? pat_in(t, 0) : "";
	const Onnx__NodeProto *m = once(P, u) ? made_by(P, u, "Mul", &km) : NULL;
	const char *s = !m ? NULL : is_value(P, pat_in(m, 0), c) ? pat_in(m, 1) :
		is_value(P, pat_in(m, 1), c) ? pat_in(m, 0) : NULL;
	const Onnx__NodeProto *a = s && once(P, s) ? made_by(P, s, "Add", &ka) :
		NULL;
	for (int i = 0; a && i < 2; i++) {
		const char *x = pat_in(a, i), *q = pat_in(a, 1 - i);
		const Onnx__NodeProto *mq = once(P, q) ? made_by(P, q, "Mul", &kc) :
			NULL;
		const char *cube = !mq ? NULL : is_value(P, pat_in(mq, 0), 0.044715) ?
			pat_in(mq, 1) : is_value(P, pat_in(mq, 1), 0.044715) ? pat_in(mq, 0) : NULL;
		f->nnode = 0;
		const char *cx = cube ? cube_of(P, f, cube) : NULL;
		if (!cx || strcmp(cx, x))
			continue;
		take(f, kc);
		take(f, ka);
		take(f, km);
		take(f, k);
		f->op = OP_GELU;
		f->x = x;
		f->tanh = 1;
		return gelu_tail(P, f, t->output[0], x);
	}
	return 0;
}

/* ---- SiLU and HardSwish ---- */

/* Mul(x, g) reading g (read once), x being g's input: y = x * g(x). */
static int times_input(Pat *P, int k, PatFuse *f, int op)
{
	int km;
	const Onnx__NodeProto *g = P->node[k];
	const char *x = pat_in(g, 0);
	const Onnx__NodeProto *m = read_by(P, g->output[0], "Mul", &km);
	const char *y = m ? other(m, g->output[0]) : NULL;
	if (!y || strcmp(y, x))
		return 0;
	take(f, k);
	take(f, km);
	f->op = op;
	f->x = x;
	return 1;
}

static int match_silu(Pat *P, int k, PatFuse *f)
{
	return node_is(P, k, "Sigmoid") && times_input(P, k, f, OP_SILU);
}

/* x * HardSigmoid(x, alpha = 1/6, beta = 1/2), as torch writes hardswish
 * before opset 14. */
static int match_hardswish_hs(Pat *P, int k, PatFuse *f)
{
	const Onnx__NodeProto *h = node_is(P, k, "HardSigmoid");
	double alpha = 0.2, beta = 0.5;
	for (size_t i = 0; h && i < h->n_attribute; i++) {
		const Onnx__AttributeProto *a = h->attribute[i];
		if (a->name && !strcmp(a->name, "alpha"))
			alpha = a->f;
		else if (a->name && !strcmp(a->name, "beta"))
			beta = a->f;
	}
	return h && fabs(alpha - 1.0 / 6) < 1e-6 && beta == 0.5 &&
		times_input(P, k, f, OP_HARDSWISH);
}

/* Clip to [0, 6]: bounds as inputs (opset 11) or attributes. */
static int is_relu6_clip(Pat *P, const Onnx__NodeProto *c)
{
	double lo = -INFINITY, hi = INFINITY;
	for (size_t i = 0; i < c->n_attribute; i++) {
		const Onnx__AttributeProto *a = c->attribute[i];
		if (a->name && !strcmp(a->name, "min"))
			lo = a->f;
		else if (a->name && !strcmp(a->name, "max"))
			hi = a->f;
	}
	if (c->n_input > 1 && *pat_in(c, 1) && !scalar(P, pat_in(c, 1), &lo))
		return 0;
	if (c->n_input > 2 && *pat_in(c, 2) && !scalar(P, pat_in(c, 2), &hi))
		return 0;
	return lo == 0 && hi == 6;
}

/* The x of relu6(x + 3) written Clip(Add(x, 3), 0, 6), with or without a
 * Relu before the Clip. */
static const char *relu6_of_x_plus_3(Pat *P, PatFuse *f, int k)
{
	int kr = -1, ka;
	const Onnx__NodeProto *c = node_is(P, k, "Clip");
	if (!c || !is_relu6_clip(P, c))
		return NULL;
	const char *r = pat_in(c, 0);
	const Onnx__NodeProto *relu = once(P, r) ? made_by(P, r, "Relu", &kr) :
		NULL;
	const char *s = relu ? pat_in(relu, 0) : r;
	const Onnx__NodeProto *a = once(P, s) ? made_by(P, s, "Add", &ka) : NULL;
	for (int i = 0; a && i < 2; i++)
		if (is_value(P, pat_in(a, 1 - i), 3)) {
			take(f, ka);
			if (relu)
				take(f, kr);
			take(f, k);
			return pat_in(a, i);
		}
	return NULL;
}

/* x * relu6(x + 3) / 6: the Clip's result times x, then divided by 6 (or
 * times 1/6), or first divided and then times x. */
static int match_hardswish_clip(Pat *P, int k, PatFuse *f)
{
	int k1, k2;
	const char *x = relu6_of_x_plus_3(P, f, k);
	if (!x)
		return 0;
	const char *c = P->node[k]->output[0];
	const Onnx__NodeProto *m = read_by(P, c, "Mul", &k1);
	const Onnx__NodeProto *d = read_by(P, c, "Div", &k2);
	f->op = OP_HARDSWISH;
	f->x = x;
	if (d && is_value(P, pat_in(d, 1), 6)) {
		const char *q = d->output[0];
		take(f, k2);
		m = read_by(P, q, "Mul", &k1);
		const char *y = m ? other(m, q) : NULL;
		take(f, k1);
		return y && !strcmp(y, x);
	}
	const char *y = m ? other(m, c) : NULL;
	if (!y || strcmp(y, x))
		return 0;
	take(f, k1);
	const char *mo = m->output[0];
	if ((d = read_by(P, mo, "Div", &k2)) && is_value(P, pat_in(d, 1), 6))
		return take(f, k2), 1;
	if ((d = read_by(P, mo, "Mul", &k2)) && other(d, mo) &&
	    is_value(P, other(d, mo), 1.0 / 6))
		return take(f, k2), 1;
	return 0;
}

/* ---- LayerNormalization ---- */

/* ReduceMean's axes (attribute before opset 18, a constant input from 18)
 * with keepdims 1; 0 if it reduces otherwise. */
static int mean_axes(Pat *P, const Onnx__NodeProto *r, int64_t *axes,
	int *n)
{
	*n = -1;
	for (size_t i = 0; i < r->n_attribute; i++) {
		const Onnx__AttributeProto *a = r->attribute[i];
		const char *an = a->name ? a->name : "";
		if (!strcmp(an, "axes") && a->n_ints <= QCC_MAX_RANK) {
			*n = (int)a->n_ints;
			for (size_t j = 0; j < a->n_ints; j++)
				axes[j] = a->ints[j];
		} else if (strcmp(an, "keepdims") || a->i != 1) {
			return 0;   /* keepdims 0, noop_with_empty_axes, ... */
		}
	}
	if (r->n_input > 1 && *pat_in(r, 1)) {
		double v[QCC_MAX_RANK];
		*n = const_values(P, pat_in(r, 1), v, QCC_MAX_RANK);
		for (int j = 0; j < *n; j++)
			axes[j] = (int64_t)v[j];
	}
	return *n > 0;
}

/* s = Sqrt(Add(ReduceMean(Pow(d, 2) or Mul(d, d)), eps)), each read once:
 * the variance's ReduceMean into *var; *dsq when d is squared by a Mul. */
static const Onnx__NodeProto *ln_variance(Pat *P, PatFuse *f, const char *d,
	const char *s, int *dsq)
{
	int k[4];
	const Onnx__NodeProto *sq = once(P, s) ? made_by(P, s, "Sqrt", &k[0]) :
		NULL;
	const Onnx__NodeProto *add = sq && once(P, pat_in(sq, 0)) ?
		made_by(P, pat_in(sq, 0), "Add", &k[1]) : NULL;
	const Onnx__NodeProto *var = NULL;
	for (int i = 0; add && !var && i < 2; i++)
		if (scalar(P, pat_in(add, 1 - i), &f->eps) && once(P, pat_in(add, i)))
			var = made_by(P, pat_in(add, i), "ReduceMean", &k[2]);
	const char *p = var ? pat_in(var, 0) : "";
	const Onnx__NodeProto *sqr = once(P, p) ? made_by(P, p, "Pow", &k[3]) :
		NULL;
	*dsq = !sqr && (sqr = once(P, p) ? made_by(P, p, "Mul", &k[3]) : NULL);
	if (!sqr || strcmp(pat_in(sqr, 0), d) ||
	    (*dsq ? strcmp(pat_in(sqr, 1), d) : !is_value(P, pat_in(sqr, 1), 2)))
		return NULL;
	for (int i = 0; i < 4; i++)
		take(f, k[i]);
	return var;
}

/* d = Sub(x, ReduceMean(x)) read only by the variance and the Div, both
 * ReduceMeans over the same axes with keepdims. */
static int ln_stats(Pat *P, PatFuse *f, const char *d, const char *s)
{
	int k[2], n1, n2, dsq;
	int64_t ax2[QCC_MAX_RANK];
	const Onnx__NodeProto *var = ln_variance(P, f, d, s, &dsq);
	const Onnx__NodeProto *sub = var ? made_by(P, d, "Sub", &k[0]) : NULL;
	const Onnx__NodeProto *mean = sub && once(P, pat_in(sub, 1)) ?
		made_by(P, pat_in(sub, 1), "ReduceMean", &k[1]) : NULL;
	PatName *e = lookup(P, d, 0);
	if (!mean || strcmp(pat_in(mean, 0), pat_in(sub, 0)) || !e ||
	    e->uses != (dsq ? 3 : 2) || !mean_axes(P, mean, f->axes, &n1) ||
	    !mean_axes(P, var, ax2, &n2) || n1 != n2 ||
	    memcmp(f->axes, ax2, n1 * sizeof *ax2))
		return 0;
	take(f, k[0]);
	take(f, k[1]);
	f->naxes = n1;
	f->x = pat_in(sub, 0);
	return 1;
}

/* name is known at import time: an initializer or folded tensor, or the
 * output of a Constant node, through Identity nodes. */
int known(Pat *P, const char *name)
{
	name = through_identity(P, name);
	Sym *s = sym_get(P->c, name);
	int k;
	return (s && s->t && !s->v) || made_by(P, name, "Constant", &k);
}

const char *by_known(Pat *P, PatFuse *f, const char *y, const char *op,
	const char **operand)
{
	int k;
	const Onnx__NodeProto *p = read_by(P, y, op, &k);
	const char *c = p ? other(p, y) : NULL;
	if (!c || !known(P, c))
		return y;
	*operand = c;
	take(f, k);
	return p->output[0];
}

/* From the Div of the normalisation: the statistics before it, then a Mul
 * by a constant scale and an Add of a constant bias after it when they
 * are there. */
static int match_layernorm(Pat *P, int k, PatFuse *f)
{
	const Onnx__NodeProto *dv = node_is(P, k, "Div");
	if (!dv || !ln_stats(P, f, pat_in(dv, 0), pat_in(dv, 1)))
		return 0;
	take(f, k);
	f->op = OP_LAYERNORM;
	const char *y = by_known(P, f, dv->output[0], "Mul", &f->scale);
	by_known(P, f, y, "Add", &f->bias);
	return 1;
}

/* ---- the plan ---- */

typedef int (*Matcher)(Pat *P, int k, PatFuse *f);
static const Matcher matchers[] = {
	match_layernorm, match_gelu_erf, match_gelu_tanh, match_silu,
	match_hardswish_hs, match_hardswish_clip, match_dynq,
	match_dynq_expanded,
};

static int by_index(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The first match at node k whose nodes are distinct and free, claimed;
 * NULL if none. */
static PatFuse *match_at(Pat *P, int k)
{
	for (size_t m = 0; m < sizeof matchers / sizeof *matchers; m++) {
		PatFuse f = {0};
		if (!matchers[m](P, k, &f) || f.nnode >= PAT_MAX_NODES)
			continue;
		qsort(f.node, f.nnode, sizeof *f.node, by_index);
		int ok = 1;
		for (int i = 0; i < f.nnode; i++)
			ok &= !P->claimed[f.node[i]] && (!i || f.node[i] != f.node[i - 1]);
		PatFuse *copy = ok ? malloc(sizeof *copy) : NULL;
		if (!copy)
			continue;
		*copy = f;
		for (int i = 0; i < f.nnode; i++)
			P->claimed[f.node[i]] = 1;
		return copy;
	}
	return NULL;
}

PatPlan *onnx_pattern_plan(Ctx *c, const Onnx__GraphProto *gp)
{
	Pat P = {c, gp->node, (int)gp->n_node, NULL, 0, NULL};
	PatPlan *plan = calloc(1, sizeof *plan);
	if (plan)
		plan->skip = calloc(P.n + 1, 1);
	if (plan)
		plan->fuse = calloc(P.n + 1, sizeof *plan->fuse);
	if (!plan || !plan->skip || !plan->fuse || index_names(&P, gp) < 0) {
		onnx_pattern_free(plan);
		plan = NULL;
	}
	for (int k = 0; plan && k < P.n; k++) {
		PatFuse *f = match_at(&P, k);
		if (!f)
			continue;
		for (int i = 0; i + 1 < f->nnode; i++)
			plan->skip[f->node[i]] = 1;
		plan->fuse[f->node[f->nnode - 1]] = f;
	}
	if (plan) {
		skip_dynq(&P, plan->skip);
		plan->n = P.n;
	}
	free(P.tab);
	free(P.claimed);
	return plan;
}

void onnx_pattern_free(PatPlan *plan)
{
	for (int k = 0; plan && plan->fuse && k < plan->n; k++)
		free(plan->fuse[k]);
	if (plan) {
		free(plan->skip);
		free(plan->fuse);
	}
	free(plan);
}

/* ---- the fused op ---- */

/* LayerNormalization's axes as the first normalised axis, if they are the
 * last dims of a rank-r input in any order; -1 if not. */
static int suffix_axis(const PatFuse *f, int r)
{
	int seen = 0;
	for (int i = 0; i < f->naxes; i++) {
		int64_t a = f->axes[i] < 0 ? f->axes[i] + r : f->axes[i];
		if (a < r - f->naxes || a >= r || (seen >> a & 1))
			return -1;
		seen |= 1 << a;
	}
	return r - f->naxes;
}

/* The scale or bias s as a tensor shaped like the normalised dims (its
 * elements, if it holds as many); NULL if it does not. */
static Sym *ln_param(Ctx *c, const char *name, const Type *x, int axis,
	Sym *tmp)
{
	Sym *s = sym_get(c, name);
	int64_t numel = 1;
	for (int i = axis; i < x->rank; i++)
		numel *= x->dims[i];
	if (!s || !s->t || s->v || !s->t->is_float || s->t->numel != numel)
		return NULL;
	Tens *t = tens_new(c, 1, x->rank - axis, x->dims + axis);
	memcpy(t->f, s->t->f, numel * sizeof *t->f);
	*tmp = (Sym){name, NULL, t, t->dt};
	return tmp;
}

/* Emits f at its last node p: 0, 1 when the shapes rule it out (the
 * nodes import one by one), -1 after reporting. */
static int emit_fused(Ctx *c, const PatFuse *f, const Onnx__NodeProto *p,
	int opset)
{
	NodeCtx n = {0};
	Sym tmp[2];
	n.p = p;
	n.opset = opset;
	n.label = p->name && *p->name ? p->name : p->output[0];
	n.nin = f->op == OP_LAYERNORM ? 3 : 1;
	n.nout = 1;
	if (!(n.in[0] = sym_get(c, f->x)) || !sym_is_float(n.in[0]))
		return 1;
	int rank, axis = 0;
	int64_t dims[QCC_MAX_RANK];
	imp_shape(n.in[0], &rank, dims);
	Type xt = {.rank = rank};
	memcpy(xt.dims, dims, sizeof dims);
	if (f->op == OP_LAYERNORM &&
	    ((axis = suffix_axis(f, rank)) < 0 ||
	     (f->scale && !(n.in[1] = ln_param(c, f->scale, &xt, axis, &tmp[0]))) ||
	     (f->bias && !(n.in[2] = ln_param(c, f->bias, &xt, axis, &tmp[1])))))
		return 1;
	Value *in[3] = {NULL, NULL, NULL};
	for (int i = 0; i < n.nin; i++)
		if (n.in[i] && !(in[i] = imp_value(c, &n, i)))
			return -1;
	Node *node = imp_node(c, &n, f->op, in, n.nin, 0, NULL);
	if (!node)
		return -1;
	if (f->op == OP_LAYERNORM) {
		attr_set_int(c->g, node, "axis", axis);
		attr_set_float(c->g, node, "epsilon", (float)f->eps);
	} else if (f->op == OP_GELU && f->tanh) {
		attr_set_str(c->g, node, "approx", "tanh");
	}
	return imp_finish_fold(c, &n, node, 0) ? -1 : 0;
}

int onnx_pattern_step(Ctx *c, const PatPlan *plan,
	Onnx__NodeProto *const *node, int k, int opset)
{
	if (!plan || (!plan->skip[k] && !plan->fuse[k]))
		return onnx_import_node(c, node[k], opset);
	if (plan->skip[k])
		return 0;
	const PatFuse *f = plan->fuse[k];
	if (f->op == OP_DENSE)
		return emit_dynq(c, f, node, k, opset);
	if (f->op == OP_DYNQUANT)
		return emit_dynq_expanded(c, f, node[k], opset);
	int r = emit_fused(c, f, node[k], opset);
	for (int i = 0; r == 1 && i < f->nnode; i++)
		if (onnx_import_node(c, node[f->node[i]], opset))
			return -1;
	return r == 1 ? 0 : r;
}
