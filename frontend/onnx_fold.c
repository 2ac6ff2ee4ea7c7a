/* onnx_fold.c - the ONNX ops that compute on tensors known at import
 * time: Constant, Shape, Gather, Unsqueeze, Squeeze, Slice, Cast and
 * ConstantOfShape. They fold into a Tens (and so the shape sub-graphs of
 * exporters fold into a static reshape); on run-time data Gather and Slice
 * become gather and slice nodes, Unsqueeze/Squeeze a reshape, Cast of float
 * to float an alias, and the others reject. */
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

/* The ids of a gather node: a run-time integer value (int64 and int32
 * graph inputs are i32), or constant indices as an i32 constant. */
static Value *gather_ids(Ctx *c, NodeCtx *n)
{
	Sym *s = n->in[1];
	if (s->v) {
		int dt = sym_dtype(s);
		if (dt != ONNX__TENSOR_PROTO__DATA_TYPE__INT64 &&
			dt != ONNX__TENSOR_PROTO__DATA_TYPE__INT32) {
			imp_reject(c, n, "indices '%s' have element type %s; expected "
				"int32 or int64", s->name, onnx_dtype_name(dt));
			return NULL;
		}
		return s->v;
	}
	Tens *t = imp_const(c, n, 1);
	if (!t)
		return NULL;
	if (t->is_float) {
		imp_reject(c, n, "indices must be integers");
		return NULL;
	}
	Type ty = {.elem = DT_I32, .rank = t->rank};
	memcpy(ty.dims, t->dims, t->rank * sizeof *t->dims);
	int32_t *d = graph_alloc_data(c->g, &ty);
	for (int64_t k = 0; k < t->numel; k++) {
		if (t->i[k] < INT32_MIN || t->i[k] > INT32_MAX) {
			imp_reject(c, n, "index %lld is out of range",
				(long long)t->i[k]);
			return NULL;
		}
		d[k] = (int32_t)t->i[k];
	}
	return graph_add_const(c->g, sym_fresh_name(c, n->p->output[0], "_ids"),
		&ty, d, c->loc);
}

/* Gather of run-time data, or by run-time ids: a gather node. */
static int gather_node(Ctx *c, NodeCtx *n, int64_t axis)
{
	Value *in[2] = {imp_value(c, n, 0), NULL};
	if (!in[0] || !(in[1] = gather_ids(c, n)))
		return -1;
	Node *node = imp_node(c, n, OP_GATHER, in, 2, 0, NULL);
	if (!node)
		return -1;
	attr_set_int(c->g, node, "axis", axis);
	return imp_finish(c, n, node, 0);
}

static int import_gather(Ctx *c, NodeCtx *n)
{
	int64_t axis, dims[QCC_MAX_RANK];
	int ax;
	if (!imp_has(n, 0) || !imp_has(n, 1))
		return imp_reject(c, n, "inputs 0 and 1 are required");
	if (imp_attr_int(c, n, "axis", 0, &axis))
		return -1;
	if (n->in[0]->v || n->in[1]->v)
		return gather_node(c, n, axis);
	Tens *d = imp_const(c, n, 0);
	Tens *idx = imp_const(c, n, 1);
	if (!d || !idx ||
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

/* Slice's starts, ends, axes and steps: attributes before opset 10,
 * constant inputs 1-4 from it; as per-axis start, step and count over a
 * tensor of rank r with dims. */
static int slice_lists(Ctx *c, NodeCtx *n, int r, const int64_t *dims,
	int64_t *start, int64_t *step, int64_t *cnt)
{
	int64_t lst[4][QCC_MAX_RANK];
	int len[4] = {-1, -1, -1, -1};
	static const char *const names[4] = {"starts", "ends", "axes", "steps"};
	if (n->opset < 10 && n->nin > 1)
		return imp_reject(c, n, "starts, ends and axes are attributes "
			"before opset 10");
	if (n->opset >= 10 && (imp_attr(n, "starts") || imp_attr(n, "ends") ||
		imp_attr(n, "axes")))
		return imp_reject(c, n, "starts, ends and axes are inputs from "
			"opset 10");
	for (int k = 0; k < 4; k++) {
		if (n->opset < 10) {
			if (k < 3 && imp_attr_ints(c, n, names[k], lst[k], QCC_MAX_RANK,
				&len[k]))
				return -1;
			continue;
		}
		if (!imp_has(n, k + 1))
			continue;
		Tens *t = imp_const(c, n, k + 1);
		if (!t)
			return -1;
		if (t->is_float || t->numel > r)
			return imp_reject(c, n, "%s must be at most %d integers",
				names[k], r);
		len[k] = (int)t->numel;
		memcpy(lst[k], t->i, t->numel * sizeof *t->i);
	}
	if (len[0] < 0 || len[1] != len[0] || (len[2] >= 0 && len[2] != len[0]) ||
		(len[3] >= 0 && len[3] != len[0]))
		return imp_reject(c, n, "starts, ends, axes and steps must be "
			"integer lists of one length");
	for (int i = 0; i < r; i++)
		start[i] = 0, step[i] = 1, cnt[i] = dims[i];
	for (int k = 0; k < len[0]; k++) {
		int a;
		if (imp_axis(c, n, len[2] >= 0 ? lst[2][k] : k, r, &a))
			return -1;
		int64_t dim = dims[a], s = len[3] >= 0 ? lst[3][k] : 1;
		int64_t b = lst[0][k], e = lst[1][k];
		if (s == 0)
			return imp_reject(c, n, "a step is 0");
		b = b < 0 ? b + dim : b;
		e = e < 0 ? e + dim : e;
		int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
		b = b < lo ? lo : b > hi ? hi : b;
		e = e < lo ? lo : e > hi ? hi : e;
		/* 1 + (|e - b| - 1) / |s| elements, computed so that no step,
		 * however near the int64 limits, overflows */
		cnt[a] = s > 0 ? (e > b ? 1 + (e - b - 1) / s : 0) :
			(b > e ? 1 - (b - e - 1) / s : 0);
		start[a] = b, step[a] = s;
	}
	return 0;
}

/* Slice of run-time data: a slice node (every axis must keep an element). */
static int slice_node(Ctx *c, NodeCtx *n, int r, const int64_t *start,
	const int64_t *step, const int64_t *cnt)
{
	for (int i = 0; i < r; i++)
		if (cnt[i] == 0)
			return imp_reject(c, n, "the slice of axis %d is empty", i);
	Value *x = imp_value(c, n, 0);
	Node *node = x ? imp_node(c, n, OP_SLICE, &x, 1, 0, NULL) : NULL;
	if (!node)
		return -1;
	attr_set_ints(c->g, node, "starts", start, r);
	attr_set_ints(c->g, node, "steps", step, r);
	attr_set_ints(c->g, node, "sizes", cnt, r);
	return imp_finish(c, n, node, 0);
}

static int import_slice(Ctx *c, NodeCtx *n)
{
	int64_t start[QCC_MAX_RANK], step[QCC_MAX_RANK], dims[QCC_MAX_RANK],
		xdims[QCC_MAX_RANK];
	int r;
	if (!imp_has(n, 0))
		return imp_reject(c, n, "input 0 is required");
	imp_shape(n->in[0], &r, xdims);
	if (slice_lists(c, n, r, xdims, start, step, dims))
		return -1;
	if (n->in[0]->v)
		return slice_node(c, n, r, start, step, dims);
	Tens *d = imp_const(c, n, 0);
	if (!d)
		return -1;
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
	{"Gather", 1, 0, 0, import_gather, "axis",
	 "gather (run-time data or ids); folds constants"},
	{"Shape", 1, 0, 0, import_shape, "end start", "folds (static shapes)"},
	{"Slice", 1, 0, 0x1e, import_slice, "axes ends starts",
	 "slice; folds constants"},
	{"Squeeze", 1, 0, 0x2, import_squeeze, "axes", "reshape; folds constants"},
	{"Unsqueeze", 1, 0, 0x2, import_unsqueeze, "axes",
	 "reshape; folds constants"},
};

const OnnxOpTable onnx_fold_table = ONNX_OP_TABLE(rows);
