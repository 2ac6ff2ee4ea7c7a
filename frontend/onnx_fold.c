/* onnx_fold.c - the ONNX ops that only compute on tensors known at import
 * time: Constant, Shape, Gather, Unsqueeze, Squeeze, Slice, Cast and
 * ConstantOfShape. They fold into a Tens (and so the shape sub-graphs of
 * exporters fold into a static reshape); on run-time data they reject, except
 * Unsqueeze/Squeeze (a reshape) and Cast of float to float (an alias). */
#include <math.h>
#include <string.h>

#include "onnx_imp.h"

static int import_constant(Ctx *c, NodeCtx *n)
{
	if (n->p->n_attribute != 1)
		return imp_reject(c, n, "expects exactly one attribute");
	const Onnx__AttributeProto *a = n->p->attribute[0];
	const char *an = a->name ? a->name : "";
	Tens *t = NULL;
	if (strcmp(an, "value") && imp_attr_opsets(c, n, an, 12, 0))
		return -1;  /* value_float and the others came in opset 12 */
	if (strcmp(an, "value") == 0 && a->t) {
		t = imp_tensor(c, a->t, "the value attribute");
		if (!t)
			return -1;
	} else if (strcmp(an, "value_float") == 0) {
		t = tens_new(c, 1, 0, NULL);
		t->f[0] = a->f;
	} else if (strcmp(an, "value_int") == 0) {
		t = tens_new(c, 0, 0, NULL);
		t->i[0] = a->i;
	} else if (strcmp(an, "value_floats") == 0 || strcmp(an, "value_ints") == 0) {
		int fl = an[6] == 'f';
		int64_t len = fl ? (int64_t)a->n_floats : (int64_t)a->n_ints;
		t = tens_new(c, fl, 1, &len);
		for (int64_t k = 0; k < len; k++) {
			if (fl)
				t->f[k] = a->floats[k];
			else
				t->i[k] = a->ints[k];
		}
	} else {
		return imp_reject(c, n, "attribute '%s' is not supported", an);
	}
	return sym_bind_tens(c, n->p->output[0], t);
}

static int import_shape(Ctx *c, NodeCtx *n)
{
	int64_t dims[QCC_MAX_RANK], start, end;
	int rank;
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	if (imp_attr_int(c, n, "start", 0, &start) ||
		imp_attr_int(c, n, "end", rank, &end))
		return -1;
	start = start < 0 ? start + rank : start;
	end = end < 0 ? end + rank : end;
	start = start < 0 ? 0 : start > rank ? rank : start;
	end = end < start ? start : end > rank ? rank : end;
	int64_t len = end - start;
	Tens *t = tens_new(c, 0, 1, &len);
	for (int64_t i = 0; i < len; i++)
		t->i[i] = dims[start + i];
	return sym_bind_tens(c, n->p->output[0], t);
}

static int import_gather(Ctx *c, NodeCtx *n)
{
	int64_t axis, dims[QCC_MAX_RANK];
	int ax;
	Tens *d = imp_has(n, 0) && n->in[0]->v ? NULL : imp_const(c, n, 0);
	Tens *idx = imp_const(c, n, 1);
	if (!d && imp_has(n, 0) && n->in[0]->v)
		return imp_reject(c, n, "gathering from run-time data is not "
			"supported");
	if (!d || !idx || imp_attr_int(c, n, "axis", 0, &axis) ||
		imp_axis(c, n, axis, d->rank, &ax))
		return -1;
	if (idx->is_float || d->rank + idx->rank - 1 > QCC_MAX_RANK)
		return imp_reject(c, n, "indices must be integers");
	int r = 0;
	for (int i = 0; i < ax; i++)
		dims[r++] = d->dims[i];
	for (int i = 0; i < idx->rank; i++)
		dims[r++] = idx->dims[i];
	for (int i = ax + 1; i < d->rank; i++)
		dims[r++] = d->dims[i];
	Tens *o = tens_fold_new(c, n, d->is_float, r, dims);
	if (!o)
		return -1;
	o->dt = d->dt;
	int64_t outer = 1, inner = 1, pos = 0;
	for (int i = 0; i < ax; i++)
		outer *= d->dims[i];
	for (int i = ax + 1; i < d->rank; i++)
		inner *= d->dims[i];
	for (int64_t o1 = 0; o1 < outer; o1++)
		for (int64_t k = 0; k < idx->numel; k++) {
			int64_t j = idx->i[k] < 0 ? idx->i[k] + d->dims[ax] : idx->i[k];
			if (j < 0 || j >= d->dims[ax])
				return imp_reject(c, n, "index %lld is out of range",
					(long long)idx->i[k]);
			for (int64_t in = 0; in < inner; in++, pos++) {
				int64_t src = (o1 * d->dims[ax] + j) * inner + in;
				if (d->is_float)
					o->f[pos] = d->f[src];
				else
					o->i[pos] = d->i[src];
			}
		}
	return sym_bind_tens(c, n->p->output[0], o);
}

/* Axes of Unsqueeze/Squeeze: an attribute before opset 13, an input after. */
static int read_axes(Ctx *c, NodeCtx *n, int64_t *axes, int *len)
{
	if (n->opset < 13) {
		if (n->nin > 1)
			return imp_reject(c, n, "axes is an attribute before opset 13");
		return imp_attr_ints(c, n, "axes", axes, QCC_MAX_RANK, len);
	}
	if (imp_attr(n, "axes"))
		return imp_reject(c, n, "axes is an input from opset 13");
	*len = -1;
	if (!imp_has(n, 1))
		return 0;
	Tens *t = imp_const(c, n, 1);
	if (!t)
		return -1;
	if (t->is_float || t->numel > QCC_MAX_RANK)
		return imp_reject(c, n, "axes must be at most %d integers",
			QCC_MAX_RANK);
	*len = (int)t->numel;
	memcpy(axes, t->i, *len * sizeof *axes);
	return 0;
}

static int import_unsqueeze(Ctx *c, NodeCtx *n)
{
	int64_t axes[QCC_MAX_RANK], dims[QCC_MAX_RANK], out[QCC_MAX_RANK];
	int rank, len, mark = 0;
	if (!imp_has(n, 0) || read_axes(c, n, axes, &len))
		return imp_has(n, 0) ? -1 : imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	if (len < 0 || rank + len > QCC_MAX_RANK)
		return imp_reject(c, n, "axes are missing or make the rank exceed %d",
			QCC_MAX_RANK);
	for (int i = 0; i < len; i++) {
		int ax;
		if (imp_axis(c, n, axes[i], rank + len, &ax))
			return -1;
		if (mark >> ax & 1)
			return imp_reject(c, n, "axis %d is repeated", ax);
		mark |= 1 << ax;
	}
	for (int i = 0, k = 0; i < rank + len; i++)
		out[i] = mark >> i & 1 ? 1 : dims[k++];
	return imp_reshape(c, n, rank + len, out);
}

static int import_squeeze(Ctx *c, NodeCtx *n)
{
	int64_t axes[QCC_MAX_RANK], dims[QCC_MAX_RANK], out[QCC_MAX_RANK];
	int rank, len, mark = 0, r = 0;
	if (!imp_has(n, 0) || read_axes(c, n, axes, &len))
		return imp_has(n, 0) ? -1 : imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &rank, dims);
	for (int i = 0; i < len; i++) {
		int ax;
		if (imp_axis(c, n, axes[i], rank, &ax))
			return -1;
		if (dims[ax] != 1)
			return imp_reject(c, n, "axis %d has size %lld, not 1", ax,
				(long long)dims[ax]);
		mark |= 1 << ax;
	}
	for (int i = 0; i < rank; i++)
		if (len < 0 ? dims[i] != 1 : !(mark >> i & 1))
			out[r++] = dims[i];
	return imp_reshape(c, n, r, out);
}

static int import_slice(Ctx *c, NodeCtx *n)
{
	if (imp_has(n, 0) && n->in[0]->v)
		return imp_reject(c, n, "slicing run-time data is not supported");
	Tens *d = imp_const(c, n, 0), *st = imp_const(c, n, 1),
		*en = imp_const(c, n, 2);
	Tens *ax = imp_has(n, 3) ? imp_const(c, n, 3) : NULL;
	Tens *sp = imp_has(n, 4) ? imp_const(c, n, 4) : NULL;
	if (!d || !st || !en || (imp_has(n, 3) && !ax) || (imp_has(n, 4) && !sp))
		return -1;
	int r = d->rank;
	int64_t start[QCC_MAX_RANK], step[QCC_MAX_RANK], dims[QCC_MAX_RANK];
	for (int i = 0; i < r; i++)
		start[i] = 0, step[i] = 1, dims[i] = d->dims[i];
	if (st->is_float || en->is_float || st->numel != en->numel ||
		st->numel > r || (ax && (ax->is_float || ax->numel != st->numel)) ||
		(sp && (sp->is_float || sp->numel != st->numel)))
		return imp_reject(c, n, "starts, ends, axes and steps must be "
			"integer lists of one length");
	for (int k = 0; k < st->numel; k++) {
		int a;
		if (imp_axis(c, n, ax ? ax->i[k] : k, r, &a))
			return -1;
		int64_t dim = d->dims[a], s = sp ? sp->i[k] : 1;
		int64_t b = st->i[k], e = en->i[k];
		if (s == 0)
			return imp_reject(c, n, "a step is 0");
		b = b < 0 ? b + dim : b;
		e = e < 0 ? e + dim : e;
		int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
		b = b < lo ? lo : b > hi ? hi : b;
		e = e < lo ? lo : e > hi ? hi : e;
		/* 1 + (|e - b| - 1) / |s| elements, computed so that no step,
		 * however near the int64 limits, overflows */
		int64_t cnt = s > 0 ? (e > b ? 1 + (e - b - 1) / s : 0) :
			(b > e ? 1 - (b - e - 1) / s : 0);
		start[a] = b, step[a] = s, dims[a] = cnt;
	}
	Tens *o = tens_new(c, d->is_float, r, dims);
	o->dt = d->dt;
	for (int64_t k = 0; k < o->numel; k++) {
		int64_t rest = k, src = 0, stride = 1;
		for (int i = r - 1; i >= 0; i--) {
			src += (start[i] + (rest % dims[i]) * step[i]) * stride;
			rest /= dims[i];
			stride *= d->dims[i];
		}
		if (d->is_float)
			o->f[k] = d->f[src];
		else
			o->i[k] = d->i[src];
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

static int import_cast(Ctx *c, NodeCtx *n)
{
	int64_t to;
	if (!imp_has(n, 0) || imp_attr_int(c, n, "to", 0, &to))
		return imp_has(n, 0) ? -1 : imp_reject(c, n, "input 0 is required");
	int to_float = to == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT ||
		to == ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE;
	int to_int = to == ONNX__TENSOR_PROTO__DATA_TYPE__INT64 ||
		to == ONNX__TENSOR_PROTO__DATA_TYPE__INT32;
	if (n->in[0]->v) {
		if (!sym_is_float(n->in[0]))
			return imp_reject(c, n, "input '%s' has element type %s; casting "
				"run-time integers is not supported", n->in[0]->name,
				onnx_dtype_name(sym_dtype(n->in[0])));
		if (to == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT)
			return imp_alias(c, n);
		return imp_reject(c, n, "casting run-time data to type %lld is not "
			"supported", (long long)to);
	}
	if (!to_float && !to_int)
		return imp_reject(c, n, "cast to type %lld is not supported",
			(long long)to);
	const Tens *t = n->in[0]->t;
	Tens *o = tens_new(c, to_float, t->rank, t->dims);
	o->dt = (int)to;
	for (int64_t k = 0; k < t->numel; k++) {
		if (to_float)
			o->f[k] = t->is_float ? t->f[k] : (float)t->i[k];
		else if (!t->is_float)
			o->i[k] = t->i[k];
		else if (isfinite(t->f[k]) && fabsf(t->f[k]) < 9.2e18f)
			o->i[k] = (int64_t)t->f[k];
		else
			return imp_reject(c, n, "value out of integer range");
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

static int import_constant_of_shape(Ctx *c, NodeCtx *n)
{
	Tens *s = imp_const(c, n, 0);
	if (!s)
		return -1;
	if (s->is_float || s->rank != 1 || s->numel > QCC_MAX_RANK)
		return imp_reject(c, n, "shape must be a 1-D integer tensor");
	const Onnx__AttributeProto *a = imp_attr(n, "value");
	Tens *v = NULL;
	if (a && (!a->t || !(v = imp_tensor(c, a->t, "the value attribute"))))
		return a->t ? -1 : imp_reject(c, n, "attribute 'value' is not a tensor");
	if (v && v->numel != 1)
		return imp_reject(c, n, "value must hold one element");
	Tens *o = tens_fold_new(c, n, v ? v->is_float : 1, (int)s->numel, s->i);
	if (!o)
		return -1;
	o->dt = v ? v->dt : ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
	for (int64_t k = 0; k < o->numel; k++) {
		if (o->is_float)
			o->f[k] = v ? v->f[0] : 0;
		else
			o->i[k] = v->i[0];
	}
	return sym_bind_tens(c, n->p->output[0], o);
}

/* ---- the table: ops folded at import time ---- */

/* op type, opsets (first, last; 0: ONNX_OPSET_MAX), inputs that must be
 * known at import time (bit i: input i), importer, accepted attributes,
 * the note `qcc --list-ops` prints */
static const OnnxOp rows[] = {
	{"Cast", 6, 0, 0, import_cast, "saturate to",
	 "folds; float to float is dropped (saturate: float8 only)"},
	{"Constant", 1, 0, 0, import_constant,
	 "value value_float value_floats value_int value_ints", "folds"},
	{"ConstantOfShape", 9, 0, 0x1, import_constant_of_shape, "value", "folds"},
	{"Gather", 1, 0, 0x3, import_gather, "axis", "folds (constant data only)"},
	{"Shape", 1, 0, 0, import_shape, "end start", "folds (static shapes)"},
	{"Slice", 10, 0, 0x1f, import_slice, "", "folds (constant data only)"},
	{"Squeeze", 1, 0, 0x2, import_squeeze, "axes", "reshape; folds constants"},
	{"Unsqueeze", 1, 0, 0x2, import_unsqueeze, "axes",
	 "reshape; folds constants"},
};

const OnnxOpTable onnx_fold_table = ONNX_OP_TABLE(rows);
