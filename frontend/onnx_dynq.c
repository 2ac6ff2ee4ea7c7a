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

/* Cast's `to` is float. */
static int casts_to_float(const Onnx__NodeProto *p)
{
	for (size_t i = 0; i < p->n_attribute; i++)
		if (p->attribute[i]->name && !strcmp(p->attribute[i]->name, "to"))
			return p->attribute[i]->i == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
	return 0;
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
