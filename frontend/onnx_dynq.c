/* onnx_dynq.c - the pattern ONNX Runtime's dynamic quantizer writes for
 * MatMul and Conv, recognised before the graph's nodes are imported
 * (onnx_pattern.c):
 *
 *   x -> DynamicQuantizeLinear -> (xq, xs, xz)
 *   MatMulInteger(xq, W, xz, wz)  or  ConvInteger(xq, W, xz, wz)
 *   -> Cast(to float) -> Mul(., Mul(xs, ws)) [-> Add(., bias)]
 *
 * is x times the constant weights dequantized, (W - wz) * ws, plus the
 * bias: it imports as DequantizeLinear(W, ws, wz) and MatMul or Conv (and
 * Add), so the run-time scale of x becomes the one calibration gives it
 * (`--calib`), and the weights keep their integers (qdq_elim). The
 * DynamicQuantizeLinear is skipped when only such matches read it. */
#include <string.h>

#include "onnx_pattern.h"

/* p's int attribute name; def when p has none of that name. */
static int64_t attr_i(const Onnx__NodeProto *p, const char *name,
	int64_t def)
{
	for (size_t i = 0; i < p->n_attribute; i++)
		if (p->attribute[i]->name &&
		    !strcmp(p->attribute[i]->name, name))
			return p->attribute[i]->i;
	return def;
}

/* Cast's `to` is float. */
static int casts_to_float(const Onnx__NodeProto *p)
{
	return attr_i(p, "to", 0) == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
}

int match_dynq(Pat *P, int k, PatFuse *f)
{
	int kd, kc, km, ks;
	const Onnx__NodeProto *ip = node_is(P, k, "MatMulInteger");
	if (!ip && !(ip = node_is(P, k, "ConvInteger")))
		return 0;
	const Onnx__NodeProto *dq = made_by(P, pat_in(ip, 0),
		"DynamicQuantizeLinear", &kd);
	if (!dq || dq->n_output != 3 || strcmp(pat_in(ip, 2), dq->output[2]) ||
	    !known(P, pat_in(ip, 1)) ||
	    (*pat_in(ip, 3) && !known(P, pat_in(ip, 3))))
		return 0;
	const Onnx__NodeProto *cast = read_by(P, ip->output[0], "Cast", &kc);
	if (!cast || !casts_to_float(cast))
		return 0;
	const char *c = cast->output[0];
	const Onnx__NodeProto *mul = read_by(P, c, "Mul", &km);
	const char *s = mul ? other(mul, c) : NULL;
	const Onnx__NodeProto *sm = s && once(P, s) ? made_by(P, s, "Mul", &ks) :
		NULL;
	const char *ws = sm ? other(sm, dq->output[1]) : NULL;
	if (!ws || !known(P, ws))
		return 0;
	take(f, k);
	take(f, kc);
	take(f, ks);
	take(f, km);
	by_known(P, f, mul->output[0], "Add", &f->bias);
	f->op = OP_DENSE;
	f->x = pat_in(dq, 0);
	f->scale = ws;
	f->w = pat_in(ip, 1);
	f->wz = pat_in(ip, 3);
	f->inode = k;
	return 1;
}

/* ---- DynamicQuantizeLinear's function body (the `_expanded` node
 * tests):
 *
 *   X_Min_Adjusted = Min(ReduceMin(x, keepdims=0), 0)
 *   X_Max_Adjusted = Max(ReduceMax(x, keepdims=0), 0)
 *   Scale = Div(Sub(X_Max_Adjusted, X_Min_Adjusted), 255)
 *   Zeropoint = Cast(Round(Clip(Sub(0, Div(X_Min_Adjusted, Scale)), 0,
 *                              255)), to=uint8)
 *   y = QuantizeLinear(x, Scale, Zeropoint)
 *
 * is DynamicQuantizeLinear's scale and zero point: emitted at the Cast
 * as dynquant nodes (`out=scale`, `zero_point`), with the float32
 * arithmetic of the same steps; the QuantizeLinear of x by them is the
 * dynquant `out=y` (onnx_quant.c). ---- */

/* How many inputs of f's nodes read name. */
static int reads_in(Pat *P, const PatFuse *f, const char *name)
{
	int n = 0;
	for (int i = 0; i < f->nnode; i++) {
		const Onnx__NodeProto *p = P->node[f->node[i]];
		for (size_t j = 0; j < p->n_input; j++)
			n += !strcmp(p->input[j], name);
	}
	return n;
}

/* The x of name = op(reduce(x, keepdims=0, all axes), 0), its two nodes
 * taken; NULL if name is not that. */
static const char *adjusted(Pat *P, PatFuse *f, const char *name,
	const char *op, const char *reduce)
{
	int k, kr;
	const Onnx__NodeProto *m = made_by(P, name, op, &k);
	const Onnx__NodeProto *r = m && m->n_input == 2 ?
		made_by(P, pat_in(m, 0), reduce, &kr) : NULL;
	if (!r || r->n_input != 1 || attr_i(r, "keepdims", 1) != 0 ||
	    attr_i(r, "axes", -1) != -1 || !once(P, r->output[0]) ||
	    !is_value(P, pat_in(m, 1), 0))
		return NULL;
	take(f, k);
	take(f, kr);
	return pat_in(r, 0);
}

int match_dynq_expanded(Pat *P, int k, PatFuse *f)
{
	int kr, kc, ks, kd, kv, kg;
	const Onnx__NodeProto *cast = node_is(P, k, "Cast"), *rd, *cl, *sub,
		*dv, *sd, *rg;
	if (!cast ||
	    attr_i(cast, "to", 0) != ONNX__TENSOR_PROTO__DATA_TYPE__UINT8 ||
	    !(rd = made_by(P, pat_in(cast, 0), "Round", &kr)) ||
	    !once(P, rd->output[0]) ||
	    !(cl = made_by(P, pat_in(rd, 0), "Clip", &kc)) ||
	    !once(P, cl->output[0]) || cl->n_input != 3 ||
	    !is_value(P, pat_in(cl, 1), 0) || !is_value(P, pat_in(cl, 2), 255) ||
	    !(sub = made_by(P, pat_in(cl, 0), "Sub", &ks)) ||
	    !once(P, sub->output[0]) || !is_value(P, pat_in(sub, 0), 0) ||
	    !(dv = made_by(P, pat_in(sub, 1), "Div", &kd)) ||
	    !once(P, dv->output[0]) ||
	    !(sd = made_by(P, pat_in(dv, 1), "Div", &kv)) ||
	    !is_value(P, pat_in(sd, 1), 255) ||
	    !(rg = made_by(P, pat_in(sd, 0), "Sub", &kg)) ||
	    !once(P, rg->output[0]) || strcmp(pat_in(rg, 1), pat_in(dv, 0)))
		return 0;
	const char *lo = pat_in(dv, 0), *hi = pat_in(rg, 0);
	const char *x = adjusted(P, f, lo, "Min", "ReduceMin");
	const char *x2 = x ? adjusted(P, f, hi, "Max", "ReduceMax") : NULL;
	int nodes[] = {k, kr, kc, ks, kd, kv, kg};
	for (size_t i = 0; x2 && i < sizeof nodes / sizeof *nodes; i++)
		take(f, nodes[i]);
	if (!x2 || strcmp(x, x2) ||
	    pat_name(P, lo)->uses != reads_in(P, f, lo) ||
	    pat_name(P, hi)->uses != reads_in(P, f, hi))
		return 0;
	/* Scale is read outside the match only after the Cast */
	PatName *sc = pat_name(P, sd->output[0]);
	for (int j = 0; j < k; j++)
		for (size_t i = 0; i < P->node[j]->n_input; i++)
			if (!strcmp(P->node[j]->input[i], sc->name) && j != kd)
				return 0;
	f->op = OP_DYNQUANT;
	f->x = x;
	f->scale = sc->name;
	f->wz = cast->output[0];
	return 1;
}

int emit_dynq_expanded(Ctx *c, const PatFuse *f, const Onnx__NodeProto *p,
	int opset)
{
	Onnx__NodeProto q = *p;
	const char *out[3] = {f->scale, f->scale, f->wz};
	NodeCtx n = {.p = &q, .opset = opset, .nin = 1, .nout = 3};
	q.op_type = "DynamicQuantizeLinear";
	q.output = (char **)out;
	q.n_output = 3;
	n.label = p->name && *p->name ? p->name : p->output[0];
	if (!(n.in[0] = sym_get(c, f->x))) {
		diag_error(c->loc, "node '%s' (Cast): input '%s' is not defined",
			n.label, f->x);
		return -1;
	}
	Value *x = imp_value(c, &n, 0);
	return x && !imp_dynquant(c, &n, x, 1, "scale") &&
		!imp_dynquant(c, &n, x, 2, "zero_point") ? 0 : -1;
}

/* How many inputs of matched nodes read name. */
static int matched_reads(Pat *P, const char *name)
{
	int n = 0;
	for (int k = 0; k < P->n; k++)
		for (size_t j = 0; P->claimed[k] && j < P->node[k]->n_input; j++)
			n += P->node[k]->input[j] && !strcmp(P->node[k]->input[j], name);
	return n;
}

void skip_dynq(Pat *P, char *skip)
{
	for (int k = 0; k < P->n; k++) {
		const Onnx__NodeProto *dq = node_is(P, k, "DynamicQuantizeLinear");
		int all = dq != NULL;
		for (size_t j = 0; all && j < dq->n_output; j++) {
			PatName *e = pat_name(P, dq->output[j]);
			all = !e || e->uses == matched_reads(P, dq->output[j]);
		}
		skip[k] |= all;
	}
}

/* Imports the node op_type(in[0..nin)) -> out named like the integer op
 * p, with p's attributes when `attrs`. */
static int import_as(Ctx *c, const Onnx__NodeProto *p, const char *op_type,
	const char **in, int nin, const char *out, int attrs, int opset)
{
	Onnx__NodeProto q = ONNX__NODE_PROTO__INIT;
	char *o = (char *)out;
	q.name = p->name && *p->name ? p->name : p->output[0];
	q.op_type = (char *)op_type;
	q.input = (char **)in;
	q.n_input = nin;
	q.output = &o;
	q.n_output = 1;
	if (attrs) {
		q.attribute = p->attribute;
		q.n_attribute = p->n_attribute;
	}
	return onnx_import_node(c, &q, opset);
}

int emit_dynq(Ctx *c, const PatFuse *f, Onnx__NodeProto *const *node,
	int k, int opset)
{
	const Onnx__NodeProto *ip = node[f->inode];
	int conv = !strcmp(ip->op_type, "ConvInteger");
	const char *out = node[k]->output[0];
	const char *wf = sym_fresh_onnx(c, f->w, "_dq");
	const char *yf = f->bias ? sym_fresh_onnx(c, out, "_mm") : out;
	const char *dq[3] = {f->w, f->scale, f->wz};
	const char *op[2] = {f->x, wf};
	const char *add[2] = {yf, f->bias};
	Sym *s = sym_get(c, f->scale);
	Onnx__AttributeProto axis = ONNX__ATTRIBUTE_PROTO__INIT, *ap = &axis;
	Onnx__NodeProto dp = *ip;
	/* a scale per output channel: axis 0 of W [M, C/g, ...], 1 of B [K, N] */
	axis.name = "axis";
	axis.has_type = 1;
	axis.type = ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT;
	axis.has_i = 1;
	axis.i = conv ? 0 : 1;
	dp.attribute = &ap;
	dp.n_attribute = s && s->t && s->t->numel > 1;
	if (import_as(c, &dp, "DequantizeLinear", dq, *f->wz ? 3 : 2, wf, 1,
	    opset) ||
	    import_as(c, ip, conv ? "Conv" : "MatMul", op, 2, yf, conv, opset))
		return -1;
	return f->bias ? import_as(c, node[k], "Add", add, 2, out, 0, opset) : 0;
}
